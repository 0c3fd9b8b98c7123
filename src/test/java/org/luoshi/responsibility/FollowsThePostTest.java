package org.luoshi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.Post;
import org.luoshi.responsibility.AttentionService.AttentionItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Seats and responsibilities bind to posts: a new holder shows at once, and needs confirming. */
@LuoshiTest
class FollowsThePostTest extends ResponsibilityTestBase {

    @Autowired
    LeadingGroupService groups;

    @Autowired
    ResponsibilityService duties;

    @Autowired
    AttentionService attention;

    @Test
    void aSeatFollowsItsPostAndNeedsConfirmingAfterAChangeOfHolder() throws Exception {
        long township = fx.township("柳溪镇").getId();
        DataScope officer = fx.scopeOf("officer");
        Post post = fx.heldPost("柳溪镇", "甲" + Fixtures.unique());
        long seatId = groups.addSeat(officer, township, new LeadingGroupService.SeatCommand(SeatRole.MEMBER, post.getId(),
                "测试分工", 99, null));
        assertThat(attention.items(officer)).noneMatch(i -> i.postTitle().equals(post.getTitle()));

        String successor = fx.handOver(post, "乙" + Fixtures.unique()).getName();

        LeadingGroupService.SeatView seat = groups.seat(officer, township, seatId);
        assertThat(seat.holderName()).isEqualTo(successor);
        assertThat(seat.needsAttention()).isTrue();
        assertThat(attention.items(officer)).filteredOn(i -> i.postTitle().equals(post.getTitle()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.subject()).isEqualTo(AttentionItem.Subject.SEAT);
                    assertThat(i.holderName()).isEqualTo(successor);
                    assertThat(i.confirmedHolderName()).startsWith("甲");
                });
        mvc.perform(get("/responsibility/groups").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(successor)));
        mvc.perform(get("/responsibility/attention").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(post.getTitle())));
        mvc.perform(get("/responsibility/attention/panel").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("list-group")));

        mvc.perform(post("/responsibility/groups/{t}/seats/{s}/confirm", township, seatId).param("from", "attention")
                        .with(as("officer")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/responsibility/attention"));

        assertThat(groups.seat(officer, township, seatId).needsAttention()).isFalse();
        assertThat(attention.items(officer)).noneMatch(i -> i.postTitle().equals(post.getTitle()));
        groups.removeSeat(officer, township, seatId);
    }

    @Test
    void confirmingTheWholeGroupClearsEverySeat() throws Exception {
        long township = fx.township("柳溪镇").getId();
        DataScope officer = fx.scopeOf("officer");
        Post post = fx.heldPost("柳溪镇", "丙" + Fixtures.unique());
        long seatId = groups.addSeat(officer, township, new LeadingGroupService.SeatCommand(SeatRole.MEMBER, post.getId(), null, 98, null));
        fx.handOver(post, "丁" + Fixtures.unique());
        assertThat(groups.view(officer, township).attentionCount()).isPositive();

        mvc.perform(post("/api/v1/responsibility/groups/{t}/confirm", township).with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seats[?(@.id == " + seatId + ")].needsAttention").value(hasItem(false)));
        assertThat(groups.view(officer, township).attentionCount()).isZero();
        groups.removeSeat(officer, township, seatId);
    }

    @Test
    void aResponsibilityFollowsItsPostThroughTheApi() throws Exception {
        long township = fx.township("柳溪镇").getId();
        Post post = fx.heldPost("柳溪镇", "戊" + Fixtures.unique());
        String body = mvc.perform(post("/api/v1/responsibility/duties").with(fx.bearer("officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"townshipId\":" + township + ",\"kind\":\"DUAL_DUTY\",\"postId\":" + post.getId()
                                + ",\"scope\":\"测试分管领域\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.needsAttention").value(false))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));

        String successor = fx.handOver(post, "己" + Fixtures.unique()).getName();

        mvc.perform(get("/api/v1/responsibility/duties").param("unitId", String.valueOf(township)).with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].holderName").value(hasItem(successor)));
        mvc.perform(get("/api/v1/responsibility/attention").with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.subject == 'DUTY' && @.id == " + id + ")].holderName").value(hasItem(successor)));
        mvc.perform(get("/responsibility/duties").with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(successor)));

        mvc.perform(post("/api/v1/responsibility/duties/{id}/confirm", id).with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.needsAttention").value(false));
        assertThat(attention.items(fx.scopeOf("officer"))).noneMatch(i -> i.postTitle().equals(post.getTitle()));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/responsibility/duties/{id}", id)
                        .with(fx.bearer("officer")))
                .andExpect(status().isNoContent());
    }

    @Test
    void aDutySavedFromAnOlderCopyIsRefused() throws Exception {
        DataScope officer = fx.scopeOf("officer");
        long township = fx.township("柳溪镇").getId();
        Post post = fx.heldPost("柳溪镇", "辛" + Fixtures.unique());
        long id = duties.create(officer, new ResponsibilityService.DutyCommand(township, ResponsibilityKind.DUAL_DUTY,
                post.getId(), "分管宣传"));
        long opened = duties.get(officer, id).version();
        String body = "{\"townshipId\": %d, \"kind\": \"DUAL_DUTY\", \"postId\": %d, \"scope\": \"%s\", \"version\": %d}";
        mvc.perform(put("/api/v1/responsibility/duties/" + id).with(as("officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(township, post.getId(), "分管宣传和网信", opened)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/responsibility/duties/" + id).with(as("officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(township, post.getId(), "分管文化", opened)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("分管宣传和网信")));
        assertThat(duties.get(officer, id).scope()).isEqualTo("分管宣传和网信");
        duties.delete(officer, id);
    }

    @Test
    void aVacantPostNeedsAttention() {
        DataScope officer = fx.scopeOf("officer");
        long township = fx.township("柳溪镇").getId();
        Post post = fx.heldPost("柳溪镇", "庚" + Fixtures.unique());
        long id = duties.create(officer, new ResponsibilityService.DutyCommand(township, ResponsibilityKind.DUAL_DUTY,
                post.getId(), "测试"));
        posts.vacate(fx.system(), post.getId(), org.luoshi.TestClock.today());
        assertThat(attention.items(officer)).filteredOn(i -> i.id() == id && i.subject() == AttentionItem.Subject.DUTY)
                .singleElement().satisfies(i -> assertThat(i.vacant()).isTrue());
        duties.delete(officer, id);
    }

    @Test
    void demoDataLeavesOneChangedPropagandaMemberToConfirm() {
        assertThat(attention.items(fx.scopeOf("officer2")))
                .anyMatch(i -> i.holderName() != null && i.holderName().equals("顾晓岚") && i.subject() == AttentionItem.Subject.SEAT)
                .anyMatch(i -> "顾晓岚".equals(i.holderName()) && i.label().equals("DIRECT"));
        assertThat(groups.membersOn(fx.scopeOf("county"), fx.township("柳溪镇").getId(), org.luoshi.TestClock.today()))
                .anyMatch(m -> m.role() == SeatRole.LEADER && m.postTitle().equals("党委书记") && m.holderName() != null);
    }

    @Test
    void seatRulesAndValidation() throws Exception {
        long township = fx.township("柳溪镇").getId();
        mvc.perform(post("/api/v1/responsibility/groups/{t}/seats", township).with(fx.bearer("officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":null,\"postId\":null}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fieldErrors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("role", "postId")));
        long leaderPost = posts.postsOf(fx.system(), township).stream()
                .filter(p -> p.getTitle().equals("党委书记")).findFirst().orElseThrow().getId();
        mvc.perform(post("/api/v1/responsibility/groups/{t}/seats", township).with(fx.bearer("officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MEMBER\",\"postId\":" + leaderPost + "}"))
                .andExpect(status().isConflict());
        Post foreign = fx.heldPost("石桥乡", "辛" + Fixtures.unique());
        mvc.perform(post("/api/v1/responsibility/groups/{t}/seats", township).with(fx.bearer("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MEMBER\",\"postId\":" + foreign.getId() + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/responsibility/groups/{t}/seats", township).with(as("officer")).with(csrf())
                        .param("role", "MEMBER").param("postId", "").param("sortOrder", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("invalid-feedback")));
    }
}
