package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.AccessTokenService;
import org.luoshi.account.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The org REST API with real bearer tokens, for each role. */
@LuoshiTest
@Import(OrgFixtures.class)
class OrgApiTest {

    private static final Map<String, String> TOKENS = new HashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessTokenService tokens;

    @Autowired
    OrgFixtures fx;

    @Autowired
    OrgUnitService units;

    @Autowired
    ObjectMapper json;

    String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            SignedInUser user = (SignedInUser) users.loadUserByUsername(u);
            return tokens.issue(user.getAccountId(), "org-api-test", null).token();
        });
    }

    ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token(username)));
    }

    ResultActions send(String username, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return call(username, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void theOfficerOfOneTownshipCannotReadOrChangeAnother() throws Exception {
        OrgUnit shiqiao = fx.township("石桥乡");
        OrgUnit village = fx.child(shiqiao, "石桥村");
        Post post = fx.firstPost(shiqiao);
        Person person = fx.firstPerson(shiqiao);
        Person mine = fx.firstPerson(fx.township("柳溪镇"));

        call("officer", get("/api/v1/org/units"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItems("柳溪镇", "柳溪村")))
                .andExpect(jsonPath("$[*].name", not(hasItem("石桥乡"))));
        call("officer", get("/api/v1/org/units/" + shiqiao.getId()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        call("officer", get("/api/v1/org/people").param("unitId", shiqiao.getId().toString())).andExpect(status().isNotFound());
        call("officer", get("/api/v1/org/people/" + person.getId())).andExpect(status().isNotFound());
        call("officer", get("/api/v1/org/posts").param("unitId", shiqiao.getId().toString())).andExpect(status().isNotFound());
        call("officer", get("/api/v1/org/posts/" + post.getId())).andExpect(status().isNotFound());
        call("officer", get("/api/v1/org/posts/" + post.getId() + "/holdings")).andExpect(status().isNotFound());
        send("officer", put("/api/v1/org/units/" + village.getId()), Map.of("name", "改名", "sortOrder", 0))
                .andExpect(status().isNotFound());
        call("officer", delete("/api/v1/org/units/" + village.getId())).andExpect(status().isNotFound());
        call("officer", post("/api/v1/org/units/" + village.getId() + "/deactivate")).andExpect(status().isNotFound());
        send("officer", post("/api/v1/org/units"),
                Map.of("parentId", shiqiao.getId(), "kind", "VILLAGE", "name", OrgFixtures.unique("村")))
                .andExpect(status().isNotFound());
        send("officer", put("/api/v1/org/people/" + person.getId()), Map.of("unitId", shiqiao.getId(), "name", "改名"))
                .andExpect(status().isNotFound());
        send("officer", put("/api/v1/org/posts/" + post.getId() + "/holder"),
                Map.of("personId", mine.getId(), "from", "2030-01-01")).andExpect(status().isNotFound());
        call("officer", delete("/api/v1/org/posts/" + post.getId() + "/holder").param("lastDay", "2030-01-01"))
                .andExpect(status().isNotFound());
        assertThat(units.getUnchecked(village.getId()).getName()).isEqualTo("石桥村");
        assertThat(units.getUnchecked(village.getId()).isActive()).isTrue();
    }

    @Test
    void theCountyReviewerReadsEveryTownshipButEveryWriteIsForbidden() throws Exception {
        OrgUnit shiqiao = fx.township("石桥乡");
        Post post = fx.firstPost(shiqiao);
        Person person = fx.firstPerson(shiqiao);
        call("county", get("/api/v1/org/units"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItems("青禾县", "柳溪镇", "石桥乡", "东城街道")));
        call("county", get("/api/v1/org/units/" + shiqiao.getId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.registeredPopulation").value(18210));
        call("county", get("/api/v1/org/posts/" + post.getId())).andExpect(status().isOk());
        call("county", get("/api/v1/org/people/" + person.getId())).andExpect(status().isOk());

        send("county", post("/api/v1/org/units"),
                Map.of("parentId", shiqiao.getId(), "kind", "VILLAGE", "name", OrgFixtures.unique("村")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        send("county", put("/api/v1/org/units/" + shiqiao.getId()), Map.of("name", "改名"))
                .andExpect(status().isForbidden());
        send("county", post("/api/v1/org/units/" + shiqiao.getId() + "/move"), Map.of("parentId", fx.county().getId()))
                .andExpect(status().isForbidden());
        call("county", post("/api/v1/org/units/" + shiqiao.getId() + "/deactivate")).andExpect(status().isForbidden());
        call("county", post("/api/v1/org/units/" + shiqiao.getId() + "/activate")).andExpect(status().isForbidden());
        call("county", delete("/api/v1/org/units/" + shiqiao.getId())).andExpect(status().isForbidden());
        send("county", post("/api/v1/org/people"), Map.of("unitId", shiqiao.getId(), "name", "某人"))
                .andExpect(status().isForbidden());
        send("county", put("/api/v1/org/people/" + person.getId()), Map.of("unitId", shiqiao.getId(), "name", "某人"))
                .andExpect(status().isForbidden());
        send("county", post("/api/v1/org/posts"), Map.of("unitId", shiqiao.getId(), "title", "岗位", "kind", "OTHER"))
                .andExpect(status().isForbidden());
        send("county", put("/api/v1/org/posts/" + post.getId()), Map.of("title", "岗位", "kind", "OTHER"))
                .andExpect(status().isForbidden());
        send("county", put("/api/v1/org/posts/" + post.getId() + "/holder"),
                Map.of("personId", person.getId(), "from", "2030-01-01")).andExpect(status().isForbidden());
        call("county", delete("/api/v1/org/posts/" + post.getId() + "/holder").param("lastDay", "2030-01-01"))
                .andExpect(status().isForbidden());
        assertThat(units.getUnchecked(shiqiao.getId()).getName()).isEqualTo("石桥乡");
    }

    @Test
    void theTownshipLeaderIsReadOnly() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        call("leader", get("/api/v1/org/posts").param("unitId", liuxi.getId().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].holder.name").isNotEmpty());
        send("leader", put("/api/v1/org/units/" + liuxi.getId()), Map.of("name", "改名"))
                .andExpect(status().isForbidden());
        send("leader", post("/api/v1/org/people"), Map.of("unitId", liuxi.getId(), "name", "某人"))
                .andExpect(status().isForbidden());
        call("leader", delete("/api/v1/org/units/" + fx.child(liuxi, "柳溪村").getId())).andExpect(status().isForbidden());
    }

    @Test
    void theVillageClerkSeesOwnVillageOnlyAndCannotWriteTheOrgTree() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        OrgUnit own = fx.child(liuxi, "柳溪村");
        OrgUnit neighbour = fx.child(liuxi, "上塘村");
        call("clerk", get("/api/v1/org/units"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("柳溪村")))
                .andExpect(jsonPath("$[*].name", not(hasItem("上塘村"))))
                .andExpect(jsonPath("$[*].name", not(hasItem("柳溪镇"))));
        call("clerk", get("/api/v1/org/units/" + own.getId())).andExpect(status().isOk());
        call("clerk", get("/api/v1/org/units/" + neighbour.getId())).andExpect(status().isNotFound());
        call("clerk", get("/api/v1/org/people").param("unitId", neighbour.getId().toString())).andExpect(status().isNotFound());
        call("clerk", get("/api/v1/org/posts/" + fx.firstPost(neighbour).getId())).andExpect(status().isNotFound());
        call("clerk", get("/api/v1/org/people").param("unitId", own.getId().toString())).andExpect(status().isOk());
        send("clerk", put("/api/v1/org/units/" + own.getId()), Map.of("name", "改名")).andExpect(status().isForbidden());
        send("clerk", post("/api/v1/org/people"), Map.of("unitId", own.getId(), "name", "某人"))
                .andExpect(status().isForbidden());
        send("clerk", post("/api/v1/org/posts"), Map.of("unitId", own.getId(), "title", "岗位", "kind", "OTHER"))
                .andExpect(status().isForbidden());
        assertThat(units.getUnchecked(own.getId()).getName()).isEqualTo("柳溪村");
    }

    @Test
    void invalidRequestsAnswer400WithChineseFieldErrors() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        Map<String, Object> unit = new HashMap<>();
        unit.put("parentId", liuxi.getId());
        unit.put("kind", "VILLAGE");
        unit.put("name", "");
        unit.put("registeredPopulation", -1);
        send("officer", post("/api/v1/org/units"), unit)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fieldErrors[?(@.field == 'name')].message").value(hasItem("请填写单位名称。")))
                .andExpect(jsonPath("$.fieldErrors[?(@.field == 'registeredPopulation')].message")
                        .value(hasItem("户籍人口不能为负数。")));
        send("officer", post("/api/v1/org/people"), Map.of("unitId", liuxi.getId(), "name", "张三", "phone", "110"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[?(@.field == 'phone')].message").value(hasItem(containsString("11 位手机号码"))));
        send("officer", put("/api/v1/org/posts/" + fx.firstPost(liuxi).getId() + "/holder"), Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItems("personId", "from")));
        send("officer", post("/api/v1/org/units/" + fx.child(liuxi, "柳溪村").getId() + "/move"), Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[?(@.field == 'parentId')].message").value(hasItem("请选择上级单位。")));
    }

    @Test
    void theOfficerManagesUnitsThroughTheApi() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        String name = OrgFixtures.unique("综合办");
        JsonNode created = body(send("officer", post("/api/v1/org/units"), Map.of("parentId", liuxi.getId(),
                "kind", "DEPARTMENT", "name", name, "registeredPopulation", 0, "sortOrder", 80))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/org/units/"))));
        long id = created.get("id").asLong();
        assertThat(created.get("path").asText()).isEqualTo(liuxi.getPath() + id + "/");

        JsonNode section = body(send("officer", post("/api/v1/org/units"),
                Map.of("parentId", id, "kind", "DEPARTMENT", "name", OrgFixtures.unique("科")))
                .andExpect(status().isCreated()));
        send("officer", post("/api/v1/org/units"), Map.of("parentId", section.get("id").asLong(), "kind", "VILLAGE",
                "name", OrgFixtures.unique("村")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("该类别的单位不能设在")));
        send("officer", post("/api/v1/org/units/" + id + "/move"), Map.of("parentId", section.get("id").asLong()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("不能把单位移动到它自己的下级之下。"));
        call("officer", delete("/api/v1/org/units/" + id))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("下还有下级单位")));
        call("officer", post("/api/v1/org/units/" + id + "/deactivate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("启用中的下级单位")));

        String renamed = OrgFixtures.unique("新名");
        send("officer", put("/api/v1/org/units/" + id), Map.of("name", renamed, "registeredPopulation", 12, "sortOrder", 3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(renamed))
                .andExpect(jsonPath("$.registeredPopulation").value(12));
        call("officer", post("/api/v1/org/units/" + section.get("id").asLong() + "/deactivate"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        call("officer", post("/api/v1/org/units/" + section.get("id").asLong() + "/activate"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        call("officer", delete("/api/v1/org/units/" + section.get("id").asLong())).andExpect(status().isNoContent());
        call("officer", delete("/api/v1/org/units/" + id)).andExpect(status().isNoContent());
        call("officer", get("/api/v1/org/units/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void theOfficerRecordsPeopleAndAppointmentsThroughTheApi() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        long postId = body(send("officer", post("/api/v1/org/posts"), Map.of("unitId", liuxi.getId(),
                "title", OrgFixtures.unique("宣传干事"), "kind", "PROPAGANDA_OFFICER", "sortOrder", 30))
                .andExpect(status().isCreated())).get("id").asLong();
        long first = body(send("officer", post("/api/v1/org/people"), Map.of("unitId", liuxi.getId(),
                "name", OrgFixtures.unique("李"), "gender", "MALE", "phone", "13912345678"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gender").value("MALE"))).get("id").asLong();
        long second = body(send("officer", post("/api/v1/org/people"), Map.of("unitId", liuxi.getId(),
                "name", OrgFixtures.unique("赵")))
                .andExpect(status().isCreated())).get("id").asLong();

        send("officer", put("/api/v1/org/posts/" + postId + "/holder"), Map.of("personId", first, "from", "2024-03-01"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.current").value(true));
        send("officer", put("/api/v1/org/posts/" + postId + "/holder"), Map.of("personId", second, "from", "2024-03-01"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("2024-03-01")));
        send("officer", put("/api/v1/org/posts/" + postId + "/holder"), Map.of("personId", second, "from", "2025-09-10"))
                .andExpect(status().isOk());

        call("officer", get("/api/v1/org/posts/" + postId + "/holdings"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].personId").value(second))
                .andExpect(jsonPath("$[0].current").value(true))
                .andExpect(jsonPath("$[1].personId").value(first))
                .andExpect(jsonPath("$[1].startDate").value("2024-03-01"))
                .andExpect(jsonPath("$[1].endDate").value("2025-09-09"));
        call("officer", get("/api/v1/org/posts/" + postId))
                .andExpect(status().isOk()).andExpect(jsonPath("$.holder.personId").value(second));

        send("officer", put("/api/v1/org/people/" + second), Map.of("unitId", liuxi.getId(), "name", "赵某某", "note", "调任"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("赵某某"));
        call("officer", post("/api/v1/org/people/" + second + "/deactivate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("仍在岗任职")));
        call("officer", delete("/api/v1/org/posts/" + postId + "/holder").param("lastDay", "2026-02-28"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.endDate").value("2026-02-28"));
        call("officer", delete("/api/v1/org/posts/" + postId + "/holder").param("lastDay", "2026-03-01"))
                .andExpect(status().isConflict());
        call("officer", post("/api/v1/org/people/" + second + "/deactivate"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        call("officer", get("/api/v1/org/people").param("unitId", liuxi.getId().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItems((int) first, (int) second)));
    }

    @Test
    void theOpenApiDocumentDescribesTheOrgEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs").with(org.luoshi.TestUsers.as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/org/units/{id}/move']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/org/posts/{id}/holder']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/org/people']").exists());
    }
}
