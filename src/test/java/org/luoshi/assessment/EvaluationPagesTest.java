package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.AttendanceEntry;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The evaluation pages, panel, county dashboard, charts and API end to end over the real ledger,
 * against the county's default set that the demo data publishes for this year. Townships created
 * here are the test's own, so that other tests' records never change what is asserted.
 */
@LuoshiTest
class EvaluationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnitService units;

    @Autowired
    LedgerService ledger;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    IndicatorSetService sets;

    @Autowired
    ObjectMapper json;
    @Autowired
    org.luoshi.org.PersonService people;

    ResultActions call(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.as(users, user)));
    }

    long unitOf(String user) {
        return ((SignedInUser) users.loadUserByUsername(user)).getUnitId();
    }

    OrgUnit freshTownship() {
        return units.create(units.systemScope("test"), new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                "考评镇" + UUID.randomUUID().toString().substring(0, 8), null, null, 95));
    }

    long centralGroupStudy(long unitId, LocalDate on) {
        // a title of its own: a record of the same unit, date and title would be the same record
        return ledger.create(units.systemScope("test"), "STUDY_SESSION", new RecordCommand(unitId, on, null,
                "中心组学习" + UUID.randomUUID().toString().substring(0, 6), null,
                List.of(), Map.of("subKind", "CENTRAL_GROUP", "topic", "学习党的创新理论"), List.of())).id();
    }

    String page(String user, long townshipId) throws Exception {
        // this year's evaluation, where the tests record their study (in January the page opens on last year)
        return call(user, get("/assessment/evaluation").param("townshipId", String.valueOf(townshipId))
                .param("year", String.valueOf(evaluation.today().getYear())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void recordingTheMonthsStudyClearsItsGapAndDeletingItBringsItBack() throws Exception {
        OrgUnit township = freshTownship();
        LocalDate today = evaluation.today();
        String gap = today.getMonthValue() + "月尚无理论学习中心组学习";
        Period month = Period.containing(PeriodMode.EACH_MONTH, today);

        String before = page("county", township.getId());
        assertThat(before).contains(gap).contains("ZZ-01").contains("/assessment/evaluation/records?setId=");
        if (month.twoThirdsPassed(today)) {
            assertThat(warnings(township.getId())).anySatisfy(w -> assertThat(w.path("message").asText()).isEqualTo(gap));
        }

        long id = centralGroupStudy(township.getId(), today);
        String after = page("county", township.getId());
        assertThat(after).doesNotContain(gap);
        assertThat(drillDown("county", after, "LL-01", month.index())).contains("/ledger/records/" + id);
        assertThat(warnings(township.getId())).noneSatisfy(w -> assertThat(w.path("message").asText()).isEqualTo(gap));

        ledger.delete(units.systemScope("test"), id, "录入错误");
        String deleted = page("county", township.getId());
        assertThat(deleted).contains(gap);
        assertThat(drillDown("county", deleted, "LL-01", month.index())).doesNotContain("/ledger/records/" + id);
    }

    /** The 考核评估 menu leads to the scores for every role, and to the county ranking for the county's roles. */
    @Test
    void theAssessmentMenuLeadsToScoresAndToTheRankingForTheCounty() throws Exception {
        // by right: the ranking for county:oversee (first), the scores for every reader, the indicator
        // tables only for assessment:edit, and no menu without assessment:view (a village clerk)
        for (String user : new String[] {"officer", "leader", "clerk", "county", "admin"}) {
            String home = call(user, get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            int at = home.indexOf("id=\"nav-assessment-menu\"");
            if (user.equals("clerk")) {
                assertThat(at).as(user).isNegative();
                continue;
            }
            assertThat(at).as(user).isPositive();
            String menu = home.substring(at, home.indexOf("</div>", at));
            assertThat(menu).as(user).contains("href=\"/assessment/evaluation\"").contains("考评结果");
            assertThat(menu.contains("href=\"/assessment/sets\"")).as(user).isEqualTo(!user.equals("leader"));
            boolean county = user.equals("county") || user.equals("admin");
            assertThat(menu.contains("href=\"/assessment/county\"")).as(user).isEqualTo(county);
            if (county) {
                assertThat(menu.indexOf("/assessment/county")).as(user).isLessThan(menu.indexOf("/assessment/evaluation"));
            }
        }
    }

    @Test
    void aYearThatIsOverIsShownClosedAndTheRunningYearWithItsDate() throws Exception {
        OrgUnit township = freshTownship();
        int thisYear = evaluation.today().getYear();
        String running = page("county", township.getId());
        assertThat(running).contains("评估日期：" + evaluation.today() + "（北京时间）").doesNotContain("年度已结束");
        String closed = call("county", get("/assessment/evaluation").param("townshipId", String.valueOf(township.getId()))
                .param("year", String.valueOf(thisYear - 1))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(closed).contains((thisYear - 1) + "年度已结束，按全年完成情况评估").doesNotContain("评估日期：");
    }

    @Test
    void editingARecordMovesItsFigureAtOnce() throws Exception {
        OrgUnit township = freshTownship();
        LocalDate today = evaluation.today();
        String gap = today.getMonthValue() + "月尚无理论学习中心组学习";
        long id = centralGroupStudy(township.getId(), today);
        assertThat(page("county", township.getId())).doesNotContain(gap);

        // the same session recorded as a seminar no longer counts as the month's central-group study
        ledger.update(units.systemScope("test"), id, new RecordCommand(township.getId(), today, null, "中心组学习", null, List.of(),
                Map.of("subKind", "SEMINAR", "topic", "学习党的创新理论"), List.of()), "学习形式记错", null);
        assertThat(page("county", township.getId())).contains(gap);

        // and back again
        ledger.update(units.systemScope("test"), id, new RecordCommand(township.getId(), today, null, "中心组学习", null, List.of(),
                Map.of("subKind", "CENTRAL_GROUP", "topic", "学习党的创新理论"), List.of()), "改回中心组学习", null);
        assertThat(page("county", township.getId())).doesNotContain(gap);
    }

    /** Follows the drill-down link of one period of an indicator on an evaluation page. */
    String drillDown(String user, String page, String code, int period) throws Exception {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                "href=\"(/assessment/evaluation/records\\?[^\"]*code=" + code + "&amp;period=" + period + ")\"").matcher(page);
        assertThat(link.find()).as("drill-down link of " + code + " period " + period).isTrue();
        return call(user, get(link.group(1).replace("&amp;", "&"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    List<JsonNode> warnings(long townshipId) throws Exception {
        String body = call("county", get("/api/v1/assessment/warnings").param("townshipId", String.valueOf(townshipId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> list = new java.util.ArrayList<>();
        json.readTree(body).forEach(list::add);
        return list;
    }

    @Test
    void theApiEvaluationMatchesTheRecordsOfTheTownship() throws Exception {
        OrgUnit township = freshTownship();
        LocalDate today = evaluation.today();
        centralGroupStudy(township.getId(), today);
        String body = call("county", get("/api/v1/assessment/evaluations").param("townshipId", String.valueOf(township.getId()))
                .param("year", String.valueOf(today.getYear())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode set = json.readTree(body).get(0);
        JsonNode ll01 = null;
        for (JsonNode indicator : set.path("indicators")) {
            if (indicator.path("code").asText().equals("LL-01")) {
                ll01 = indicator;
            }
        }
        assertThat(ll01).isNotNull();
        // one period per started month; only the current one has the study
        assertThat(ll01.path("periods")).hasSize(today.getMonthValue());
        JsonNode current = ll01.path("periods").get(today.getMonthValue() - 1);
        assertThat(current.path("actual").decimalValue()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(current.path("status").asText()).isEqualTo("MET");
        BigDecimal expected = new BigDecimal("10").divide(BigDecimal.valueOf(today.getMonthValue()), 2,
                java.math.RoundingMode.HALF_UP);
        assertThat(ll01.path("score").decimalValue()).isEqualByComparingTo(expected);
    }

    @Test
    void aTownshipOfficerCannotOpenAnotherTownship() throws Exception {
        long other = unitOf("officer2");
        call("officer", get("/assessment/evaluation").param("townshipId", String.valueOf(other)))
                .andExpect(status().isNotFound());
        call("officer", get("/api/v1/assessment/evaluations").param("townshipId", String.valueOf(other)))
                .andExpect(status().isNotFound());
        call("officer", get("/api/v1/assessment/warnings").param("townshipId", String.valueOf(other)))
                .andExpect(status().isNotFound());
        call("officer", get("/assessment/charts/township").param("townshipId", String.valueOf(other))
                .param("year", "2026")).andExpect(status().isNotFound());
        // their own township opens without a parameter
        call("officer", get("/assessment/evaluation")).andExpect(status().isOk())
                .andExpect(content().string(containsString("ZZ-01")));
        call("officer", get("/assessment/panel")).andExpect(status().isOk())
                .andExpect(content().string(containsString("assessment-panel")))
                .andExpect(content().string(not(containsString("<html"))));
        call("county", get("/api/v1/assessment/warnings")).andExpect(status().isNotFound());
        // a village clerk has no township in scope: the panel and the page render without figures
        call("clerk", get("/assessment/panel")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("panel-total"))));
        call("clerk", get("/assessment/evaluation")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("set-evaluation"))))
                .andExpect(content().string(containsString("考评以乡镇为单位进行")));
    }

    long seminar(long unitId, LocalDate on) {
        return ledger.create(units.systemScope("test"), "STUDY_SESSION", new RecordCommand(unitId, on, null, "专题研讨", null,
                List.of(), Map.of("subKind", "SEMINAR", "topic", "研讨"), List.of())).id();
    }

    static int rows(String page) {
        return page.split("class=\"record-row\"", -1).length - 1;
    }

    @Test
    void theDrillDownListsExactlyTheRecordsBehindTheFigure() throws Exception {
        OrgUnit township = freshTownship();
        OrgUnit village = units.create(units.systemScope("test"), new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE,
                "明细村" + UUID.randomUUID().toString().substring(0, 6), null, null, 1));
        LocalDate today = evaluation.today();
        Period quarter = Period.containing(PeriodMode.EACH_QUARTER, today);
        long a = seminar(township.getId(), quarter.start());
        long b = seminar(village.getId(), today);
        centralGroupStudy(township.getId(), today);
        ledger.delete(units.systemScope("test"), seminar(township.getId(), today), "重复");
        seminar(freshTownship().getId(), today);
        if (quarter.index() > 1) {
            seminar(township.getId(), quarter.start().minusDays(1)); // last day of the previous quarter
        }

        IndicatorResult ll02 = evaluation.evaluate(units.systemScope("test"), township.getId(), today.getYear(), today).get(0)
                .indicators().stream().filter(i -> i.indicator().code().equals("LL-02")).findFirst().orElseThrow();
        PeriodResult figure = ll02.periods().get(quarter.index() - 1);
        assertThat(figure.actual()).isEqualByComparingTo("2");

        String list = drillDown("county", page("county", township.getId()), "LL-02", quarter.index());
        assertThat(rows(list)).isEqualTo(figure.actual().intValue());
        assertThat(list).contains("/ledger/records/" + a).contains("/ledger/records/" + b)
                .contains("共 2 条").contains("/ledger/study-session?unitId=" + township.getId());
        // the same records for a township officer of another township are not there to see
        call("officer", get("/assessment/evaluation/records").param("setId", "1").param("townshipId",
                String.valueOf(township.getId())).param("code", "LL-02").param("period", "1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aVillageClerkSeesThatAssessmentIsKeptAtTownshipLevelAndTheirVillagesRecords() throws Exception {
        long village = unitOf("clerk");
        // the panel counts the year most likely meant (the year just ended in January and February)
        int year = evaluation.likelyYear();
        LocalDate today = java.util.Collections.min(List.of(evaluation.asOf(year), LocalDate.of(year, 12, 31)));
        int before = villageTotal(call("clerk", get("/assessment/panel")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        centralGroupStudy(village, today);
        centralGroupStudy(village, LocalDate.of(year, 1, 1));
        centralGroupStudy(village, LocalDate.of(year - 1, 12, 31));
        ledger.delete(units.systemScope("test"), centralGroupStudy(village, today), "重复");
        String panel = call("clerk", get("/assessment/panel")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(panel).contains("考评以乡镇为单位进行").contains("village-count").doesNotContain("panel-total");
        assertThat(villageTotal(panel)).isEqualTo(before + 2);
    }

    static int villageTotal(String panel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("年已登记台账记录 ([0-9,]+) 条").matcher(panel);
        assertThat(m.find()).as("village record total on the panel").isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    @Test
    void manualScoresNeedReasonAndEvidenceAndTheCountysRole() throws Exception {
        OrgUnit township = freshTownship();
        int year = evaluation.today().getYear();
        IndicatorSet set = sets.countySet(units.root().orElseThrow(), year).orElseThrow();
        long manual = set.getIndicators().stream().filter(Indicator::isManual).findFirst().orElseThrow().getId();
        call("county", post("/assessment/evaluation/manual-score").with(csrf())
                .param("townshipId", String.valueOf(township.getId())).param("year", String.valueOf(year))
                .param("setId", String.valueOf(set.getId())).param("indicatorId", String.valueOf(manual))
                .param("score", "3").param("reason", " ").param("evidence", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("field-errors")));
        // above the indicator's points: the page again, the reason in the indicator's row, the input kept
        call("county", post("/assessment/evaluation/manual-score").with(csrf())
                .param("townshipId", String.valueOf(township.getId())).param("year", String.valueOf(year))
                .param("setId", String.valueOf(set.getId())).param("indicatorId", String.valueOf(manual))
                .param("score", "99").param("reason", "超出分值的评分理由").param("evidence", "县文明委通报"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("的人工评分须在0至")))
                .andExpect(content().string(containsString("field-errors")))
                .andExpect(content().string(containsString("超出分值的评分理由")));
        call("officer", post("/assessment/evaluation/manual-score").with(csrf())
                .param("townshipId", String.valueOf(unitOf("officer"))).param("year", String.valueOf(year))
                .param("setId", String.valueOf(set.getId())).param("indicatorId", String.valueOf(manual))
                .param("score", "3").param("reason", "创建成效明显").param("evidence", "县文明委通报"))
                .andExpect(status().isForbidden());
        call("county", post("/assessment/evaluation/manual-score").with(csrf())
                .param("townshipId", String.valueOf(township.getId())).param("year", String.valueOf(year))
                .param("setId", String.valueOf(set.getId())).param("indicatorId", String.valueOf(manual))
                .param("score", "4").param("reason", "获评县级文明乡镇").param("evidence", "县文明委通报"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("county", township.getId())).contains("获评县级文明乡镇");
    }

    @Test
    void theCountyRankingIsForTheCountyUnlessPublished() throws Exception {
        OrgUnit township = freshTownship();
        // the county pages open on the year most likely meant
        int year = evaluation.likelyYear();
        IndicatorSet set = sets.countySet(units.root().orElseThrow(), year).orElseThrow();
        assertThat(set.isRankingPublished()).isFalse();
        call("officer", get("/assessment/county")).andExpect(status().isForbidden());
        call("officer", get("/api/v1/assessment/county")).andExpect(status().isForbidden());
        call("officer", get("/assessment/county.xlsx")).andExpect(status().isForbidden());
        call("clerk", get("/assessment/county")).andExpect(status().isForbidden());
        call("county", get("/assessment/county")).andExpect(status().isOk())
                .andExpect(content().string(containsString(township.getName())))
                .andExpect(content().string(containsString("/assessment/evaluation?townshipId=" + township.getId())));
        call("county", get("/assessment/charts/county").param("year", String.valueOf(year))).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.length()").value(5));

        // the API total of the fresh township equals its own evaluation
        String api = call("county", get("/api/v1/assessment/county")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode row = null;
        for (JsonNode r : json.readTree(api).path("townships")) {
            if (r.path("townshipId").asLong() == township.getId()) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        BigDecimal own = evaluation.evaluate(units.systemScope("test"), township.getId(), year, evaluation.asOf(year)).stream()
                .filter(e -> e.setName().equals(set.getName())).findFirst().orElseThrow().total();
        assertThat(row.path("total").decimalValue()).isEqualByComparingTo(own);

        byte[] xlsx = call("county", get("/assessment/county.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(1)).isEqualTo("乡镇（街道）");
            Row mine = rows.stream().filter(r -> township.getName().equals(r.getCellText(1))).findFirst().orElseThrow();
            assertThat(new BigDecimal(mine.getCellText(2))).isEqualByComparingTo(own);
            assertThat(rows).hasSize(json.readTree(api).path("townships").size() + 1);
        }

        call("county", post("/assessment/county/ranking").with(csrf()).param("setId", String.valueOf(set.getId()))
                .param("published", "true").param("year", String.valueOf(year))).andExpect(status().is3xxRedirection());
        try {
            call("officer", get("/assessment/county")).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("ranking-toggle"))));
            call("officer", post("/assessment/county/ranking").with(csrf()).param("setId", String.valueOf(set.getId()))
                    .param("published", "false").param("year", String.valueOf(year))).andExpect(status().isForbidden());
        } finally {
            call("county", post("/assessment/county/ranking").with(csrf()).param("setId", String.valueOf(set.getId()))
                    .param("published", "false").param("year", String.valueOf(year))).andExpect(status().is3xxRedirection());
        }
        call("officer", get("/assessment/county")).andExpect(status().isForbidden());
    }

    @Test
    void chartsCountTheTownshipsRecordsByMonthAndKindAttendanceAndLastYear() throws Exception {
        OrgUnit township = freshTownship();
        LocalDate today = evaluation.today();
        centralGroupStudy(township.getId(), today);
        centralGroupStudy(township.getId(), today.withDayOfMonth(1));
        centralGroupStudy(township.getId(), today.minusYears(1).withDayOfMonth(1));
        List<AttendanceEntry> attendance = List.of(
                new AttendanceEntry(person(township), AttendanceEntry.PRESENT, null, false, false),
                new AttendanceEntry(person(township), AttendanceEntry.PRESENT, null, true, false),
                new AttendanceEntry(person(township), AttendanceEntry.LEAVE, "外出开会", false, false));
        ledger.create(units.systemScope("test"), "STUDY_SESSION", new RecordCommand(township.getId(), today, null, "理论学习", null,
                List.of(), Map.of("subKind", "CENTRAL_GROUP", "topic", "学习党的创新理论"), attendance));
        // a seminar's attendance is not the central group's (indicator LL-03): it leaves the rate alone
        ledger.create(units.systemScope("test"), "STUDY_SESSION", new RecordCommand(township.getId(), today, null, "专题研讨", null,
                List.of(), Map.of("subKind", "SEMINAR", "topic", "意识形态工作"),
                List.of(new AttendanceEntry(person(township), AttendanceEntry.ABSENT, null, false, false))));
        String body = call("county", get("/assessment/charts/township").param("townshipId", String.valueOf(township.getId()))
                .param("year", String.valueOf(today.getYear()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode chart = json.readTree(body);
        long total = 0;
        for (JsonNode kind : chart.path("kinds")) {
            for (JsonNode n : kind.path("counts")) {
                total += n.asLong();
            }
        }
        assertThat(total).isEqualTo(4);
        assertThat(chart.path("months")).hasSize(12);
        int month = today.getMonthValue() - 1;
        assertThat(chart.path("thisYear").get(month).asLong()).isEqualTo(4);
        assertThat(chart.path("lastYear").get(month).asLong()).isEqualTo(1);
        // two of three listed were present; months without sessions have no rate
        assertThat(chart.path("attendance").get(month).asDouble()).isEqualTo(66.7);
        int otherMonth = (month + 6) % 12;
        assertThat(chart.path("attendance").get(otherMonth).isNull()).isTrue();
    }

    long person(OrgUnit unit) {
        return people.create(units.systemScope("test"), unit.getId(), "学员" + UUID.randomUUID().toString().substring(0, 4),
                null, null, null).getId();
    }

    @Test
    void thePanelShowsTheTownshipsPlaceOnlyOnceTheRankingIsPublished() throws Exception {
        int year = evaluation.likelyYear();
        IndicatorSet set = sets.countySet(units.root().orElseThrow(), year).orElseThrow();
        call("officer", get("/assessment/panel")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("panel-placing"))))
                .andExpect(content().string(containsString("data-charts-url=\"/assessment/charts/township?townshipId=")));
        call("county", post("/assessment/county/ranking").with(csrf()).param("setId", String.valueOf(set.getId()))
                .param("published", "true").param("year", String.valueOf(year))).andExpect(status().is3xxRedirection());
        try {
            String api = call("officer", get("/api/v1/assessment/county")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            JsonNode rows = json.readTree(api).path("townships");
            long own = unitOf("officer");
            int rank = 0;
            for (JsonNode r : rows) {
                if (r.path("townshipId").asLong() == own) {
                    rank = r.path("rank").asInt();
                }
            }
            assertThat(rank).isPositive();
            call("officer", get("/assessment/panel")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("panel-placing")))
                    .andExpect(content().string(containsString("第 " + rank + " 名 / 共 " + rows.size() + " 个")));
        } finally {
            call("county", post("/assessment/county/ranking").with(csrf()).param("setId", String.valueOf(set.getId()))
                    .param("published", "false").param("year", String.valueOf(year))).andExpect(status().is3xxRedirection());
        }
    }
}
