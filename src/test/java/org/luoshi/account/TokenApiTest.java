package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LuoshiTest
class TokenApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    AccessTokenService tokens;
    @Autowired
    OrgUnitService units;
    @Autowired
    UserDetailsService users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    java.time.Clock clock;

    AccountFixtures fixtures;
    Account account;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
        account = fixtures.create("api", Role.VILLAGE_CLERK, "柳溪村", false);
    }

    String issue(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"expiresInDays\":30}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(startsWith("lsk_")))
                .andExpect(jsonPath("$.name").value(name))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    @Test
    void aTokenIssuedWithBasicOpensTheApiUntilItIsRevoked() throws Exception {
        String token = issue("ci");
        mvc.perform(bearer(get("/api/v1/me"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(account.getUsername()))
                .andExpect(jsonPath("$.role").value("VILLAGE_CLERK"))
                .andExpect(jsonPath("$.unitName").value("柳溪村"))
                .andExpect(jsonPath("$.writable").value(true));
        String list = mvc.perform(bearer(get("/api/v1/tokens"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("ci"))
                .andExpect(jsonPath("$[0].state").value("ACTIVE"))
                .andExpect(jsonPath("$[0].prefix").value(token.substring(0, 10)))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(list, "$[0].id");

        mvc.perform(bearer(delete("/api/v1/tokens/{id}", id), token)).andExpect(status().isNoContent());
        mvc.perform(bearer(get("/api/v1/me"), token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // the application's clock, not TestClock's: with the clock pinned, each starts at the pinned instant
        // when it is made, so the two differ by the seconds between their start-ups
        String secret = tokens.issue(account.getId(), "old", clock.instant().minusSeconds(1)).token();
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isUnauthorized());
        String fresh = tokens.issue(account.getId(), "fresh", clock.instant().plusSeconds(3600)).token();
        mvc.perform(bearer(get("/api/v1/me"), fresh)).andExpect(status().isOk());
        mvc.perform(bearer(get("/api/v1/me"), fresh + "x")).andExpect(status().isUnauthorized());
    }

    @Test
    void basicIsRefusedEverywhereButTokenIssuing() throws Exception {
        var basic = httpBasic(account.getUsername(), AccountFixtures.PASSWORD);
        mvc.perform(get("/api/v1/me").with(basic))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/tokens").with(basic)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/org/units").with(basic)).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/tokens/1").with(basic)).andExpect(status().isUnauthorized());
    }

    @Test
    void tokenIssuingNeedsTheRightBasicPasswordAndNothingElse() throws Exception {
        String json = "{\"name\":\"ci\"}";
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), "Wrong#Pass1"))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isUnauthorized());
        String token = tokens.issue(account.getId(), "t", null).token();
        mvc.perform(bearer(post("/api/v1/tokens"), token).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anInvalidTokenRequestIsAProblemWithFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"expiresInDays\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fieldErrors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.fieldErrors[*].field").value(hasItem("expiresInDays")))
                .andExpect(jsonPath("$.fieldErrors[*].message").value(hasItem("请输入令牌名称。")));
    }

    @Test
    void nobodyRevokesAnotherUsersToken() throws Exception {
        long foreign = tokens.issue(fixtures.officer("other").getId(), "theirs", null).id();
        String mine = tokens.issue(account.getId(), "mine", null).token();
        mvc.perform(bearer(delete("/api/v1/tokens/{id}", foreign), mine)).andExpect(status().isNotFound());
        mvc.perform(post("/account/profile/tokens/{id}/revoke", foreign).with(as(users, account.getUsername())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.list(fixtures.accounts.own(account.getId()).getId())).extracting(AccessToken::getName).contains("mine");
    }

    @Test
    void aResetPasswordSuspendsTheAccountsTokens() throws Exception {
        String token = tokens.issue(account.getId(), "before-reset", null).token();
        mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isOk());
        accounts.resetPassword(units.systemScope("test"), account.getId());
        mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isUnauthorized());
    }

    @Test
    void changingThePasswordRevokesTheTokensAndEndsOtherSessionsNotThisOne() throws Exception {
        String token = issue("before-change");
        mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isOk());
        mvc.perform(post("/account/password").with(as(users, account.getUsername())).with(csrf())
                        .param("currentPassword", AccountFixtures.PASSWORD).param("newPassword", "Renewed#2026q")
                        .param("repeatPassword", "Renewed#2026q"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isUnauthorized());
        assertThat(tokens.list(account.getId())).extracting(t -> t.state(org.luoshi.TestClock.now())).containsOnly("REVOKED");
        // and a password used before cannot come back
        mvc.perform(post("/account/password").with(as(users, account.getUsername())).with(csrf())
                        .param("currentPassword", "Renewed#2026q").param("newPassword", AccountFixtures.PASSWORD)
                        .param("repeatPassword", AccountFixtures.PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("最近 5 次用过的密码")));
    }

    @Test
    void aTokenOfAnExpiredPasswordIsRefusedSayingWhyAndTokensExpireByDefault() throws Exception {
        String token = tokens.issue(account.getId(), "before-expiry", null).token();
        mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isOk());
        // made without a lifetime through the API: the deployment's default (90 days)
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"default\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        java.time.Instant expires = java.time.Instant.parse(JsonPath.read(body, "$.expiresAt"));
        assertThat(expires).isBetween(org.luoshi.TestClock.now().plus(java.time.Duration.ofDays(89)),
                org.luoshi.TestClock.now().plus(java.time.Duration.ofDays(91)));
        // the password ages past its limit: the token is refused with the reason, in Chinese
        jdbc.update("update account set password_changed_at = ? where id = ?",
                java.sql.Timestamp.from(org.luoshi.TestClock.now().minus(java.time.Duration.ofDays(400))), account.getId());
        mvc.perform(bearer(get("/api/v1/me"), token).header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请先登录网页修改密码")));
    }

    @Test
    void theProfilePageShowsANewSecretOnceAndRevokesWithConfirmation() throws Exception {
        String page = mvc.perform(post("/account/profile/tokens").with(as(users, account.getUsername())).with(csrf())
                        .param("name", "laptop").param("expiresInDays", "7"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"token-secret\"");
        String secret = page.replaceAll("(?s).*id=\"token-secret\">(lsk_[^<]+)<.*", "$1");
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isOk());

        String listed = mvc.perform(get("/account/profile").with(as(users, account.getUsername())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("laptop", secret.substring(0, 10), "data-confirm=").doesNotContain(secret)
                .contains("柳溪村").contains("村（社区）宣传员");

        mvc.perform(post("/account/profile/tokens").with(as(users, account.getUsername())).with(csrf())
                        .param("name", "").param("expiresInDays", "99999"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请输入令牌名称。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("有效期为 1～3650 天。")));

        long id = tokens.list(account.getId()).stream().filter(t -> t.getName().equals("laptop")).findFirst().orElseThrow().getId();
        mvc.perform(post("/account/profile/tokens/{id}/revoke", id).with(as(users, account.getUsername())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(bearer(get("/api/v1/me"), secret)).andExpect(status().isUnauthorized());
    }
}
