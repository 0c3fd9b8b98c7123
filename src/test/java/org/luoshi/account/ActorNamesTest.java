package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Names of people where a user acted, and audit lines in words: an account names the person who uses it,
 * pages show that name (登记人), and the audit says "删除台账记录 #n 《…》 · 成功" with a filter in words and in any case.
 */
@LuoshiTest
class ActorNamesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AccountService accounts;
    @Autowired OrgUnitService units;
    @Autowired PersonService people;
    @Autowired LedgerService ledger;
    @Autowired ActorNames actors;

    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
    }

    private Person person(String unitName, String name) {
        return people.create(units.systemScope("test"), fixtures.unit(unitName).getId(), name, null, null, null);
    }

    private LedgerRecord media(String username, String title) {
        SignedInUser user = (SignedInUser) users.loadUserByUsername(username);
        return ledger.create(user.scope(), "MEDIA_PLACEMENT", new RecordCommand(fixtures.unit("柳溪镇").getId(),
                TestClock.today(), null, title, null, List.of(),
                Map.of("outlet", "青禾日报", "level", "COUNTY", "medium", "PRINT", "articleCount", 1), List.of()));
    }

    private void link(Account account, Long personId, int expectedStatus, String expectedText) throws Exception {
        mvc.perform(post("/admin/accounts/{id}", account.getId()).with(as(users, "admin")).with(csrf())
                        .param("displayName", "柳溪镇宣传干事").param("role", account.getRole().name())
                        .param("orgUnitId", String.valueOf(account.getOrgUnitId()))
                        .param("personId", personId == null ? "" : String.valueOf(personId)))
                .andExpect(status().is(expectedStatus))
                .andExpect(content().string(containsString(expectedText)));
    }

    @Test
    void pagesNameThePersonWhoUsesTheAccountElseItsDisplayName() throws Exception {
        Account account = fixtures.officer("named");
        String personName = "许" + UUID.randomUUID().toString().substring(0, 4);
        Person person = person("柳溪镇", personName);
        LedgerRecord record = media(account.getUsername(), "稿件 登记人");

        // No person named yet: the display name, never the login name.
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Test named")))
                .andExpect(content().string(not(containsString(account.getUsername()))));

        // A person of another unit is refused beside the field, with what was typed kept.
        Person stranger = person("石桥乡", "外乡人");
        link(account, stranger.getId(), 400, "只能选择本账号所属单位的人员。");
        assertThat(accounts.get(units.systemScope("test"), account.getId()).getPersonId()).isNull();

        link(account, person.getId(), 302, "");
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "officer")))
                .andExpect(content().string(containsString(personName)))
                .andExpect(content().string(not(containsString(account.getUsername()))));
        mvc.perform(get("/ledger/media-placement").with(as(users, "officer")))
                .andExpect(content().string(containsString(personName)));
        // The account form offers the unit's people, the named one selected.
        mvc.perform(get("/admin/accounts/{id}/edit", account.getId()).with(as(users, "admin")))
                .andExpect(content().string(containsString("value=\"" + person.getId() + "\" selected")));

        // A login name without an account is the application itself on pages, itself in the audit.
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(actors.name("system")).isEqualTo("系统");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(actors.nameOrLogin("no-such-login")).isEqualTo("no-such-login");
        assertThat(actors.name(null)).isEmpty();

        // Moving the account to another unit drops the person, who belongs to the old one.
        mvc.perform(post("/admin/accounts/{id}", account.getId()).with(as(users, "admin")).with(csrf())
                        .param("displayName", "调走").param("role", "TOWNSHIP_OFFICER")
                        .param("orgUnitId", String.valueOf(fixtures.unit("石桥乡").getId())).param("personId", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.get(units.systemScope("test"), account.getId()).getPersonId()).isNull();
    }

    @Test
    void auditLinesSayWhatWasDoneInWordsAndTheFilterFindsThem() throws Exception {
        Account account = fixtures.officer("deleter");
        String personName = "伍" + UUID.randomUUID().toString().substring(0, 4);
        Person person = person("柳溪镇", personName);
        accounts.linkPerson(units.systemScope("test"), account.getId(), person.getId());
        String title = "待删稿件" + UUID.randomUUID().toString().substring(0, 4);
        LedgerRecord record = media(account.getUsername(), title);
        mvc.perform(post("/ledger/records/{id}/delete", record.id()).param("reason", "重复登记")
                .with(as(users, account.getUsername())).with(csrf())).andExpect(status().is3xxRedirection());
        // a refused write: the clerk may not write the township's admin pages
        mvc.perform(post("/admin/accounts/{id}/unlock", account.getId()).with(as(users, account.getUsername())).with(csrf()))
                .andExpect(status().isForbidden());

        String page = mvc.perform(get("/admin/audit").param("username", account.getUsername()).with(as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("删除台账记录 #" + record.id() + " 《" + title + "》")
                .contains("解锁账号 #" + account.getId())
                .contains("失败：无权限")
                .contains(">成功<")
                .contains(personName)
                .doesNotContain("HTTP 302").doesNotContain(">POST /ledger");

        // The filter: words of the action, the raw request in any case, the login name in any case.
        for (String words : List.of("删除台账", "post /LEDGER/records", "Delete")) {
            String found = mvc.perform(get("/admin/audit").param("event", words)
                            .param("username", account.getUsername().toUpperCase()).with(as(users, "admin")))
                    .andReturn().getResponse().getContentAsString();
            if (words.equals("Delete")) {
                // 'Delete' is not a word of any Chinese action, yet matches the raw request in any case
                assertThat(found).contains("删除台账记录 #" + record.id());
            } else {
                assertThat(found).as(words).contains("删除台账记录 #" + record.id()).doesNotContain("解锁账号");
            }
        }
        assertThat(mvc.perform(get("/admin/audit").param("event", "解锁").param("username", account.getUsername())
                .with(as(users, "admin"))).andReturn().getResponse().getContentAsString())
                .contains("解锁账号").doesNotContain("删除台账记录 #" + record.id());
        // The display name finds the account too.
        assertThat(mvc.perform(get("/admin/audit").param("username", "test DELETER").with(as(users, "admin")))
                .andReturn().getResponse().getContentAsString()).contains("删除台账记录 #" + record.id());
    }

    /** Every page write the access matrix knows has its words (the request module's routes are its own). */
    @Test
    void theActionsTableNamesEveryPageWrite() throws IOException {
        List<String> writes = Files.readAllLines(Path.of("src/test/resources/access-matrix.tsv")).stream()
                .filter(l -> l.startsWith("POST\t")).map(l -> l.split("\t"))
                .filter(c -> !c[1].startsWith("/api/"))
                .map(c -> c[0] + " " + c[1]).toList();
        assertThat(writes).isNotEmpty();
        assertThat(AuditActions.ACTIONS.keySet()).containsAll(writes);
    }
}
