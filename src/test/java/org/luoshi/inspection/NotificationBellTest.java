package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The header's bell and 全部已读, over real HTTP: notices are addressed to a unit and a role, but each account
 * reads them for itself. A fresh township with two officers and a leader, and a second township, so no other
 * test's notices count.
 */
@LuoshiTest
class NotificationBellTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AccountService accounts;
    @Autowired OrgUnitService units;
    @Autowired Notifications notifications;

    OrgUnit township;
    OrgUnit other;
    String officer;
    String colleague;
    String leader;
    String stranger;

    @BeforeEach
    void townships() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var system = units.systemScope("test");
        long root = units.root().orElseThrow().getId();
        township = units.create(system, new OrgUnitCommand(root, OrgUnitKind.TOWNSHIP, "铃" + tag + "镇", null, 10_000, 99));
        other = units.create(system, new OrgUnitCommand(root, OrgUnitKind.TOWNSHIP, "别" + tag + "乡", null, 10_000, 99));
        officer = "bell-a-" + tag;
        colleague = "bell-b-" + tag;
        leader = "bell-l-" + tag;
        stranger = "bell-s-" + tag;
        accounts.create(system, officer, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
        accounts.create(system, colleague, "宣传干事", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
        accounts.create(system, leader, "党委书记", "Luoshi@2026", Role.TOWNSHIP_LEADER, township.getId(), false);
        accounts.create(system, stranger, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, other.getId(), false);
    }

    String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The bell's badge as the layout prints it, or 0 when there is none. */
    long bell(String user) throws Exception {
        String html = page(user, "/inspection/notifications");
        int at = html.indexOf("id=\"bell-count\"");
        if (at < 0) {
            return 0;
        }
        String rest = html.substring(html.indexOf('>', at) + 1);
        return Long.parseLong(rest.substring(0, rest.indexOf('<')).strip());
    }

    MockHttpServletRequestBuilder readAll() {
        return post("/inspection/notifications/read-all");
    }

    @Test
    void theBellCountsTheAccountsOwnUnreadNoticesAndAllReadClearsThemForItOnly() throws Exception {
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "材料已退回：宣传工作总结", "/report/1");
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "整改已逾期：宣传栏更新", "/inspection/findings/1");
        notifications.notify(township.getId(), Actor.TOWNSHIP_LEADER, "请审定：宣传工作总结", "/report/1");
        notifications.notify(other.getId(), Actor.TOWNSHIP_OFFICER, "别乡的通知", "/report/2");

        assertThat(bell(officer)).isEqualTo(2);
        assertThat(bell(colleague)).isEqualTo(2);
        assertThat(bell(leader)).as("the leader's own notices only").isEqualTo(1);
        assertThat(bell(stranger)).as("another township's notices are not counted").isEqualTo(1);
        assertThat(page(officer, "/inspection/notifications")).contains("材料已退回：宣传工作总结", "全部已读")
                .doesNotContain("别乡的通知", "请审定");

        mvc.perform(readAll().with(TestUsers.as(users, officer)).with(csrf()))
                .andExpect(redirectedUrl("/inspection/notifications"))
                .andExpect(flash().attribute("flash", "已将 2 条通知标为已读。"));

        assertThat(bell(officer)).as("all read for the officer").isZero();
        assertThat(page(officer, "/inspection/notifications")).doesNotContain("全部已读");
        assertThat(bell(colleague)).as("read per account: the colleague still has them").isEqualTo(2);
        assertThat(bell(leader)).as("another role of the same unit untouched").isEqualTo(1);
        assertThat(bell(stranger)).as("another unit untouched").isEqualTo(1);

        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "报送任务即将截止", "/request/tasks/1");
        assertThat(bell(officer)).as("a later notice is new again").isEqualTo(1);
        assertThat(bell(colleague)).isEqualTo(3);
    }

    @Test
    void oneNoticeReadIsReadForThatAccountAndAnotherUnitsNoticeIsNotFound() throws Exception {
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "单条通知", "/report/1");
        notifications.notify(other.getId(), Actor.TOWNSHIP_OFFICER, "别处的单条通知", "/report/2");
        String html = page(officer, "/inspection/notifications");
        String mine = html.replaceAll("(?s).*/inspection/notifications/(\\d+)/read.*", "$1");
        String theirs = page(stranger, "/inspection/notifications")
                .replaceAll("(?s).*/inspection/notifications/(\\d+)/read.*", "$1");

        mvc.perform(post("/inspection/notifications/" + theirs + "/read").with(TestUsers.as(users, officer)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(bell(stranger)).as("nothing read for anyone").isEqualTo(1);

        mvc.perform(post("/inspection/notifications/" + mine + "/read").with(TestUsers.as(users, officer)).with(csrf()))
                .andExpect(redirectedUrl("/inspection/notifications"));
        mvc.perform(post("/inspection/notifications/" + mine + "/read").with(TestUsers.as(users, officer)).with(csrf()))
                .andExpect(redirectedUrl("/inspection/notifications"));
        assertThat(bell(officer)).isZero();
        assertThat(bell(colleague)).isEqualTo(1);
        assertThat(notifications.unread(township.getId(), Actor.TOWNSHIP_OFFICER)).as("read by someone").isZero();
    }

    @Test
    void allReadNeedsTheCsrfTokenAndASignedInUser() throws Exception {
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "要令牌", "/report/1");
        mvc.perform(readAll().with(TestUsers.as(users, officer))).andExpect(status().isForbidden());
        assertThat(bell(officer)).isEqualTo(1);
        mvc.perform(readAll().with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(bell(officer)).isEqualTo(1);
    }

    @Test
    void theHomePageShowsTheBell() throws Exception {
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, "首页铃铛", "/report/1");
        mvc.perform(get("/").with(TestUsers.as(users, officer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"bell-count\"")));
    }
}
