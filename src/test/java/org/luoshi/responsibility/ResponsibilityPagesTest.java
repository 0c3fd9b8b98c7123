package org.luoshi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.Post;
import org.springframework.beans.factory.annotation.Autowired;

/** The forms of the pages: rendering, validation beside the fields, and the round trip of an edit. */
@LuoshiTest
class ResponsibilityPagesTest extends ResponsibilityTestBase {

    @Autowired
    ResponsibilityService duties;

    @Autowired
    LeadingGroupService groups;

    @Test
    void aDualDutyNeedsItsScopeAndCanBeEditedAndDeleted() throws Exception {
        long township = fx.township("柳溪镇").getId();
        Post post = fx.heldPost("柳溪镇", "责" + Fixtures.unique());
        mvc.perform(get("/responsibility/duties/new").param("townshipId", String.valueOf(township)).with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(post.getTitle())));
        mvc.perform(post("/responsibility/duties").param("townshipId", String.valueOf(township)).with(as("officer")).with(csrf())
                        .param("kind", "DUAL_DUTY").param("postId", String.valueOf(post.getId())).param("scope", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("一岗双责须填写责任范围。")));
        mvc.perform(post("/responsibility/duties").param("townshipId", String.valueOf(township)).with(as("officer")).with(csrf())
                        .param("kind", "DUAL_DUTY").param("postId", String.valueOf(post.getId())).param("scope", "页面测试范围"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));
        ResponsibilityService.DutyView created = duties.list(fx.system(), township).stream()
                .filter(d -> d.postId() == post.getId()).findFirst().orElseThrow();
        mvc.perform(get("/responsibility/duties/{id}/edit", created.id()).with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面测试范围")));
        mvc.perform(post("/responsibility/duties/{id}", created.id()).with(as("officer")).with(csrf())
                        .param("kind", "DUAL_DUTY").param("postId", String.valueOf(post.getId())).param("scope", "改后的范围"))
                .andExpect(status().is3xxRedirection());
        assertThat(duties.get(fx.system(), created.id()).scope()).isEqualTo("改后的范围");
        mvc.perform(post("/responsibility/duties").param("townshipId", String.valueOf(township)).with(as("officer")).with(csrf())
                        .param("kind", "PRIMARY").param("postId", String.valueOf(post.getId())))
                .andExpect(status().isConflict())
                // the form again, the reason beside the kind and the choice kept, not an error page
                .andExpect(content().string(not(containsString("id=\"error-page\""))))
                .andExpect(content().string(matchesPattern(
                        "(?s).*<select[^>]*is-invalid[^>]*>.*<div class=\"invalid-feedback\">每个乡镇（街道）只能有一名第一责任人。</div>.*")))
                .andExpect(content().string(containsString("<option value=\"PRIMARY\" selected=\"selected\"")));
        mvc.perform(post("/responsibility/duties").param("townshipId", String.valueOf(township)).with(as("officer")).with(csrf())
                        .param("kind", "DUAL_DUTY").param("postId", String.valueOf(post.getId())).param("scope", "又一次填写的范围"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("<div class=\"invalid-feedback\">该岗位已有同类责任。</div>")))
                .andExpect(content().string(containsString("又一次填写的范围")));
        mvc.perform(post("/responsibility/duties/{id}/delete", created.id()).with(as("officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(duties.list(fx.system(), township)).noneMatch(d -> d.id() == created.id());
    }

    @Test
    void aSeatIsEditedThroughItsFormAndTheGroupDetailsAreValidated() throws Exception {
        long township = fx.township("柳溪镇").getId();
        Post post = fx.heldPost("柳溪镇", "席" + Fixtures.unique());
        long seat = groups.addSeat(fx.scopeOf("officer"), township,
                new LeadingGroupService.SeatCommand(SeatRole.MEMBER, post.getId(), "原分工", 50, null));
        mvc.perform(get("/responsibility/groups/{t}/seats/{s}/edit", township, seat).with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("原分工")));
        mvc.perform(post("/responsibility/groups/{t}/seats/{s}", township, seat).with(as("officer")).with(csrf())
                        .param("role", "MEMBER").param("postId", String.valueOf(post.getId())).param("duty", "新分工")
                        .param("sortOrder", "51"))
                .andExpect(status().is3xxRedirection());
        assertThat(groups.seat(fx.system(), township, seat).duty()).isEqualTo("新分工");
        mvc.perform(post("/responsibility/groups/{t}", township).with(as("officer")).with(csrf()).param("name", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写小组名称。")));
        mvc.perform(post("/responsibility/groups/{t}/seats/{s}/delete", township, seat).with(as("officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(groups.view(fx.system(), township).seats()).noneMatch(s -> s.id() == seat);
    }

    @Test
    void theAdminPicksATownshipAndSeesItsLetters() throws Exception {
        long dongcheng = fx.township("东城街道").getId();
        mvc.perform(get("/responsibility/letters").param("townshipId", String.valueOf(dongcheng)).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("滨河社区")))
                .andExpect(content().string(containsString("石桥乡")));
        mvc.perform(get("/responsibility/groups").param("townshipId", String.valueOf(dongcheng)).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("党工委书记")));
        // each form field once (a fragment named like an element once rendered the note twice)
        String groupsPage = mvc.perform(get("/responsibility/groups").with(as("officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(groupsPage.split("id=\"note\"", -1)).hasSize(2);
        mvc.perform(get("/").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/responsibility/attention/panel\"")))
                .andExpect(content().string(containsString("hx-get=\"/ledger/panel\"")))
                .andExpect(content().string(containsString("需关注事项")));
    }
}
