package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two people edit the same thing: the second save, made from the copy opened before the first was
 * saved, is refused (409) instead of silently winning; the form keeps what was typed, says what is
 * saved now, and a deliberate second save goes through.
 */
@LuoshiTest
@Import(OrgFixtures.class)
class StaleEditTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrgFixtures fx;
    @Autowired
    PersonService people;
    @Autowired
    OrgUnitService units;

    @Test
    void aSaveFromAnOlderCopyOfAPersonIsRefusedKeepingTheInput() throws Exception {
        OrgUnit township = fx.township("柳溪镇");
        Person person = fx.newPerson(township);
        long opened = person.getVersion();
        // the first editor saves
        mvc.perform(post("/org/people/" + person.getId()).with(as(users, "officer")).with(csrf())
                        .param("unitId", township.getId().toString()).param("name", "先改的名字")
                        .param("version", String.valueOf(opened)))
                .andExpect(status().is3xxRedirection());
        // the second, from the copy opened before: refused, the typed input and the saved value shown
        String page = mvc.perform(post("/org/people/" + person.getId()).with(as(users, "admin")).with(csrf())
                        .param("unitId", township.getId().toString()).param("name", "后改的名字").param("phone", "13800001111")
                        .param("version", String.valueOf(opened)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("其他人已修改并保存")))
                .andExpect(content().string(containsString("先改的名字")))
                .andExpect(content().string(containsString("value=\"后改的名字\"")))
                .andExpect(content().string(containsString("value=\"13800001111\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(people.get(units.systemScope("test"), person.getId()).getName()).isEqualTo("先改的名字");
        // the page now carries the saved version: saving again is deliberate and goes through
        long saved = people.get(units.systemScope("test"), person.getId()).getVersion();
        assertThat(page).contains("name=\"version\" value=\"" + saved + "\"");
        mvc.perform(post("/org/people/" + person.getId()).with(as(users, "admin")).with(csrf())
                        .param("unitId", township.getId().toString()).param("name", "后改的名字")
                        .param("version", String.valueOf(saved)))
                .andExpect(status().is3xxRedirection());
        assertThat(people.get(units.systemScope("test"), person.getId()).getName()).isEqualTo("后改的名字");
    }

    @Test
    void theApiAnswers409ForAStaleVersionOfAUnit() throws Exception {
        OrgUnit village = fx.newUnit(fx.township("柳溪镇"), OrgUnitKind.VILLAGE, "版本村");
        long opened = village.getVersion();
        mvc.perform(put("/api/v1/org/units/" + village.getId()).with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + village.getName() + "一\", \"version\": " + opened + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value((int) opened + 1));
        mvc.perform(put("/api/v1/org/units/" + village.getId()).with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + village.getName() + "二\", \"version\": " + opened + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("其他人已修改并保存")));
        assertThat(units.getUnchecked(village.getId()).getName()).isEqualTo(village.getName() + "一");
    }

    @Test
    void theApiAnswers409ForAStaleVersionOfAPost() throws Exception {
        Post post = fx.newPost(fx.township("柳溪镇"));
        long opened = post.getVersion();
        String body = "{\"title\": \"%s\", \"kind\": \"%s\", \"version\": %d}";
        mvc.perform(put("/api/v1/org/posts/" + post.getId()).with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(post.getTitle() + "甲", post.getKind(), opened)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/org/posts/" + post.getId()).with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(post.getTitle() + "乙", post.getKind(), opened)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(post.getTitle() + "甲")));
    }
}
