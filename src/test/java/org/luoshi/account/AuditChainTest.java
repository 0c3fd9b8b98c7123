package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 15, M4: every write and download with its real outcome, chained by SM3, verifiable, retained, from the real client. */
@LuoshiTest
class AuditChainTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    OrgUnitService units;
    @Autowired
    UserDetailsService users;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditChain chain;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    FilterRegistrationBean<AuditFilter> auditFilter;

    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
    }

    List<Map<String, Object>> rows(String username) {
        return jdbc.queryForList("select id, event, outcome, status, detail, remote_addr from audit_event where username = ? order by id",
                username);
    }

    @Test
    void aRequestThatEndsIn500IsAFailureWith500() {
        // A route made to fail: the handler throws, as an unexpected bug would, and the container answers 500 afterwards.
        String name = AccountFixtures.uniqueName("boom");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ledger/records");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> auditFilter.getFilter().doFilter(request, response, (rq, rs) -> {
            AuditFilter.user(rq, name);
            throw new ServletException(new IllegalStateException("bug"));
        })).isInstanceOf(ServletException.class);
        assertThat(rows(name)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("event", "POST /ledger/records").containsEntry("outcome", "FAILURE").containsEntry("status", 500)
                .containsEntry("detail", "HTTP 500 ServletException"));
    }

    @Test
    void aWriteTurnedAwayByThePasswordGateIsNotASuccess() throws Exception {
        String name = fixtures.create("gated", Role.TOWNSHIP_OFFICER, "柳溪镇", true).getUsername();
        jakarta.servlet.http.Cookie session = mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD))
                .andExpect(redirectedUrl("/account/password")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(post("/account/profile/tokens").cookie(session).with(csrf()).param("name", "gated"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account/password"));
        assertThat(rows(name)).filteredOn(r -> !"LOGIN".equals(r.get("event"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("event", "POST /account/profile/tokens").containsEntry("outcome", "FAILURE")
                .containsEntry("status", 302).containsEntry("detail", "HTTP 302 password-change-required"));
    }

    @Test
    void aWriteTheFirewallRejectsLeavesARow() throws Exception {
        long before = lastId();
        mvc.perform(post("/account/profile/tokens;jsessionid=x").with(csrf()).param("name", "rejected"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForList("select event, outcome, status from audit_event where id > ?", before)).singleElement().satisfies(r -> assertThat(r).containsEntry("outcome", "FAILURE").containsEntry("status", 400));
    }

    @Test
    void exportsAndDownloadsAreAudited() throws Exception {
        String admin = fixtures.create("exporter", Role.ADMIN, "青禾县", false).getUsername();
        mvc.perform(get("/admin/audit/export").param("event", "NOTHING").with(as(users, admin))).andExpect(status().isOk());
        mvc.perform(get("/admin/audit").with(as(users, admin))).andExpect(status().isOk());
        // The export is recorded; the page view is not a file and is not.
        assertThat(rows(admin)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("event", "GET /admin/audit/export").containsEntry("outcome", "SUCCESS").containsEntry("status", 200));
    }

    @Test
    void editingOrDeletingARowIsFoundAndNamed() {
        String name = AccountFixtures.uniqueName("tamper");
        for (int i = 0; i < 5; i++) {
            trail.record(name, "TEST_TAMPER", null, AuditTrail.SUCCESS, "row " + i, null);
        }
        assertThat(chain.verify().intact()).isTrue();
        List<Map<String, Object>> rows = rows(name);
        long edited = ((Number) rows.get(2).get("id")).longValue();
        asSuperuser("update audit_event set detail = 'nothing happened' where id = ?", edited);
        try {
            AuditChain.Verification v = chain.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(edited);
            assertThat(v.problem()).isEqualTo(AuditChain.Problem.CONTENT);
        } finally {
            asSuperuser("update audit_event set detail = 'row 2' where id = ?", edited);
        }
        assertThat(chain.verify().intact()).isTrue();

        long deleted = ((Number) rows.get(1).get("id")).longValue();
        Map<String, Object> saved = jdbc.queryForMap("select * from audit_event where id = ?", deleted);
        asSuperuser("delete from audit_event where id = ?", deleted);
        try {
            AuditChain.Verification v = chain.verify();
            assertThat(v.firstBrokenId()).as("the row after the deleted one").isEqualTo(((Number) rows.get(2).get("id")).longValue());
            assertThat(v.problem()).isEqualTo(AuditChain.Problem.LINK);
        } finally {
            jdbc.update("insert into audit_event (id, occurred_at, username, event, target, outcome, status, detail, remote_addr,"
                    + " prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", saved.get("id"), saved.get("occurred_at"),
                    saved.get("username"), saved.get("event"), saved.get("target"), saved.get("outcome"), saved.get("status"),
                    saved.get("detail"), saved.get("remote_addr"), saved.get("prev_hash"), saved.get("hash"));
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void onPostgreSqlTheDatabaseItselfRefusesToEditDeleteOrEmptyTheAuditRows() {
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "H2 keeps detection only (the SM3 chain)");
        String name = AccountFixtures.uniqueName("guard");
        trail.record(name, "TEST_GUARD", null, AuditTrail.SUCCESS, "kept", null);
        long id = ((Number) rows(name).get(0).get("id")).longValue();
        refused(() -> jdbc.update("update audit_event set detail = 'changed' where id = ?", id));
        refused(() -> jdbc.update("delete from audit_event where id = ?", id));
        refused(() -> jdbc.execute("truncate audit_event"));
        // the permission to prune is the retention job's transaction's, not the session's after it
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t ->
                jdbc.queryForObject("select set_config('luoshi.audit_prune', 'on', true)", String.class));
        refused(() -> jdbc.update("delete from audit_event where id = ?", id));
        assertThat(rows(name)).singleElement().satisfies(r -> assertThat(r).containsEntry("detail", "kept"));
        assertThat(chain.verify().intact()).isTrue();
    }

    /** Refused by the trigger (SQLSTATE 42501, insufficient privilege), saying why in Chinese. */
    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable change) {
        assertThatThrownBy(change).rootCause().hasMessageContaining("审计记录只能追加");
    }

    /**
     * Someone who can switch the database's triggers off (a PostgreSQL superuser) changes audit rows: what
     * the hash chain must still find. On H2 there is no trigger to switch off.
     */
    private void asSuperuser(String sql, Object... args) {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t -> {
            if (postgres()) {
                jdbc.execute("set local session_replication_role = replica");
            }
            jdbc.update(sql, args);
        });
    }

    private boolean postgres() {
        return jdbc.execute((java.sql.Connection con) -> con.getMetaData().getDatabaseProductName()).contains("PostgreSQL");
    }

    @Test
    void theAdminPageVerifiesTheChain() throws Exception {
        mvc.perform(post("/admin/audit/verify").with(as(users, "admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("verification", containsString("数据库中的审计日志完整")));
        mvc.perform(post("/admin/audit/verify").with(as(users, "officer")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(as(users, "admin"))).andExpect(content().string(containsString("id=\"verify-chain\"")));
    }

    @Test
    void twentyParallelWritesStayOneChain() throws Exception {
        String name = fixtures.officer("parallel").getUsername();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                writes.add(() -> mvc.perform(post("/account/profile/tokens").with(as(users, name)).with(csrf()).param("name", "p" + n))
                        .andReturn().getResponse().getStatus());
            }
            for (Future<Integer> f : pool.invokeAll(writes)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows(name)).hasSize(20).allSatisfy(r -> assertThat(r).containsEntry("outcome", "SUCCESS"));
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
    }

    @Test
    void retentionArchivesThenPrunesAndTheChainStillVerifies(@TempDir Path dir) throws Exception {
        trail.record(AccountFixtures.uniqueName("old"), "TEST_RETENTION", null, AuditTrail.SUCCESS, "old", null);
        long last = lastId();
        // 181 days later, with the default retention of 180 days, everything written so far is due.
        Clock later = Clock.fixed(TestClock.now().plus(Duration.ofDays(181)), ZoneOffset.UTC);
        AuditSettings settings = new AuditSettings(List.of(), Duration.ofDays(180), dir, "test-only-audit-archive-key");
        AuditArchive archive = new AuditArchive(chain, settings, later);

        AuditArchive.Pruned pruned = archive.archiveAndPrune();
        assertThat(pruned.rows()).isPositive();
        assertThat(Files.exists(pruned.archive())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where id <= ?", Long.class, last)).isZero();
        assertThat(chain.anchor()).containsEntry("anchor_archive", pruned.archive().getFileName().toString());
        assertThat(chain.verify().intact()).isTrue();
        AuditArchive.ArchiveCheck check = archive.verifyArchives();
        assertThat(check.intact()).as(check.toString()).isTrue();
        assertThat(check.rows()).isEqualTo(pruned.rows());

        // New rows continue from the anchor.
        trail.record(AccountFixtures.uniqueName("new"), "TEST_RETENTION", null, AuditTrail.SUCCESS, "new", null);
        assertThat(chain.verify()).satisfies(v -> assertThat(v.intact()).isTrue());

        // A changed archive or a forged manifest is found.
        Path manifest = Files.list(dir).filter(f -> f.toString().endsWith(".manifest.json")).findFirst().orElseThrow();
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replaceFirst("\"rows\" : \\d+", "\"rows\" : 1"));
        assertThat(archive.verifyArchives().problem()).startsWith("signature");
        Files.writeString(manifest, original);
        assertThat(archive.verifyArchives().intact()).isTrue();
    }

    @Test
    void withoutAKeyNothingIsPruned(@TempDir Path dir) {
        trail.record(AccountFixtures.uniqueName("kept"), "TEST_RETENTION", null, AuditTrail.SUCCESS, "kept", null);
        long last = lastId();
        Clock later = Clock.fixed(TestClock.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
        AuditArchive unsigned = new AuditArchive(chain, new AuditSettings(List.of(), Duration.ofDays(180), dir, ""), later);
        assertThat(unsigned.archiveAndPrune().skipped()).isEqualTo("no-key");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where id = ?", Long.class, last)).isOne();
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() throws Exception {
        String name = fixtures.officer("proxied").getUsername();
        mvc.perform(post("/account/profile/tokens").with(as(users, name)).with(csrf()).param("name", "via proxy")
                .header("X-Forwarded-For", "203.0.113.7, 10.1.2.3").with(r -> {
                    r.setRemoteAddr("10.0.0.1");
                    return r;
                }));
        mvc.perform(post("/account/profile/tokens").with(as(users, name)).with(csrf()).param("name", "spoofed")
                .header("X-Forwarded-For", "203.0.113.7").with(r -> {
                    r.setRemoteAddr("192.0.2.44");
                    return r;
                }));
        mvc.perform(formLogin().user(name).password("Wrong#Pass1")).andReturn();
        mvc.perform(post("/login").param("username", name).param("password", "Wrong#Pass1").with(csrf())
                .header("X-Forwarded-For", "198.51.100.9").with(r -> {
                    r.setRemoteAddr("10.0.0.1");
                    return r;
                }));
        assertThat(rows(name)).extracting(r -> r.get("remote_addr"))
                .containsExactly("203.0.113.7", "192.0.2.44", "127.0.0.1", "198.51.100.9");
    }

    private long lastId() {
        Long id = jdbc.queryForObject("select max(id) from audit_event", Long.class);
        return id == null ? 0 : id;
    }
}
