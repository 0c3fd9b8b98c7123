package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The digest's address on the profile page: one's own account only, a wrong address refused beside the field. */
@LuoshiTest
class ProfileEmailTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AccountService accounts;
    @Autowired OrgUnitService units;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void savesClearsAndRefusesAWrongAddressBesideTheField() throws Exception {
        String name = "mail-" + UUID.randomUUID().toString().substring(0, 6);
        Account account = accounts.create(units.systemScope("test"), name, "宣传委员", "Luoshi@2026",
                Role.TOWNSHIP_OFFICER, officerUnit(), false);

        mvc.perform(post("/account/profile/email").param("email", " xuanchuan@liuxi.gov.cn ")
                        .with(TestUsers.as(users, name)).with(csrf()))
                .andExpect(redirectedUrl("/account/profile"));
        assertThat(accounts.own(account.getId()).getEmail()).isEqualTo("xuanchuan@liuxi.gov.cn");
        // the column holds the sealed form, not the address (personal information, sealed like phone numbers)
        assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, account.getId()))
                .startsWith("sm4g:").doesNotContain("xuanchuan").doesNotContain("liuxi");

        String page = mvc.perform(post("/account/profile/email").param("email", "xuanchuan@liuxi")
                        .with(TestUsers.as(users, name)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请填写正确的电子邮箱，如 name@example.cn。", "value=\"xuanchuan@liuxi\"", "is-invalid");
        assertThat(accounts.own(account.getId()).getEmail()).as("unchanged").isEqualTo("xuanchuan@liuxi.gov.cn");

        mvc.perform(post("/account/profile/email").param("email", "a".repeat(250) + "@x.cn")
                        .with(TestUsers.as(users, name)).with(csrf()))
                .andExpect(status().isBadRequest());

        mvc.perform(post("/account/profile/email").param("email", "").with(TestUsers.as(users, name)).with(csrf()))
                .andExpect(redirectedUrl("/account/profile"));
        assertThat(accounts.own(account.getId()).getEmail()).as("blank: no digest").isNull();

        mvc.perform(post("/account/profile/email").param("email", "x@y.cn").with(TestUsers.as(users, name)))
                .andExpect(status().isForbidden());
        assertThat(accounts.own(account.getId()).getEmail()).isNull();
    }

    long officerUnit() {
        return ((SignedInUser) users.loadUserByUsername("officer")).getUnitId();
    }
}
