package org.luoshi.inspection;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A checklist and a visit are their own unit's work: the county reviewer, who reads every township,
 * cannot rename a township's checklist, change its items, or answer, add findings to or finish a
 * township officer's draft visit; the officer still can, and the county still runs its own.
 */
@LuoshiTest
class OwnershipTest {

    static final LocalDate TODAY = org.luoshi.TestClock.today();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrgUnitService units;

    final ObjectMapper json = new ObjectMapper();

    JsonNode api(MockHttpServletRequestBuilder request, String user, Object body, int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String text = mvc.perform(request.with(TestUsers.as(users, user))).andExpect(status().is(expected)).andReturn()
                .getResponse().getContentAsString();
        return text.isEmpty() ? null : json.readTree(text);
    }

    @Test
    void theCountyReadsButDoesNotChangeATownshipsChecklistOrVisit() throws Exception {
        JsonNode checklist = api(post("/api/v1/inspection/checklists"), "officer",
                Map.of("title", "镇级清单-" + UUID.randomUUID(), "directiveRef", "柳宣〔2026〕1号"), 201);
        long id = checklist.get("id").asLong();
        JsonNode item = api(post("/api/v1/inspection/checklists/" + id + "/items"), "officer",
                Map.of("itemNo", "1", "title", "村宣传栏及时更新", "category", "POSITION"), 201);
        long itemId = item.get("id").asLong();

        // the county reads it, and may not touch it: not through the API, not through the page
        api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/inspection/checklists/" + id),
                "county", null, 200);
        api(post("/api/v1/inspection/checklists/" + id + "/items"), "county",
                Map.of("itemNo", "2", "title", "县里加的", "category", "POSITION"), 403);
        api(put("/api/v1/inspection/checklists/" + id + "/items/" + itemId), "county",
                Map.of("itemNo", "1", "title", "县里改的", "category", "POSITION"), 403);
        api(delete("/api/v1/inspection/checklists/" + id + "/items/" + itemId), "county", null, 403);
        mvc.perform(post("/inspection/checklists/" + id).with(TestUsers.as(users, "county")).with(csrf())
                        .param("title", "县里改名"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inspection/checklists/" + id + "/items/" + itemId + "/delete")
                        .with(TestUsers.as(users, "county")).with(csrf()))
                .andExpect(status().isForbidden());

        // the officer's draft visit to a village of the township
        long township = ((org.luoshi.account.SignedInUser) users.loadUserByUsername("officer")).scope().unitId();
        OrgUnit village = units.children(units.systemScope("test"), township).stream()
                .filter(u -> u.getKind() == org.luoshi.org.OrgUnitKind.VILLAGE).findFirst().orElseThrow();
        JsonNode visit = api(post("/api/v1/inspection/visits"), "officer",
                Map.of("checklistId", id, "heldOn", TODAY.toString(), "team", "镇督导组", "unitIds", List.of(village.getId())),
                201);
        long visitId = visit.at("/inspection/id").asLong();
        api(put("/api/v1/inspection/inspections/" + visitId + "/items/" + itemId), "county",
                Map.of("result", "NOT_MET", "statement", "县里代答"), 403);
        api(post("/api/v1/inspection/inspections/" + visitId + "/findings"), "county",
                Map.of("unitId", village.getId(), "title", "县里代记的问题", "detail", "x",
                        "ownerPostId", 1, "deadline", TODAY.plusDays(10).toString()), 403);
        api(post("/api/v1/inspection/inspections/" + visitId + "/finish-visit"), "county", Map.of("note", "县里代结束"), 403);

        // the owner still can
        api(put("/api/v1/inspection/inspections/" + visitId + "/items/" + itemId), "officer",
                Map.of("result", "MEETS", "statement", "宣传栏已更新"), 200);
        api(put("/api/v1/inspection/checklists/" + id + "/items/" + itemId), "officer",
                Map.of("itemNo", "1", "title", "村宣传栏按月更新", "category", "POSITION"), 200);
        // and the county its own
        JsonNode own = api(post("/api/v1/inspection/checklists"), "county",
                Map.of("title", "县级清单-" + UUID.randomUUID(), "directiveRef", "青宣发〔2026〕9号"), 201);
        api(post("/api/v1/inspection/checklists/" + own.get("id").asLong() + "/items"), "county",
                Map.of("itemNo", "1", "title", "县里的条目", "category", "POSITION"), 201);
    }
}
