package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two people edit the same checklist or item from copies opened at the same time: the second save is
 * refused (409) with what is saved now and the typed input kept; nothing is silently overwritten.
 */
@LuoshiTest
class ChecklistStaleSaveTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ObjectMapper json;

    @Test
    void aSecondRenameFromTheSameCopyOfAChecklistIsRefusedKeepingTheInput() throws Exception {
        Cookie officer = TestUsers.signIn(mvc, "officer");
        Cookie admin = TestUsers.signIn(mvc, "admin");
        String title = "并发清单-" + UUID.randomUUID();
        String location = mvc.perform(post("/inspection/checklists").cookie(officer).with(csrf()).param("title", title))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long opened = checklist(id).get("version").asLong();
        // the form of the page carries the version the user opened
        mvc.perform(get("/inspection/checklists/" + id).cookie(officer))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + opened + "\"")));

        mvc.perform(rename(id, officer, title + "甲", opened)).andExpect(status().is3xxRedirection());
        String page = mvc.perform(rename(id, admin, title + "乙", opened))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("其他人已修改并保存")))
                .andExpect(content().string(containsString("value=\"" + title + "乙\"")))
                .andReturn().getResponse().getContentAsString();
        JsonNode saved = checklist(id);
        assertThat(saved.get("title").asText()).isEqualTo(title + "甲");
        assertThat(page).contains("name=\"version\" value=\"" + saved.get("version").asLong() + "\"");
        mvc.perform(rename(id, admin, title + "乙", saved.get("version").asLong())).andExpect(status().is3xxRedirection());
        assertThat(checklist(id).get("title").asText()).isEqualTo(title + "乙");
    }

    @Test
    void theApiAnswers409ForAStaleVersionOfAnItem() throws Exception {
        JsonNode checklist = api(post("/api/v1/inspection/checklists"), "{\"title\": \"并发条目-" + UUID.randomUUID() + "\"}", 201);
        long id = checklist.get("id").asLong();
        JsonNode item = api(post("/api/v1/inspection/checklists/" + id + "/items"),
                "{\"itemNo\": \"1\", \"title\": \"原来的条目\", \"category\": \"POSITION\"}", 201);
        long opened = item.get("version").asLong();
        String url = "/api/v1/inspection/checklists/" + id + "/items/" + item.get("id").asLong();
        String body = "{\"itemNo\": \"1\", \"title\": \"%s\", \"category\": \"POSITION\", \"version\": %d}";
        assertThat(api(put(url), body.formatted("先改的条目", opened), 200).get("version").asLong()).isEqualTo(opened + 1);
        mvc.perform(put(url).with(TestUsers.as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("后改的条目", opened)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("先改的条目")));
        assertThat(checklist(id).at("/items/0/title").asText()).isEqualTo("先改的条目");
    }

    private JsonNode checklist(long id) throws Exception {
        return api(get("/api/v1/inspection/checklists/" + id), null, 200);
    }

    private JsonNode api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body,
            int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return json.readTree(mvc.perform(request.with(TestUsers.as(users, "officer"))).andExpect(status().is(expected))
                .andReturn().getResponse().getContentAsString());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder rename(long id, Cookie session,
            String title, long version) {
        return post("/inspection/checklists/" + id).cookie(session).with(csrf()).param("title", title)
                .param("version", String.valueOf(version));
    }
}
