package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.ledger.FieldDef;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real figures over the demo ledger of 柳溪镇: the annual report is generated and written as
 * .docx, reopened with POI, and its numbers compared with plain SQL over the ledger tables.
 */
@LuoshiTest
class LedgerReportFiguresTest {

    /** The year a report is written for: the year just ended in January and February, when the demo has a full year of it. */
    static final int YEAR = org.luoshi.time.Times.likelyYear(org.luoshi.TestClock.today());

    @Autowired ReportFigures figures;
    @Autowired JdbcClient jdbc;
    @Autowired RecordKinds kinds;
    @Autowired org.luoshi.assessment.EvaluationService evaluation;
    @Autowired org.luoshi.org.OrgUnitService units;
    @Autowired org.luoshi.responsibility.LetterService letterService;

    long liuxi;
    String path;

    @BeforeEach
    void township() {
        Map<String, Object> row = jdbc.sql("select id, path from org_unit where name = '柳溪镇'").query().singleRow();
        liuxi = ((Number) row.get("id")).longValue();
        path = (String) row.get("path");
    }

    @Test
    void theRealImplementationIsInPlace() {
        assertThat(figures).isInstanceOf(LedgerReportFigures.class);
    }

    @Test
    void annualReportStatesTheLedgerFigures() throws Exception {
        FigureSet set = figures.figures(liuxi, YEAR);
        String text = docxText(set);

        long central = study("CENTRAL_GROUP");
        long seminars = study("SEMINAR");
        assertThat(central).isPositive();
        assertThat(text).contains("全年理论学习中心组集中学习" + central + "次")
                .contains("开展专题研讨" + seminars + "次");

        // 中心组学习出勤率: central-group sessions only, present over listed (glossary, 度量)
        Map<String, Object> attendance = jdbc.sql("select count(a.id) as listed, "
                        + "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0) as present "
                        + "from study_attendance a join ledger_record r on r.id = a.record_id "
                        + "join ledger_study_session d on d.record_id = r.id "
                        + "where d.sub_kind = 'CENTRAL_GROUP'" + inYear())
                .params(params()).query().singleRow();
        long listed = ((Number) attendance.get("listed")).longValue();
        long present = ((Number) attendance.get("present")).longValue();
        assertThat(listed).isPositive();
        BigDecimal rateValue = BigDecimal.valueOf(present * 100).divide(BigDecimal.valueOf(listed), 1, RoundingMode.HALF_UP);
        String rate = rateValue.stripTrailingZeros().toPlainString();
        assertThat(text).contains("成员出勤率" + rate + "%");
        // the same number as indicator LL-03 of the evaluation
        LocalDate asOf = YEAR < org.luoshi.TestClock.today().getYear() ? LocalDate.of(YEAR + 1, 1, 1) : org.luoshi.TestClock.today();
        BigDecimal ll03 = evaluation.evaluate(units.systemScope("test"), liuxi, YEAR, asOf).get(0).indicators().stream()
                .filter(i -> i.indicator().code().equals("LL-03")).findFirst().orElseThrow().periods().get(0).actual();
        assertThat(ll03.setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo(rateValue);
        // 交流发言人次: central-group sessions and seminars
        long spoke = jdbc.sql("select coalesce(sum(case when a.spoke then 1 else 0 end), 0) "
                        + "from study_attendance a join ledger_record r on r.id = a.record_id "
                        + "join ledger_study_session d on d.record_id = r.id "
                        + "where d.sub_kind in ('CENTRAL_GROUP', 'SEMINAR')" + inYear())
                .params(params()).query(Long.class).single();
        assertThat(text).contains("交流发言" + (spoke == 0 ? "【待补充" : spoke + "人次"));

        // 活动场次: the activities' 场次 (one where none is entered), 扫黄打非 checks left out
        long sessions = jdbc.sql("select coalesce(sum(coalesce(d.sessions, 1)), 0) from ledger_record r "
                + "join ledger_activity d on d.record_id = r.id where d.sub_kind not in ('ANTI_PORN', 'CULTURE_MARKET')" + inYear())
                .params(params()).query(Long.class).single();
        long activityRecords = jdbc.sql("select count(*) from ledger_record r where r.kind = 'ACTIVITY'" + inYear())
                .params(params()).query(Long.class).single();
        assertThat(sessions).isPositive().isNotEqualTo(activityRecords);
        String summary = docxText(set, ReportKind.PROPAGANDA_SUMMARY);
        assertThat(summary).contains("全年组织文化、文体及节日活动" + sessions + "场次");

        long meetings = jdbc.sql("select count(*) from ledger_record r join ledger_meeting d on d.record_id = r.id "
                + "where d.sub_kind = 'THEMATIC'" + inYear()).params(params()).query(Long.class).single();
        assertThat(text).contains("召开党委会专题研究意识形态工作" + meetings + "次");

        List<Map<String, Object>> levels = jdbc.sql("select d.level as level, sum(d.article_count) as articles "
                + "from ledger_record r join ledger_media_placement d on d.record_id = r.id where d.state = 'PUBLISHED'" + inYear()
                + " group by d.level").params(params()).query().listOfRows();
        Map<String, String> levelNames = Map.of("NATIONAL", "国家级", "PROVINCIAL", "省级", "MUNICIPAL", "市级", "COUNTY", "县级");
        long total = 0;
        assertThat(levels).isNotEmpty();
        for (Map<String, Object> level : levels) {
            long articles = ((Number) level.get("articles")).longValue();
            total += articles;
            assertThat(summary).contains(levelNames.get((String) level.get("level")) + articles + "篇");
        }
        assertThat(summary).contains("全年在各级媒体刊发稿件" + total + "篇");

        long opinions = jdbc.sql("select count(*) from ledger_record r join ledger_opinion_case d on d.record_id = r.id "
                + "where 1 = 1" + inYear()).params(params()).query(Long.class).single();
        long closed = jdbc.sql("select count(*) from ledger_record r join ledger_opinion_case d on d.record_id = r.id "
                + "where d.closed_on is not null" + inYear()).params(params()).query(Long.class).single();
        long onTime = jdbc.sql("select count(*) from ledger_record r join ledger_opinion_case d on d.record_id = r.id "
                + "where d.on_time = true and d.closed_on is not null" + inYear()).params(params()).query(Long.class).single();
        assertThat(text).contains("全年登记网络舆情" + opinions + "件，已办结" + closed + "件，其中按时处置" + onTime + "件");
        if (closed > 0) {
            String onTimeRate = java.math.BigDecimal.valueOf(onTime * 100).divide(java.math.BigDecimal.valueOf(closed), 1,
                    java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            assertThat(text).contains("按时处置率" + onTimeRate + "%");
        }

        List<String> members = jdbc.sql("select p.name from leading_group g join group_seat s on s.group_id = g.id "
                + "join post_holding h on h.post_id = s.post_id and h.end_date is null join person p on p.id = h.person_id "
                + "where g.org_unit_id = :township").param("township", liuxi).query(String.class).list();
        assertThat(members).isNotEmpty();
        // counted from the database: seats with a current holder, vacant ones are no members
        assertThat(text).contains("共有" + members.size() + "名成员");
        // summarised, not a roster: the leader, the deputies and the office head by name
        List<String> named = jdbc.sql("select p.name from leading_group g join group_seat s on s.group_id = g.id "
                + "join post_holding h on h.post_id = s.post_id and h.end_date is null join person p on p.id = h.person_id "
                + "where g.org_unit_id = :township and s.seat_role in ('LEADER', 'DEPUTY', 'OFFICE_HEAD')")
                .param("township", liuxi).query(String.class).list();
        assertThat(named).isNotEmpty().hasSizeLessThan(members.size());
        named.forEach(name -> assertThat(text).contains(name));
    }

    @Test
    void aCategoryWithoutRecordsShowsTheMarkerNeverANumber() throws Exception {
        String text = docxText(figures.figures(liuxi, YEAR));
        Map<String, String> leads = Map.of("VENUE_CHECK", "全年开展阵地检查", "OUTREACH", "全年组织理论宣讲",
                "MEETING", "全年召开党委会专题研究意识形态工作");
        for (Map.Entry<String, String> lead : leads.entrySet()) {
            long records = jdbc.sql("select count(*) from ledger_record r where r.kind = :kind" + inYear())
                    .params(params()).param("kind", lead.getKey()).query(Long.class).single();
            if (records == 0) {
                assertThat(text).contains(lead.getValue() + "【待补充");
            } else {
                assertThat(text).containsPattern(lead.getValue() + "\\d+");
            }
        }
        // A year long before the demo ledger: every ledger count is a marker, none is 0.
        String old = docxText(figures.figures(liuxi, 2001));
        assertThat(old).contains("全年理论学习中心组集中学习【待补充").doesNotContain("学习0次").doesNotContain("xx");
    }

    @Test
    void figuresLinkToTheRecordsAndTheFilteredList() {
        FigureSet set = figures.figures(liuxi, YEAR);
        Figure central = set.get(FigureName.STUDY_CENTRAL_GROUP_COUNT);
        assertThat(central.evidence().get(0).href())
                .isEqualTo("/ledger/STUDY_SESSION?unitId=" + liuxi + "&from=" + YEAR + "-01-01&to=" + YEAR + "-12-31");
        List<Long> ids = jdbc.sql("select r.id from ledger_record r join ledger_study_session d on d.record_id = r.id "
                + "where d.sub_kind = 'CENTRAL_GROUP'" + inYear()).params(params()).query(Long.class).list();
        assertThat(central.evidence().subList(1, central.evidence().size()))
                .allSatisfy(l -> assertThat(ids).contains(Long.valueOf(l.href().substring("/ledger/records/".length()))))
                .hasSize(Math.min(ids.size(), LedgerReportFigures.RECORD_LINKS));
        Figure unmet = set.get(FigureName.UNMET_INDICATORS);
        if (unmet.isMissing()) {
            assertThat(unmet.missing()).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void eachEntryLinksTheNewestRecordsOfItsOwnGroup() {
        Figure byLevel = figures.figures(liuxi, YEAR).get(FigureName.MEDIA_BY_LEVEL);
        assertThat(byLevel.items()).isNotEmpty();
        Map<String, String> levels = Map.of("国家级", "NATIONAL", "省级", "PROVINCIAL", "市级", "MUNICIPAL", "县级", "COUNTY");
        for (FigureItem item : byLevel.items()) {
            List<String> newest = jdbc.sql("select r.id from ledger_record r join ledger_media_placement d on d.record_id = r.id "
                            + "where d.level = :level and d.state = 'PUBLISHED'" + inYear() + " order by r.occurred_on desc, r.id desc")
                    .params(params()).param("level", levels.get(item.label())).query(Long.class).list().stream()
                    .limit(LedgerReportFigures.RECORD_LINKS).map(id -> "/ledger/records/" + id).toList();
            assertThat(item.evidence()).extracting(EvidenceLink::href).containsExactlyElementsOf(newest);
        }
    }

    private long study(String subKind) {
        return jdbc.sql("select count(*) from ledger_record r join ledger_study_session d on d.record_id = r.id "
                + "where d.sub_kind = :subKind" + inYear()).params(params()).param("subKind", subKind).query(Long.class).single();
    }

    private String inYear() {
        return " and r.deleted_at is null and r.occurred_on between :from and :to"
                + " and r.org_unit_id in (select u.id from org_unit u where u.path like :path)";
    }

    private Map<String, Object> params() {
        return Map.of("from", LocalDate.of(YEAR, 1, 1), "to", LocalDate.of(YEAR, 12, 31), "path", path + "%");
    }

    private static String docxText(FigureSet set) throws Exception {
        return docxText(set, ReportKind.RESPONSIBILITY);
    }

    private static String docxText(FigureSet set, ReportKind kind) throws Exception {
        ReportContent content = new ReportDraft(kind, "柳溪镇", set.year(), (String) null, set).build();
        WordReport word = WordReport.of(ReportDraft.title(kind, "柳溪镇", set.year()), "中共青禾县委宣传部",
                content, "中共柳溪镇委员会", ReportText.date(org.luoshi.TestClock.today()), set.year(), List.of());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(GbDocumentWriter.write(word)))) {
            return new XWPFWordExtractor(doc).getText();
        }
    }

    /** 责任书签订率 has one definition: the evaluation's ZZ-03 and the letters page count the same units and letters. */
    @Test
    void lettersSignedAreCountedAlikeByTheEvaluationAndTheLettersPage() {
        int year = org.luoshi.TestClock.today().getYear(); // the demo leaves some of this year's letters unsigned
        org.luoshi.responsibility.LetterService.LetterStatus status = letterService.status(units.systemScope("test"), liuxi, year);
        assertThat(status.due()).isGreaterThan(status.signed()).isPositive();
        BigDecimal zz03 = evaluation.evaluate(units.systemScope("test"), liuxi, year, org.luoshi.TestClock.today()).get(0)
                .indicators().stream().filter(i -> i.indicator().code().equals("ZZ-03")).findFirst().orElseThrow()
                .periods().get(0).actual();
        assertThat(zz03).isEqualByComparingTo(BigDecimal.valueOf(status.signed() * 100L)
                .divide(BigDecimal.valueOf(status.due()), zz03.scale(), RoundingMode.HALF_UP));

        // A fresh township: two villages, one signed, and a station with a unit of its own below it, which
        // signs nothing with the township (it is not the township's own): 1 of 3 on both surfaces.
        var system = units.systemScope("test");
        long root = units.root().orElseThrow().getId();
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        long township = units.create(system, new org.luoshi.org.OrgUnitCommand(root, org.luoshi.org.OrgUnitKind.TOWNSHIP,
                "签约镇" + tag, null, null, 98)).getId();
        long a = units.create(system, new org.luoshi.org.OrgUnitCommand(township, org.luoshi.org.OrgUnitKind.VILLAGE,
                "甲村" + tag, null, null, 1)).getId();
        units.create(system, new org.luoshi.org.OrgUnitCommand(township, org.luoshi.org.OrgUnitKind.VILLAGE, "乙村" + tag,
                null, null, 2));
        long station = units.create(system, new org.luoshi.org.OrgUnitCommand(township, org.luoshi.org.OrgUnitKind.DEPARTMENT,
                "文化站" + tag, null, null, 3)).getId();
        units.create(system, new org.luoshi.org.OrgUnitCommand(station, org.luoshi.org.OrgUnitKind.DEPARTMENT, "文化站分站" + tag,
                null, null, 1));
        letterService.sign(system, new org.luoshi.responsibility.LetterService.LetterCommand(township, a, year,
                org.luoshi.TestClock.today(), "村支书", null), null);
        org.luoshi.responsibility.LetterService.LetterStatus fresh = letterService.status(system, township, year);
        assertThat(fresh.signed()).isEqualTo(1);
        assertThat(fresh.due()).isEqualTo(3);
        // the batch count the evaluation uses follows the same rule
        assertThat(letterService.counts(system, List.of(township, liuxi), year)).containsEntry(township,
                new org.luoshi.responsibility.LetterService.LetterCount(1, 3)).containsEntry(liuxi,
                new org.luoshi.responsibility.LetterService.LetterCount(status.signed(), status.due()));
        BigDecimal freshRate = evaluation.evaluate(system, township, year, org.luoshi.TestClock.today()).get(0)
                .indicators().stream().filter(i -> i.indicator().code().equals("ZZ-03")).findFirst().orElseThrow()
                .periods().get(0).actual();
        assertThat(freshRate.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("33.33");
    }
}
