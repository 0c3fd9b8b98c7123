package org.luoshi.inspection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PostService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The inspection print views: 整改通知书, 督查反馈意见 and a checklist, in the scope of the pages they print. */
@LuoshiTest
class InspectionPrintWebTest {

    static final LocalDate TODAY = org.luoshi.TestClock.today();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrgUnitService units;
    @Autowired
    PostService posts;
    @Autowired
    ObjectMapper json;

    OrgUnit township(String name) {
        return units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals(name))
                .findFirst().orElseThrow();
    }

    JsonNode api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body, int expected)
            throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        return json.readTree(mvc.perform(request.with(TestUsers.as(users, "county"))).andExpect(status().is(expected))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void noticeFeedbackAndChecklistPrintInScopeAndAnotherTownshipGets404() throws Exception {
        String word = UUID.randomUUID().toString().substring(0, 6);
        long checklist = api(post("/api/v1/inspection/checklists"),
                Map.of("title", "打印清单-" + word, "directiveRef", "青宣发〔2026〕1号"), 201).get("id").asLong();
        api(post("/api/v1/inspection/checklists/" + checklist + "/items"),
                Map.of("itemNo", "1", "title", "领导小组健全" + word, "category", "LEADERSHIP", "expectedEvidence", "成立文件"), 201);
        OrgUnit liuxi = township("柳溪镇");
        long visit = api(post("/api/v1/inspection/visits"), Map.of("checklistId", checklist, "heldOn", TODAY.toString(),
                "team", "督导组", "unitIds", List.of(liuxi.getId())), 201).at("/inspection/id").asLong();
        long post = posts.postsOf(units.systemScope("test"), liuxi.getId()).get(0).getId();
        long finding = api(post("/api/v1/inspection/inspections/" + visit + "/findings"), Map.of("unitId", liuxi.getId(),
                "title", "台账不全-" + word, "detail", "现场发现", "ownerPostId", post, "deadline", TODAY.plusDays(20).toString()),
                201).get("id").asLong();

        mvc.perform(get("/inspection/findings/{id}/notice", finding).with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("整改通知书")))
                .andExpect(content().string(containsString("台账不全-" + word)))
                .andExpect(content().string(containsString(TODAY.plusDays(20).toString())))
                .andExpect(content().string(containsString("柳溪镇")))
                .andExpect(content().string(not(containsString("navbar"))));
        mvc.perform(get("/inspection/inspections/{id}/feedback", visit).with(TestUsers.as(users, "county")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("督查反馈意见")))
                .andExpect(content().string(containsString("id=\"notice-" + finding + "\"")))
                .andExpect(content().string(containsString("台账不全-" + word)));
        mvc.perform(get("/inspection/checklists/{id}/print", checklist).with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("领导小组健全" + word)))
                .andExpect(content().string(containsString("<td class=\"answer\"></td>")));
        // the pages they print link to them
        mvc.perform(get("/inspection/findings/{id}", finding).with(TestUsers.as(users, "officer")))
                .andExpect(content().string(containsString("/inspection/findings/" + finding + "/notice")));

        // 石桥乡 sees neither the finding nor the visit to 柳溪镇
        mvc.perform(get("/inspection/findings/{id}/notice", finding).with(TestUsers.as(users, "officer2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspection/inspections/{id}/feedback", visit).with(TestUsers.as(users, "officer2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspection/checklists/{id}/print", Long.MAX_VALUE).with(TestUsers.as(users, "officer")))
                .andExpect(status().isNotFound());
    }
}
