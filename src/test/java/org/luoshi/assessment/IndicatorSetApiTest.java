package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The assessment API: roles and data scope for each kind of user, validation, locking, YAML in and out. */
@LuoshiTest
class IndicatorSetApiTest {

    static final String SETS = "/api/v1/assessment/sets";
    static final String SEMINARS = """
            {"code":"%s","name":"专题研讨","category":"理论学习","weight":8,"target":1,"periodMode":"EACH_QUARTER",
             "scoring":"PROPORTIONAL","rule":{"aggregation":"COUNT","kind":"STUDY_SESSION",
             "filters":[{"type":"SUB_KIND","values":["SEMINAR"]}]}}""";
    static final String MANUAL = """
            {"code":"%s","name":"文明创建成效","category":"文化与文明创建","weight":5,"periodMode":"YEAR",
             "scoring":"ALL_OR_NOTHING","manual":true}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ObjectMapper json;

    ResultActions call(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.as(users, user)));
    }

    MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    long unitOf(String user) {
        return ((SignedInUser) users.loadUserByUsername(user)).getUnitId();
    }

    long createSet(String user, String name, int year) throws Exception {
        String response = call(user, body(post(SETS), "{\"year\":" + year + ",\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).path("set").path("id").asLong();
    }

    long addIndicator(String user, long setId, String indicatorJson) throws Exception {
        String response = call(user, body(post(SETS + "/" + setId + "/indicators"), indicatorJson))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response).path("id").asLong();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void countyReviewerEditsAndPublishesTheCountySetWhichTownshipsThenRead() throws Exception {
        String name = unique("县考评");
        long id = createSet("county", name, 2026);
        addIndicator("county", id, SEMINARS.formatted("LL-02"));

        // a draft of the county is not shown to townships
        call("officer", get(SETS + "/" + id)).andExpect(status().isNotFound());
        call("officer", get(SETS).param("year", "2026")).andExpect(jsonPath("$[*].name", not(hasItem(name))));

        call("county", body(put(SETS + "/" + id), "{\"year\":2026,\"name\":\"" + name + "\",\"published\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.set.published").value(true));

        call("officer", get(SETS + "/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.set.editable").value(false))
                .andExpect(jsonPath("$.indicators[0].rule.filters[0].values[0]").value("SEMINAR"));
        call("clerk", get(SETS + "/" + id)).andExpect(status().isOk());
        call("officer", get(SETS).param("year", "2026")).andExpect(jsonPath("$[*].name", hasItem(name)));

        // a township officer cannot change the county's set
        call("officer", body(put(SETS + "/" + id), "{\"year\":2026,\"name\":\"x\",\"published\":false}"))
                .andExpect(status().isForbidden());
        call("officer", body(post(SETS + "/" + id + "/indicators"), SEMINARS.formatted("X-1")))
                .andExpect(status().isForbidden());
        call("officer", delete(SETS + "/" + id)).andExpect(status().isForbidden());
        call("leader", delete(SETS + "/" + id)).andExpect(status().isForbidden());
        call("admin", get(SETS + "/" + id)).andExpect(jsonPath("$.set.editable").value(true));
    }

    @Test
    void aTownshipsInternalSetIsItsOwn() throws Exception {
        String name = unique("镇内部考评");
        long id = createSet("officer", name, 2026);
        call("officer", get(SETS + "/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.set.ownerUnitId").value(unitOf("officer")))
                .andExpect(jsonPath("$.set.editable").value(true));
        long indicatorId = addIndicator("officer", id, SEMINARS.formatted("N-1"));

        // another township does not even learn that it exists
        call("officer2", get(SETS + "/" + id)).andExpect(status().isNotFound());
        call("officer2", body(put(SETS + "/" + id + "/indicators/" + indicatorId), SEMINARS.formatted("N-1")))
                .andExpect(status().isNotFound());
        call("officer2", delete(SETS + "/" + id)).andExpect(status().isNotFound());
        call("officer2", get(SETS + "/" + id + "/export")).andExpect(status().isNotFound());

        // the county reads it but does not edit a township's data; the leader reads only
        call("county", get(SETS + "/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.set.editable").value(false));
        call("county", delete(SETS + "/" + id + "/indicators/" + indicatorId)).andExpect(status().isForbidden());
        call("leader", get(SETS + "/" + id)).andExpect(status().isOk());
        call("leader", body(post(SETS + "/" + id + "/indicators"), SEMINARS.formatted("N-2")))
                .andExpect(status().isForbidden());
        call("leader", body(post(SETS), "{\"year\":2026,\"name\":\"" + unique("x") + "\"}"))
                .andExpect(status().isForbidden());
        call("clerk", body(post(SETS), "{\"year\":2026,\"name\":\"" + unique("x") + "\"}"))
                .andExpect(status().isForbidden());
        call("clerk", get(SETS + "/" + id)).andExpect(status().isNotFound());

        call("officer", body(put(SETS + "/" + id + "/indicators/" + indicatorId),
                SEMINARS.formatted("N-1").replace("\"weight\":8", "\"weight\":6")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.weight").value(6));
        call("officer", delete(SETS + "/" + id + "/indicators/" + indicatorId)).andExpect(status().isNoContent());
        call("officer", delete(SETS + "/" + id)).andExpect(status().isNoContent());
        call("officer", get(SETS + "/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void invalidRequestsAnswer400WithFieldErrors() throws Exception {
        call("officer", body(post(SETS), "{\"year\":1999,\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("year")));
        long id = createSet("officer", unique("校验"), 2026);
        call("officer", body(post(SETS + "/" + id + "/indicators"),
                SEMINARS.formatted("V-1").replace("\"weight\":8", "\"weight\":-2")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("weight"));
        call("officer", body(post(SETS + "/" + id + "/indicators"), """
                {"code":"V-2","name":"上稿","category":"新闻宣传","weight":5,"target":3,"periodMode":"YEAR",
                 "scoring":"PROPORTIONAL","rule":{"aggregation":"SUM","kind":"MEDIA_PLACEMENT","sumField":"pages",
                 "filters":[{"type":"FIELD_IN","field":"level","values":["GALACTIC"]}]}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("rule.sumField")))
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("rule.filters")))
                .andExpect(jsonPath("$.errors[0]", containsString("指标 V-2")));
        call("officer", body(post(SETS + "/" + id + "/indicators"),
                SEMINARS.formatted("V-3").replace("\"EACH_QUARTER\"", "\"FORTNIGHTLY\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("考核周期")));
        addIndicator("officer", id, SEMINARS.formatted("V-4"));
        call("officer", body(post(SETS + "/" + id + "/indicators"), SEMINARS.formatted("V-4")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("code"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("指标编号 V-4 重复"));
    }

    @Test
    void aPublishedSetIsLockedUntilWithdrawn() throws Exception {
        String name = unique("锁定");
        long id = createSet("officer", name, 2026);
        call("officer", body(put(SETS + "/" + id), "{\"year\":2026,\"name\":\"" + name + "\",\"published\":true}"))
                .andExpect(status().isOk());
        call("officer", body(post(SETS + "/" + id + "/indicators"), SEMINARS.formatted("L-1")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("撤回发布")));
        call("officer", delete(SETS + "/" + id)).andExpect(status().isConflict());
        call("officer", body(put(SETS + "/" + id), "{\"year\":2026,\"name\":\"" + name + "2\",\"published\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.set.name").value(name + "2"))
                .andExpect(jsonPath("$.set.published").value(false));
        call("officer", delete(SETS + "/" + id)).andExpect(status().isNoContent());
    }

    @Test
    void exportThenImportGivesTheSameIndicators() throws Exception {
        long id = createSet("officer", unique("导出"), 2026);
        addIndicator("officer", id, SEMINARS.formatted("E-1"));
        addIndicator("officer", id, MANUAL.formatted("E-2"));
        String yaml = call("officer", get(SETS + "/" + id + "/export"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(yaml).contains("code: E-1").contains("文明创建成效");
        String copyName = unique("导入");
        String copy = yaml.replaceFirst("(?m)^name: .*$", "name: " + copyName);
        String response = call("officer", post(SETS + "/import").contentType("application/yaml")
                .content(copy.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode imported = json.readTree(response);
        JsonNode original = json.readTree(call("officer", get(SETS + "/" + id)).andReturn().getResponse().getContentAsString());
        assertThat(imported.path("set").path("name").asText()).isEqualTo(copyName);
        assertThat(withoutIds(imported.path("indicators"))).isEqualTo(withoutIds(original.path("indicators")));

        // the same name again is a conflict; a broken file saves nothing
        call("officer", post(SETS + "/import").contentType("application/yaml")
                .content(copy.getBytes(java.nio.charset.StandardCharsets.UTF_8))).andExpect(status().isConflict());
        String brokenName = unique("坏文件");
        String broken = copy.replaceFirst("(?m)^name: .*$", "name: " + brokenName).replace("STUDY_SESSION", "STUDIES");
        call("officer", post(SETS + "/import").contentType("application/yaml")
                .content(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]", containsString("指标 E-1")))
                .andExpect(jsonPath("$.errors[0]", containsString("STUDIES")));
        call("officer", get(SETS).param("year", "2026")).andExpect(jsonPath("$[*].name", not(hasItem(brokenName))));
        call("leader", post(SETS + "/import").contentType("application/yaml").content(copy)).andExpect(status().isForbidden());
    }

    private static JsonNode withoutIds(JsonNode indicators) {
        indicators.forEach(i -> ((com.fasterxml.jackson.databind.node.ObjectNode) i).remove("id"));
        return indicators;
    }

    @Test
    void manualScoresNeedAReasonEvidenceAndAnEditor() throws Exception {
        long id = createSet("officer", unique("人工"), 2026);
        long manual = addIndicator("officer", id, MANUAL.formatted("M-1"));
        long computed = addIndicator("officer", id, SEMINARS.formatted("M-2"));
        long township = unitOf("officer");
        String url = SETS + "/" + id + "/indicators/" + manual + "/manual-scores/" + township;
        call("officer", body(put(url), "{\"score\":4.5,\"reason\":\"获评县级文明村镇\",\"evidence\":\"县文明委通报\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(4.5))
                .andExpect(jsonPath("$.scoredBy").value("officer"))
                .andExpect(jsonPath("$.scoredAt").isNotEmpty());
        call("officer", body(put(url), "{\"score\":6,\"reason\":\"r\",\"evidence\":\"e\"}"))
                .andExpect(status().isConflict());
        call("officer", body(put(url), "{\"score\":1,\"reason\":\"\",\"evidence\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("reason")));
        call("officer", body(put(SETS + "/" + id + "/indicators/" + computed + "/manual-scores/" + township),
                "{\"score\":1,\"reason\":\"r\",\"evidence\":\"e\"}")).andExpect(status().isConflict());
        call("county", body(put(url), "{\"score\":1,\"reason\":\"r\",\"evidence\":\"e\"}")).andExpect(status().isForbidden());
        call("officer", body(put(SETS + "/" + id + "/indicators/" + manual + "/manual-scores/" + unitOf("officer2")),
                "{\"score\":1,\"reason\":\"r\",\"evidence\":\"e\"}")).andExpect(status().isNotFound());
    }

    @Test
    void unauthenticatedCallsAreRefused() throws Exception {
        mvc.perform(get(SETS)).andExpect(status().isUnauthorized());
    }
}
