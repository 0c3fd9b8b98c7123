package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@LuoshiTest
class LockoutTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    OrgUnitService units;
    @Autowired
    SecuritySettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
    }

    @Test
    void theConfiguredNumberOfFailuresLocksTheAccountUntilAnAdminUnlocksIt() throws Exception {
        assertThat(settings.maxFailedLogins()).isEqualTo(5);
        assertThat(settings.lockDuration()).isEqualTo(Duration.ofMinutes(15));
        Account account = fixtures.officer("lock");
        String name = account.getUsername();

        for (int i = 1; i < settings.maxFailedLogins(); i++) {
            mvc.perform(formLogin().user(name).password("Wrong#Pass" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        assertThat(repository.findByUsername(name).orElseThrow().isLocked(org.luoshi.TestClock.now())).isFalse();
        mvc.perform(formLogin().user(name).password("Wrong#Pass-last")).andExpect(unauthenticated());
        Account locked = repository.findByUsername(name).orElseThrow();
        assertThat(locked.isLocked(org.luoshi.TestClock.now())).isTrue();
        assertThat(locked.getLockedUntil()).isBetween(org.luoshi.TestClock.now().plus(Duration.ofMinutes(14)),
                org.luoshi.TestClock.now().plus(Duration.ofMinutes(16)));

        // The right password is refused while locked, and the audit trail says why.
        mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(count(name, "FAILURE", "bad-credentials")).isEqualTo(settings.maxFailedLogins());
        assertThat(count(name, "FAILURE", "locked")).isEqualTo(1);
        assertThat(count(name, "SUCCESS", null)).isZero();

        mvc.perform(post("/admin/accounts/{id}/unlock", account.getId()).with(as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(repository.findByUsername(name).orElseThrow().getLockedUntil()).isNull();
        mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD)).andExpect(authenticated().withUsername(name));
        assertThat(count(name, "SUCCESS", null)).isEqualTo(1);
    }

    @Test
    void unlockingIsForAdministratorsOnly() throws Exception {
        Account account = fixtures.officer("lockonly");
        mvc.perform(post("/admin/accounts/{id}/unlock", account.getId()).with(as(users, "officer")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void httpBasicFailuresCountTowardsTheLockToo() throws Exception {
        Account account = fixtures.officer("lockbasic");
        String name = account.getUsername();
        for (int i = 0; i < settings.maxFailedLogins(); i++) {
            mvc.perform(post("/api/v1/tokens").with(httpBasic(name, "Wrong#Pass" + i))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\"}"))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(repository.findByUsername(name).orElseThrow().isLocked(org.luoshi.TestClock.now())).isTrue();
        mvc.perform(post("/api/v1/tokens").with(httpBasic(name, AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(count(name, "FAILURE", "locked")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and target = ?",
                Integer.class, name, "POST /api/v1/tokens")).isEqualTo(settings.maxFailedLogins() + 1);
    }

    /**
     * 40 guesses at once, the right password last while the wrong ones are still being checked: the
     * account locks after the 5th, the right password is refused, every attempt is answered (no 500)
     * and audited.
     */
    @Test
    void parallelGuessesLockTheAccountAndTheRightPasswordSentLastIsRefused() throws Exception {
        Account account = fixtures.officer("lockpar");
        String name = account.getUsername();
        int guesses = 39;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guesses + 1);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "Wrong#Pass" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(formLogin().user(name).password(guess)).andReturn().getResponse().getRedirectedUrl();
                }));
            }
            start.countDown();
            // the right password goes in once five guesses are counted, while others are still being checked
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (jdbc.queryForObject("select count(*) from account where username = ? and (failed_attempts >= ? "
                    + "or locked_until is not null)", Integer.class, name, settings.maxFailedLogins()) == 0) {
                assertThat(System.nanoTime()).as("five guesses counted in time").isLessThan(deadline);
                Thread.sleep(5);
            }
            String right = mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD))
                    .andExpect(unauthenticated()).andReturn().getResponse().getRedirectedUrl();
            assertThat(right).isEqualTo("/login?error");
            for (java.util.concurrent.Future<String> answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo("/login?error");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(repository.findByUsername(name).orElseThrow().isLocked(org.luoshi.TestClock.now())).isTrue();
        assertThat(count(name, "FAILURE", "bad-credentials")).isEqualTo(settings.maxFailedLogins());
        assertThat(count(name, "FAILURE", "locked")).isEqualTo(guesses + 1 - settings.maxFailedLogins());
        assertThat(count(name, "SUCCESS", null)).isZero();
    }

    @Test
    void aWrongCurrentPasswordOnTheChangeFormCountsTowardsTheLock() throws Exception {
        Account account = fixtures.officer("lockchange");
        String name = account.getUsername();
        for (int i = 0; i < settings.maxFailedLogins(); i++) {
            mvc.perform(post("/account/password").with(as(users, name)).with(csrf())
                            .param("currentPassword", "Wrong#Pass" + i).param("newPassword", "Neu#Passwort2026")
                            .param("repeatPassword", "Neu#Passwort2026"))
                    .andExpect(status().isBadRequest());
        }
        assertThat(repository.findByUsername(name).orElseThrow().isLocked(org.luoshi.TestClock.now())).isTrue();
        // locked: the right current password does not change it either
        mvc.perform(post("/account/password").with(as(users, name)).with(csrf())
                        .param("currentPassword", AccountFixtures.PASSWORD).param("newPassword", "Neu#Passwort2026")
                        .param("repeatPassword", "Neu#Passwort2026"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("已锁定")));
    }

    private int count(String username, String outcome, String detail) {
        return detail == null
                ? jdbc.queryForObject("select count(*) from audit_event where username = ? and event = 'LOGIN' and outcome = ?",
                        Integer.class, username, outcome)
                : jdbc.queryForObject("select count(*) from audit_event where username = ? and event = 'LOGIN'"
                        + " and outcome = ? and detail = ?", Integer.class, username, outcome, detail);
    }
}
