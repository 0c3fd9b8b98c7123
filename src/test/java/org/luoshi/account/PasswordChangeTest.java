package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LuoshiTest
class PasswordChangeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    OrgUnitService units;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired
    SecuritySettings settings;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
    }

    /** Signs in through the form and returns the session cookie of the JDBC session store. */
    Cookie signIn(String username, String password, String expectedRedirect) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(username).password(password))
                .andExpect(authenticated().withUsername(username))
                .andExpect(redirectedUrl(expectedRedirect))
                .andReturn();
        Cookie cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    MockHttpServletRequestBuilder change(Cookie session, String current, String fresh, String repeat) {
        return post("/account/password").cookie(session).with(csrf())
                .param("currentPassword", current).param("newPassword", fresh).param("repeatPassword", repeat);
    }

    @Test
    void aUserWhoMustChangeThePasswordReachesNothingElseUntilItIsChanged() throws Exception {
        Account account = fixtures.create("first", Role.TOWNSHIP_OFFICER, "柳溪镇", true);
        Cookie session = signIn(account.getUsername(), AccountFixtures.PASSWORD, "/account/password");

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/org/units").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/profile").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/profile/tokens").cookie(session).with(csrf()).param("name", "x"))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"forced\"")));
        // Nor can the old password open the API.
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(change(session, AccountFixtures.PASSWORD, "Changed#2026x", "Changed#2026x"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/account/profile").cookie(session)).andExpect(status().isOk());
        assertThat(accounts.own(account.getId()).isMustChangePassword()).isFalse();
        signIn(account.getUsername(), "Changed#2026x", "/");
    }

    @Test
    void anExpiredPasswordMustBeChangedAtSignIn() throws Exception {
        Account account = fixtures.officer("expired");
        assertThat(settings.passwordMaxAge()).isEqualTo(Duration.ofDays(180));
        jdbc.update("update account set password_changed_at = ? where id = ?",
                java.sql.Timestamp.from(org.luoshi.TestClock.now().minus(Duration.ofDays(181))), account.getId());
        Cookie session = signIn(account.getUsername(), AccountFixtures.PASSWORD, "/account/password");
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(change(session, AccountFixtures.PASSWORD, "Renewed#2026q", "Renewed#2026q")).andExpect(redirectedUrl("/"));
        signIn(account.getUsername(), "Renewed#2026q", "/");
    }

    @Test
    void thePasswordPageExplainsEachRuleBesideTheField() throws Exception {
        Account account = fixtures.officer("pwpage");
        Cookie session = signIn(account.getUsername(), AccountFixtures.PASSWORD, "/");
        String good = "Another#2026y";

        mvc.perform(change(session, AccountFixtures.PASSWORD, "Ab#1", "Ab#1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("密码至少 8 位。")));
        mvc.perform(change(session, AccountFixtures.PASSWORD, "abcdefghijk", "abcdefghijk"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("密码须包含大写字母、小写字母、数字、符号中的至少三类。")));
        mvc.perform(change(session, AccountFixtures.PASSWORD, "X#1" + account.getUsername(), "X#1" + account.getUsername()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("密码不能包含用户名。")));
        mvc.perform(change(session, AccountFixtures.PASSWORD, good, good + "z"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("两次输入的新密码不一致。")));
        mvc.perform(change(session, "Not#TheCurrent1", good, good))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("当前密码不正确。")));
        mvc.perform(change(session, AccountFixtures.PASSWORD, AccountFixtures.PASSWORD, AccountFixtures.PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("新密码不能与当前密码相同。")));
        mvc.perform(change(session, "", "", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请输入当前密码。")))
                .andExpect(content().string(containsString("请再次输入新密码。")));
        // The messages sit beside their fields.
        mvc.perform(change(session, AccountFixtures.PASSWORD, good, good + "z"))
                .andExpect(content().string(containsString("class=\"form-control is-invalid\" id=\"repeatPassword\"")))
                .andExpect(content().string(not(containsString("class=\"form-control is-invalid\" id=\"newPassword\""))));

        mvc.perform(change(session, AccountFixtures.PASSWORD, good, good)).andExpect(redirectedUrl("/"));
        signIn(account.getUsername(), good, "/");
    }

    @Test
    void theSessionLastsTheConfiguredInactiveInterval() throws Exception {
        Account account = fixtures.officer("session");
        signIn(account.getUsername(), AccountFixtures.PASSWORD, "/");
        Map<String, ? extends Session> found = sessions.findByPrincipalName(account.getUsername());
        assertThat(found).hasSize(1);
        assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(found.values().iterator().next().getMaxInactiveInterval()).isEqualTo(settings.sessionTimeout());
    }

    @Test
    void disablingAnAccountEndsItsSessions() throws Exception {
        Account account = fixtures.officer("endsession");
        Cookie session = signIn(account.getUsername(), AccountFixtures.PASSWORD, "/");
        mvc.perform(get("/account/profile").cookie(session)).andExpect(status().isOk());
        accounts.setEnabled(units.systemScope("test"), account.getId(), false);
        assertThat(sessions.findByPrincipalName(account.getUsername())).isEmpty();
        mvc.perform(get("/account/profile").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(formLogin().user(account.getUsername()).password(AccountFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }
}
