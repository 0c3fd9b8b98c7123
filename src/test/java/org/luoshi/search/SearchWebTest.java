package org.luoshi.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.account.SignedInUser;
import org.luoshi.inspection.FindingService;
import org.luoshi.inspection.TestFindings;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.org.PostService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The header's search: grouped results in the user's scope, an empty state, the typed text kept. */
@LuoshiTest
class SearchWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    LedgerService ledger;
    @Autowired
    PersonService people;
    @Autowired
    PostService posts;
    @Autowired
    FindingService findings;
    @Autowired
    OrgUnitService units;
    @Autowired
    org.luoshi.report.SentReports reports;

    /** A word of this test alone, so that other tests' data never match. */
    String word;
    LedgerRecord ours;
    LedgerRecord theirs;
    Person ourPerson;
    Person theirPerson;

    DataScope scope(String username) {
        return ((SignedInUser) users.loadUserByUsername(username)).scope();
    }

    OrgUnit township(String name) {
        return units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals(name))
                .findFirst().orElseThrow();
    }

    LedgerRecord directive(String username, OrgUnit unit, String title) {
        return ledger.create(scope(username), "DIRECTIVE", new RecordCommand(unit.getId(), TestClock.today().minusDays(1), null,
                title, null, List.of(), Map.of("issuer", "县委宣传部"), List.of()));
    }

    long finding(OrgUnit township, String title) {
        long post = posts.postsOf(units.systemScope("test"), township.getId()).get(0).getId();
        return TestFindings.visitFinding(findings, township.getId(), title, post, TestClock.today().plusDays(30));
    }

    @BeforeEach
    void data() {
        word = "检索" + UUID.randomUUID().toString().substring(0, 6);
        OrgUnit liuxi = township("柳溪镇");
        OrgUnit shiqiao = township("石桥乡");
        ours = directive("officer", liuxi, "关于" + word + "宣讲的通知");
        theirs = directive("officer2", shiqiao, "石桥" + word + "专项通知");
        ourPerson = people.create(units.systemScope("test"), liuxi.getId(), "柳" + word, null, null, null);
        theirPerson = people.create(units.systemScope("test"), shiqiao.getId(), "石" + word, null, null, null);
        finding(liuxi, "柳溪" + word + "台账不全");
        finding(shiqiao, "石桥" + word + "台账不全");
    }

    @Test
    void officerFindsTheirTownshipsRecordsPeopleAndFindingsAndNothingOfAnother() throws Exception {
        mvc.perform(get("/search").param("q", word).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("关于" + word + "宣讲的通知")))
                .andExpect(content().string(containsString("/ledger/records/" + ours.id() + "\"")))
                .andExpect(content().string(containsString("柳" + word)))
                .andExpect(content().string(containsString("柳溪" + word + "台账不全")))
                .andExpect(content().string(not(containsString("石桥" + word))))
                .andExpect(content().string(not(containsString("石" + word))))
                .andExpect(content().string(not(containsString("/ledger/records/" + theirs.id() + "\""))))
                // the typed text stays in the box
                .andExpect(content().string(containsString("value=\"" + word + "\"")));
        mvc.perform(get("/search").param("q", word).with(as(users, "officer2")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("石桥" + word + "专项通知")))
                .andExpect(content().string(not(containsString("柳" + word))));
        // the county sees both townships
        mvc.perform(get("/search").param("q", word).with(as(users, "county")))
                .andExpect(content().string(containsString("石桥" + word + "专项通知")))
                .andExpect(content().string(containsString("关于" + word + "宣讲的通知")));
    }

    /**
     * Rolled back: the reports are rows without versions (made directly, {@code SentReports}), which the
     * pages of a real report would not expect, so they must not outlive the test in a shared database.
     */
    @Test
    @org.springframework.transaction.annotation.Transactional
    void reportsAreFoundByTitleInScopeAndTheCountyNeverSeesADraft() throws Exception {
        int year = TestClock.today().getYear() - 1;
        long ourDraft = reports.report(township("柳溪镇").getId(), org.luoshi.report.SentReports.Kind.RESPONSIBILITY, year,
                "柳溪镇" + word + "情况的报告", org.luoshi.report.SentReports.State.DRAFT);
        long theirSent = reports.report(township("石桥乡").getId(), org.luoshi.report.SentReports.Kind.RESPONSIBILITY, year,
                "石桥乡" + word + "情况的报告", org.luoshi.report.SentReports.State.SUBMITTED);
        mvc.perform(get("/search").param("q", word + "情况").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"search-reports\"")))
                .andExpect(content().string(containsString("/report/" + ourDraft + "\"")))
                .andExpect(content().string(containsString("草稿")))
                .andExpect(content().string(not(containsString("/report/" + theirSent + "\""))));
        // the county reads what was sent up, not a township's draft
        mvc.perform(get("/search").param("q", word + "情况").with(as(users, "county")))
                .andExpect(content().string(containsString("/report/" + theirSent + "\"")))
                .andExpect(content().string(containsString("已报送")))
                .andExpect(content().string(not(containsString("/report/" + ourDraft + "\""))));
        // a clerk of a village has no report of its own to find
        mvc.perform(get("/search").param("q", word + "情况").with(as(users, "clerk")))
                .andExpect(content().string(not(containsString("id=\"search-reports\""))));
    }

    @Test
    void nothingFoundSaysSoAndEmptyTextAsksForOne() throws Exception {
        mvc.perform(get("/search").param("q", word + "无此词").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未找到与“" + word + "无此词”相关的")));
        mvc.perform(get("/search").param("q", "  ").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("输入至少 1 个字")))
                .andExpect(content().string(not(containsString("未找到"))));
        // a village clerk searches within the village: the township's record is not theirs
        mvc.perform(get("/search").param("q", word).with(as(users, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("关于" + word))));
    }

    @Test
    void theFindingsListFiltersByTheSameText() throws Exception {
        mvc.perform(get("/inspection/findings").param("q", word).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("柳溪" + word + "台账不全")))
                .andExpect(content().string(not(containsString("石桥" + word))));
    }

    @Test
    void thePeopleListFiltersByTheSameTextWithinTheScope() throws Exception {
        mvc.perform(get("/org/people").param("q", word).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("柳" + word)))
                .andExpect(content().string(not(containsString("石" + word))));
        // the county's people list with the text reaches both townships
        mvc.perform(get("/org/people").param("q", word).with(as(users, "county")))
                .andExpect(content().string(containsString("柳" + word)))
                .andExpect(content().string(containsString("石" + word)));
    }

    @Test
    void theHeaderHasTheSearchBoxAndASignedOutUserIsSentToSignIn() throws Exception {
        mvc.perform(get("/").with(as(users, "officer")))
                .andExpect(content().string(containsString("id=\"header-search-form\"")))
                .andExpect(content().string(containsString("id=\"header-search-link\"")));
        mvc.perform(get("/search").param("q", word)).andExpect(status().is3xxRedirection());
    }
}
