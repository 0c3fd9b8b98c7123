package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The second factor (等保 2.0 third level): set up with a code from the app, then a sign-in needs the
 * password and a code (or a recovery code, once); nothing else opens in between; a code works once;
 * wrong codes count towards the lock-out.
 */
@LuoshiTest
class SecondFactorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    OrgUnitService units;
    @Autowired
    AccountRepository repository;
    @Autowired
    SecuritySettings settings;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
    }

    /** The session cookie of a sign-in (sessions live in Spring Session, not in MockMvc's request). */
    jakarta.servlet.http.Cookie signIn(String username) throws Exception {
        return session(mvc.perform(formLogin().user(username).password(AccountFixtures.PASSWORD)).andReturn());
    }

    static jakarta.servlet.http.Cookie session(org.springframework.test.web.servlet.MvcResult result) {
        return result.getResponse().getCookie("SESSION");
    }

    /** The key the set-up page offers, as the user reads it off the page. */
    String offered(jakarta.servlet.http.Cookie session) throws Exception {
        String page = mvc.perform(get("/account/second-factor").cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("otpauth://totp/")))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1).replace(" ", "");
    }

    String now(String secret) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    @Test
    void setUpThenEverySignInNeedsACodeWhichWorksOnce() throws Exception {
        Account account = fixtures.officer("tfa");
        String name = account.getUsername();
        jakarta.servlet.http.Cookie session = signIn(name);
        String secret = offered(session);
        assertThat(secret).hasSize(32);
        // a wrong code does not turn it on
        mvc.perform(post("/account/second-factor").cookie(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("验证码不正确")));
        String page = mvc.perform(post("/account/second-factor").cookie(session).with(csrf()).param("code", now(secret)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> recovery = java.util.regex.Pattern.compile("<li>([A-Z0-9]{10})</li>").matcher(page).results()
                .map(m -> m.group(1)).toList();
        assertThat(recovery).hasSize(SecondFactor.RECOVERY_CODES);
        // the database holds the secret sealed (SM4-GCM), not the secret
        assertThat(jdbc.queryForObject("select totp_secret from account where username = ?", String.class, name))
                .startsWith("sm4g:1:").doesNotContain(secret);

        // the next sign-in stops at the code page, and nothing else opens before the code
        jakarta.servlet.http.Cookie next = session(mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD))
                .andExpect(redirectedUrl(SecondFactorGate.VERIFY_PATH)).andReturn());
        mvc.perform(get("/ledger").cookie(next)).andExpect(redirectedUrl(SecondFactorGate.VERIFY_PATH));
        // the code used to set it up was used: it does not open a second time
        mvc.perform(post(SecondFactorGate.VERIFY_PATH).cookie(next).with(csrf()).param("code", now(secret)))
                .andExpect(status().isBadRequest());
        // a recovery code does, once
        mvc.perform(post(SecondFactorGate.VERIFY_PATH).cookie(next).with(csrf()).param("code", recovery.get(0)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/ledger").cookie(next)).andExpect(status().isOk());
        jakarta.servlet.http.Cookie third = signIn(name);
        mvc.perform(post(SecondFactorGate.VERIFY_PATH).cookie(third).with(csrf()).param("code", recovery.get(0)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void wrongCodesLockTheAccountAndEndTheHalfFinishedSignIn() throws Exception {
        Account account = fixtures.officer("tfalock");
        String name = account.getUsername();
        jakarta.servlet.http.Cookie session = signIn(name);
        String secret = offered(session);
        mvc.perform(post("/account/second-factor").cookie(session).with(csrf()).param("code", now(secret)));

        jakarta.servlet.http.Cookie guess = signIn(name);
        String last = null;
        for (int i = 0; i < settings.maxFailedLogins(); i++) {
            last = mvc.perform(post(SecondFactorGate.VERIFY_PATH).cookie(guess).with(csrf()).param("code", "12345" + i))
                    .andReturn().getResponse().getRedirectedUrl();
        }
        assertThat(last).isEqualTo("/login?error");
        assertThat(repository.findByUsername(name).orElseThrow().isLocked(clock.instant())).isTrue();
    }

    @Test
    void recoveryCodesAreAlwaysTenReadableCharacters() {
        for (int i = 0; i < 2000; i++) {
            assertThat(SecondFactor.recoveryCode()).matches("[A-HJKMNP-Z2-9]{10}");
        }
    }

    @Test
    void theCodesAreThoseOfRfc6238() {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890", T = 59 s: 94287082 (8 digits) → 287082
        String secret = Totp.base32("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.unbase32(secret)).isEqualTo("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
