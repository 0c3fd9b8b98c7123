package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@LuoshiTest
class AuditTest {

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
    JdbcTemplate jdbc;

    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
    }

    List<Map<String, Object>> rows(String username) {
        return jdbc.queryForList("select event, target, outcome, detail from audit_event where username = ? order by id", username);
    }

    @Test
    void loginsFailuresAndWritesAreRecordedReadably() throws Exception {
        Account account = fixtures.officer("audited");
        String name = account.getUsername();
        mvc.perform(formLogin().user(name).password("Wrong#Pass1"));
        mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD));
        mvc.perform(post("/account/profile/tokens").with(as(users, name)).with(csrf()).param("name", "audited"))
                .andExpect(status().isOk());
        mvc.perform(post("/account/profile/tokens").with(as(users, name)).param("name", "no csrf"))
                .andExpect(status().isForbidden());

        List<Map<String, Object>> rows = rows(name);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsEntry("event", "LOGIN").containsEntry("outcome", "FAILURE")
                .containsEntry("detail", "bad-credentials").containsEntry("target", "POST /login");
        assertThat(rows.get(1)).containsEntry("event", "LOGIN").containsEntry("outcome", "SUCCESS");
        assertThat(rows.get(2)).containsEntry("event", "POST /account/profile/tokens").containsEntry("outcome", "SUCCESS")
                .containsEntry("target", "/account/profile/tokens").containsEntry("detail", "HTTP 200");
        // Refused by the CSRF check before any controller ran: still recorded, as a failure.
        assertThat(rows.get(3)).containsEntry("event", "POST /account/profile/tokens").containsEntry("outcome", "FAILURE")
                .containsEntry("detail", "HTTP 403");
    }

    @Test
    void aWriteWithAnIdShowsThePathAndTheRoute() throws Exception {
        Account account = fixtures.officer("routed");
        long id = accounts.create(units.systemScope("test"), AccountFixtures.uniqueName("target"), "T", AccountFixtures.PASSWORD,
                Role.VILLAGE_CLERK, fixtures.unit("柳溪村").getId(), false).getId();
        mvc.perform(post("/admin/accounts/{id}/unlock", id).with(as(users, "admin")).with(csrf()));
        assertThat(jdbc.queryForList("select target, outcome from audit_event where username = 'admin' and event = ?",
                "POST /admin/accounts/" + id + "/unlock"))
                .containsExactly(Map.of("target", "/admin/accounts/{id}/unlock", "outcome", "SUCCESS"));
        // A refused write by a non-admin is recorded as a failure.
        mvc.perform(post("/admin/accounts/{id}/unlock", id).with(as(users, account.getUsername())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(rows(account.getUsername())).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("event", "POST /admin/accounts/" + id + "/unlock").containsEntry("outcome", "FAILURE"));
    }

    @Test
    void theAuditPageFiltersAndPagesNewestFirstByKeyset() throws Exception {
        String name = AccountFixtures.uniqueName("paged");
        for (int i = 1; i <= AuditLog.PAGE_SIZE + 5; i++) {
            trail.record(name, "TEST_EVENT", "item " + i, i % 5 == 0 ? AuditTrail.FAILURE : AuditTrail.SUCCESS, "n" + i + ";", null);
        }
        String first = mvc.perform(get("/admin/audit").param("username", name).with(as(users, "admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> firstDetails = details(first);
        assertThat(firstDetails).hasSize(AuditLog.PAGE_SIZE);
        assertThat(firstDetails.get(0)).isEqualTo("n55;");
        assertThat(first).contains("id=\"next-page\"").doesNotContain("id=\"prev-page\"");
        String older = first.replaceAll("(?s).*id=\"next-page\"\\s+href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(older).contains("cursor=");

        String second = mvc.perform(get(older).with(as(users, "admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(details(second)).containsExactly("n5;", "n4;", "n3;", "n2;", "n1;");
        assertThat(second).contains("id=\"prev-page\"").doesNotContain("id=\"next-page\"");
        String newer = second.replaceAll("(?s).*id=\"prev-page\"\\s+href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(details(mvc.perform(get(newer).with(as(users, "admin"))).andReturn().getResponse().getContentAsString()))
                .isEqualTo(firstDetails);

        String failures = mvc.perform(get("/admin/audit").param("username", name).param("outcome", "FAILURE")
                        .param("event", "TEST_").param("from", org.luoshi.TestClock.today().minusDays(1).toString())
                        .param("to", org.luoshi.TestClock.today().plusDays(1).toString()).with(as(users, "admin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(details(failures)).hasSize(11).allMatch(d -> Integer.parseInt(d.substring(1, d.length() - 1)) % 5 == 0);
        mvc.perform(get("/admin/audit").param("username", name).param("to", org.luoshi.TestClock.today().minusDays(2).toString())
                        .with(as(users, "admin")))
                .andExpect(content().string(containsString("没有符合条件的记录。")));
    }

    @Test
    void aTownshipAdministratorSeesOnlyWhatTheirAccountsDid() throws Exception {
        Account townshipAdmin = fixtures.create("auditadmin", Role.ADMIN, "东城街道", false);
        String inside = fixtures.create("auditin", Role.TOWNSHIP_OFFICER, "东城街道", false).getUsername();
        String outside = fixtures.officer("auditout").getUsername();
        trail.record(inside, "TEST_SCOPE", null, AuditTrail.SUCCESS, "inside-event", null);
        trail.record(outside, "TEST_SCOPE", null, AuditTrail.SUCCESS, "outside-event", null);
        mvc.perform(get("/admin/audit").param("event", "TEST_SCOPE").with(as(users, townshipAdmin.getUsername())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("inside-event")))
                .andExpect(content().string(not(containsString("outside-event"))));
        mvc.perform(get("/admin/audit").param("event", "TEST_SCOPE").with(as(users, "admin")))
                .andExpect(content().string(containsString("inside-event")))
                .andExpect(content().string(containsString("outside-event")));
    }

    @Test
    void theAuditTrailOffersNoWayToChangeIt() throws Exception {
        // Appending is the only public operation; a changed or deleted row is found by AuditChainTest's verification.
        assertThat(AuditTrail.class.getDeclaredMethods()).filteredOn(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .extracting(java.lang.reflect.Method::getName).containsOnly("record");
        mvc.perform(post("/admin/audit").with(as(users, "admin")).with(csrf())).andExpect(status().is4xxClientError());
    }

    private static List<String> details(String html) {
        Matcher m = Pattern.compile("audit-detail\">(n\\d+;)</span>").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
