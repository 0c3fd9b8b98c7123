package org.luoshi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.org.DataScope;
import org.luoshi.org.Post;
import org.luoshi.responsibility.LeadingGroupService.SeatCommand;
import org.luoshi.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

/** A past year's report lists the leading group as it stood then: seats keep the days they were in it. */
@LuoshiTest
class SeatHistoryTest extends ResponsibilityTestBase {

    @Autowired
    LeadingGroupService groups;

    @Test
    void theGroupOnAPastDayIsTheOneOfThatDay() throws Exception {
        long township = fx.township("柳溪镇").getId();
        DataScope officer = fx.scopeOf("officer");
        LocalDate today = TestClock.today();
        Post first = fx.heldPost("柳溪镇", "丙" + Fixtures.unique());
        Post second = fx.heldPost("柳溪镇", "丁" + Fixtures.unique());

        LocalDate joined = today.minusDays(40);
        long seat = groups.addSeat(officer, township, new SeatCommand(SeatRole.MEMBER, first.getId(), null, 97, joined));
        assertThat(postsOn(officer, township, joined.minusDays(1))).doesNotContain(first.getTitle());
        assertThat(postsOn(officer, township, joined)).contains(first.getTitle());

        // the seat moves to another post ten days ago: the days before keep the first post
        LocalDate moved = today.minusDays(10);
        long replaced = groups.updateSeat(officer, township, seat,
                new SeatCommand(SeatRole.MEMBER, second.getId(), null, 97, moved));
        assertThat(replaced).isNotEqualTo(seat);
        assertThat(postsOn(officer, township, moved.minusDays(1))).contains(first.getTitle()).doesNotContain(second.getTitle());
        assertThat(postsOn(officer, township, moved)).contains(second.getTitle()).doesNotContain(first.getTitle());
        assertThat(groups.view(officer, township).seats()).extracting(LeadingGroupService.SeatView::postTitle)
                .contains(second.getTitle()).doesNotContain(first.getTitle());
        // the replaced seat is history: it can no longer be opened or changed
        assertThatThrownBy(() -> groups.seat(officer, township, seat)).isInstanceOf(NotFoundException.class);

        // removed today: in the group until yesterday
        groups.removeSeat(officer, township, replaced);
        assertThat(postsOn(officer, township, today.minusDays(1))).contains(second.getTitle());
        assertThat(postsOn(officer, township, today)).doesNotContain(second.getTitle());
        assertThat(groups.view(officer, township).seats()).extracting(LeadingGroupService.SeatView::postTitle)
                .doesNotContain(second.getTitle());

        // a seat added and removed the same day was a slip: it leaves no history
        Post third = fx.heldPost("柳溪镇", "戊" + Fixtures.unique());
        long slip = groups.addSeat(officer, township, new SeatCommand(SeatRole.MEMBER, third.getId(), null, 96, null));
        assertThat(postsOn(officer, township, today)).contains(third.getTitle());
        groups.removeSeat(officer, township, slip);
        assertThat(postsOn(officer, township, today)).doesNotContain(third.getTitle());
        assertThat(postsOn(officer, township, today.minusDays(1))).doesNotContain(third.getTitle());
    }

    @Test
    void aStartInTheFutureIsRefusedBesideTheFieldAndTheFormKept() throws Exception {
        long township = fx.township("柳溪镇").getId();
        Post post = fx.heldPost("柳溪镇", "己" + Fixtures.unique());
        String future = LocalDate.now().plusDays(2).toString();
        mvc.perform(post("/responsibility/groups/{t}/seats", township).with(as("officer")).with(csrf())
                        .param("role", "MEMBER").param("postId", String.valueOf(post.getId()))
                        .param("duty", "宣传思想工作").param("sortOrder", "5").param("since", future))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("起始日期不能晚于今天")))
                .andExpect(content().string(containsString("value=\"" + future + "\"")))
                .andExpect(content().string(containsString("宣传思想工作")));
    }

    private List<String> postsOn(DataScope scope, long township, LocalDate day) {
        return groups.membersOn(scope, township, day).stream().map(LeadingGroupService.GroupMember::postTitle).toList();
    }
}
