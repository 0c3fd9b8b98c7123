package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** 全部已读: the officer's unread notices are all read in one step; the leader's of the same unit stay unread. */
@LuoshiTest
@Transactional
class NotificationsReadAllTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Notifications notifications;

    @Test
    void markAllReadReadsTheUsersOwnNoticesOnly() throws Exception {
        long unit = ((SignedInUser) users.loadUserByUsername("officer")).scope().unitId();
        long before = notifications.unread(unit, "TOWNSHIP_OFFICER");
        for (int i = 0; i < 3; i++) {
            notifications.notify(unit, "TOWNSHIP_OFFICER", "测试通知" + i, "/inspection/notifications");
        }
        notifications.notify(unit, "TOWNSHIP_LEADER", "给书记的通知", "/inspection/notifications");
        long leaderUnread = notifications.unread(unit, "TOWNSHIP_LEADER");
        String page = mvc.perform(get("/inspection/notifications").with(TestUsers.as(users, "officer"))
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("全部已读").contains("/inspection/notifications/read-all");

        mvc.perform(post("/inspection/notifications/read-all").with(csrf()).with(TestUsers.as(users, "officer"))
                .header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已将 " + (before + 3) + " 条通知标为已读。"));
        assertThat(notifications.unread(unit, "TOWNSHIP_OFFICER")).isZero();
        assertThat(notifications.unread(unit, "TOWNSHIP_LEADER")).isEqualTo(leaderUnread);
        // nothing left unread: no button
        assertThat(mvc.perform(get("/inspection/notifications").with(TestUsers.as(users, "officer"))
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString())
                .doesNotContain("/inspection/notifications/read-all");
        // without the form's token the change is refused
        mvc.perform(post("/inspection/notifications/read-all").with(TestUsers.as(users, "officer")))
                .andExpect(status().isForbidden());
    }
}
