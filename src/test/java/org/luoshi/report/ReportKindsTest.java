package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.inspection.SelfInspections;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The three kinds of report over the demo records of 柳溪镇, each written as .docx, reopened and read
 * against plain SQL: each kind tells the facts of its subject by name, and the three are different
 * documents, not one text under three titles.
 */
@LuoshiTest
class ReportKindsTest {

    static final int YEAR = LedgerReportFiguresTest.YEAR;

    @Autowired ReportFigures figures;
    @Autowired ReportSources sources;
    @Autowired SelfInspections inspections;
    @Autowired org.luoshi.org.OrgUnitService units;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    OrgUnit liuxi;

    @BeforeEach
    void township() {
        long id = jdbc.sql("select id from org_unit where name = '柳溪镇'").query(Long.class).single();
        liuxi = units.getUnchecked(id);
    }

    private String docx(ReportKind kind, int year, ReportDraft.Sources from) throws Exception {
        ReportContent content = new ReportDraft(kind, "柳溪镇", year, from, figures.figures(liuxi.getId(), year)).build();
        WordReport word = WordReport.of(ReportDraft.title(kind, "柳溪镇", year), "中共青禾县委宣传部", content,
                "中共柳溪镇委员会", ReportText.date(org.luoshi.TestClock.today()), year, List.of());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(GbDocumentWriter.write(word)))) {
            String text = new XWPFWordExtractor(doc).getText();
            // kept for reading: what each kind says over the demo records
            java.nio.file.Path samples = java.nio.file.Path.of("target", "report-samples");
            java.nio.file.Files.createDirectories(samples);
            java.nio.file.Files.writeString(samples.resolve(kind + ".txt"), text);
            return text;
        }
    }

    /** The demo's finished self-inspection of 柳溪镇, and a report written from it citing a recorded directive. */
    private String selfInspectionReport(SelfInspections.Record record) throws Exception {
        // the directive the checklist names, as the township recorded it (the demo records it)
        long directive = jdbc.sql("select r.id from ledger_record r join ledger_directive d on d.record_id = r.id "
                + "where r.unit_path like :p and d.doc_number = :number and r.deleted_at is null order by r.id limit 1")
                .param("p", liuxi.getPath() + "%").param("number", record.directiveRef()).query(Long.class).single();
        Report report = new Report(liuxi.getId(), ReportKind.SELF_INSPECTION, record.heldOn().getYear(), null, null, "t",
                "u", record.heldOn(), "test", java.time.Instant.now());
        report.writtenFrom(record.id(), directive);
        return docx(ReportKind.SELF_INSPECTION, record.heldOn().getYear(), sources.of(report, liuxi));
    }

    private SelfInspections.Record demoSelfInspection() {
        DataScope reader = DataScope.readOnly("test", liuxi);
        LocalDate today = org.luoshi.TestClock.today();
        List<SelfInspections.Record> found = new java.util.ArrayList<>(inspections.finished(reader, liuxi.getId(), today.getYear()));
        found.addAll(inspections.finished(reader, liuxi.getId(), today.getYear() - 1));
        // the demo's own (other tests may finish smaller ones of 柳溪镇): the one against the county's checklist
        return found.stream().filter(r -> r.checklistTitle().equals("意识形态工作责任制落实情况检查清单"))
                .max(java.util.Comparator.comparingInt(r -> r.items().size()))
                .orElseThrow(() -> new AssertionError("the demo's finished self-inspection"));
    }

    @Test
    void theSelfInspectionReportTellsEveryItemTheProblemsAndTheirRectification() throws Exception {
        SelfInspections.Record record = demoSelfInspection();
        String text = selfInspectionReport(record);

        // each checklist item with its conclusion and statement, from the inspection's own tables
        List<Map<String, Object>> answers = jdbc.sql("select c.title as title, a.result as result, a.statement as statement "
                + "from inspection_answer a join checklist_item c on c.id = a.item_id where a.inspection_id = :id")
                .param("id", record.id()).query().listOfRows();
        assertThat(answers).hasSize(record.items().size()).hasSizeGreaterThan(3);
        Map<String, String> conclusion = Map.of("MEETS", "符合", "PARTLY", "基本符合", "NOT_MET", "不符合");
        for (Map<String, Object> a : answers) {
            String title = ((String) a.get("title")).strip().replaceAll("[。；;]+$", "");
            assertThat(text).contains(title + "。自查结论：" + conclusion.get((String) a.get("result")) + "。");
            if (a.get("statement") != null && !((String) a.get("statement")).isBlank()) {
                assertThat(text).contains(((String) a.get("statement")).strip().replaceAll("[。；;]*$", ""));
            }
        }
        // the problems are the findings' statements, not the checklist norms with their numbers
        List<Map<String, Object>> findings = jdbc.sql("select f.detail as detail, f.deadline as deadline, p.title as post "
                + "from finding f join post p on p.id = f.owner_post_id where f.inspection_id = :id")
                .param("id", record.id()).query().listOfRows();
        assertThat(findings).isNotEmpty();
        for (Map<String, Object> f : findings) {
            String statement = ((String) f.get("detail")).strip().replaceAll("[。；;，,\\s]+$", "");
            assertThat(text).contains(statement + "。");
            LocalDate deadline = ((java.sql.Date) f.get("deadline")).toLocalDate();
            assertThat(text).contains("由" + f.get("post")).contains(ReportText.date(deadline) + "前完成");
        }
        assertThat(text).doesNotContain("检查发现的“").doesNotContainPattern("“\\d+ ");
        // the directive is cited from its record: issuer, title in 《》 and number in 〔〕
        assertThat(text).containsPattern("根据青禾县委宣传部《[^》]+》（青宣发〔\\d{4}〕\\d+号）要求");
        assertThat(text).contains("一、自查工作开展情况").contains("二、自查内容及结果").contains("三、存在的问题")
                .contains("四、整改措施");
        // how it was organised: when it began and was finished, and who led it, from the inspection's record
        Map<String, Object> held = jdbc.sql("select held_on, team from inspection where id = :id")
                .param("id", record.id()).query().singleRow();
        assertThat((String) held.get("team")).isNotBlank();
        LocalDate began = ((java.sql.Date) held.get("held_on")).toLocalDate();
        LocalDate finished = jdbc.sql("select finished_at from inspection where id = :id").param("id", record.id())
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).single()
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(text).contains((finished.equals(began) ? ReportText.date(began) : ReportText.date(began) + "至"
                + (finished.getYear() == began.getYear() ? ReportText.monthDay(finished) : ReportText.date(finished)))
                + "，镇党委组织开展自查，" + held.get("team") + "。");
    }

    @Test
    void theResponsibilityReportNamesWhoTopicsMeetingsAndUnsignedUnits() throws Exception {
        String text = docx(ReportKind.RESPONSIBILITY, YEAR, ReportDraft.Sources.of(null));
        Map<String, Object> params = Map.of("p", liuxi.getPath() + "%", "from", LocalDate.of(YEAR, 1, 1),
                "to", LocalDate.of(YEAR, 12, 31));
        List<String> topics = jdbc.sql("select d.topic from ledger_record r join ledger_study_session d on d.record_id = r.id "
                + "where d.sub_kind in ('CENTRAL_GROUP', 'SEMINAR') and r.deleted_at is null and r.unit_path like :p "
                + "and r.occurred_on between :from and :to").params(params).query(String.class).list();
        assertThat(topics).isNotEmpty();
        topics.forEach(topic -> assertThat(text).contains(topic.strip()));
        // indicators are told in words and units, never as raw ratios with many decimals
        assertThat(text).doesNotContainPattern("(目标|实际)\\d+\\.\\d{3,}").doesNotContain("目标 ");
        List<String> meetings = jdbc.sql("select d.topics from ledger_record r join ledger_meeting d on d.record_id = r.id "
                + "where d.sub_kind = 'THEMATIC' and r.deleted_at is null and r.unit_path like :p "
                + "and r.occurred_on between :from and :to").params(params).query(String.class).list();
        meetings.forEach(topics1 -> assertThat(text).contains(topics1.strip()));
        // letters: the township's own active villages and departments without a signed letter of the year
        List<String> unsigned = jdbc.sql("select u.name from org_unit u where u.parent_id = :t and u.active = true "
                + "and u.kind in ('VILLAGE', 'DEPARTMENT') and not exists (select 1 from responsibility_letter l "
                + "where l.counterpart_unit_id = u.id and l.letter_year = :y and l.signed_on is not null)")
                .param("t", liuxi.getId()).param("y", YEAR).query(String.class).list();
        if (unsigned.isEmpty()) {
            assertThat(text).contains("应签尽签");
        } else {
            unsigned.forEach(name -> assertThat(text).contains(name));
            assertThat(text).contains("尚未签订");
        }
        // directives passed on and the township's own rules and plans, named
        for (String kind : List.of("DIRECTIVE", "REGULATION")) {
            List<String> titles = jdbc.sql("select r.title from ledger_record r where r.kind = :k and r.deleted_at is null "
                    + "and r.unit_path like :p and r.occurred_on between :from and :to").params(params).param("k", kind)
                    .query(String.class).list();
            assertThat(titles).as(kind).isNotEmpty();
            titles.forEach(t -> assertThat(text).contains("《" + t.replaceAll("^《|》$", "") + "》"));
        }
        // attendance at the committee's thematic meetings, present over listed
        Map<String, Object> listed = jdbc.sql("select count(a.id) as listed, coalesce(sum(case when a.status = 'PRESENT' "
                + "then 1 else 0 end), 0) as present from study_attendance a join ledger_record r on r.id = a.record_id "
                + "join ledger_meeting d on d.record_id = r.id where d.sub_kind = 'THEMATIC' and r.deleted_at is null "
                + "and r.unit_path like :p and r.occurred_on between :from and :to").params(params).query().singleRow();
        long onList = ((Number) listed.get("listed")).longValue();
        assertThat(onList).as("the demo records attendance at thematic meetings").isPositive();
        {
            String rate = java.math.BigDecimal.valueOf(((Number) listed.get("present")).longValue() * 100L)
                    .divide(java.math.BigDecimal.valueOf(onList), 1, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
            assertThat(text).contains("班子成员出席率" + rate + "%");
        }
        // the township's own accounts and what they published
        List<Map<String, Object>> accounts = jdbc.sql("select d.account as account, sum(d.posts) as posts from ledger_record r "
                + "join ledger_new_media_output d on d.record_id = r.id where r.deleted_at is null and r.unit_path like :p "
                + "and r.occurred_on between :from and :to group by d.account").params(params).query().listOfRows();
        assertThat(accounts).isNotEmpty();
        accounts.forEach(a -> assertThat(text).contains(a.get("account") + "" + ((Number) a.get("posts")).longValue() + "条"));
        // venue usage over the checks of the year
        Long visitors = jdbc.sql("select sum(d.visitors) from ledger_record r join ledger_venue_check d on d.record_id = r.id "
                + "where r.deleted_at is null and r.unit_path like :p and r.occurred_on between :from and :to")
                .params(params).query(Long.class).single();
        assertThat(visitors).as("the demo records visitors").isNotNull();
        assertThat(text).contains("接待群众" + visitors + "人次");
        // the first responsible person by name, as the post's holder
        String secretary = jdbc.sql("select p.name from responsibility d join post_holding h on h.post_id = d.post_id "
                + "and h.end_date is null join person p on p.id = h.person_id where d.org_unit_id = :t and d.kind = 'PRIMARY'")
                .param("t", liuxi.getId()).query(String.class).single();
        assertThat(text).contains(secretary).contains("履行第一责任人职责");
    }

    @Test
    void theSummaryNamesActivitiesTeamsHonoursAndOutlets() throws Exception {
        String text = docx(ReportKind.PROPAGANDA_SUMMARY, YEAR, ReportDraft.Sources.of(null));
        Map<String, Object> params = Map.of("p", liuxi.getPath() + "%", "from", LocalDate.of(YEAR, 1, 1),
                "to", LocalDate.of(YEAR, 12, 31));
        String inYear = " and r.deleted_at is null and r.unit_path like :p and r.occurred_on between :from and :to";
        List<String> activities = jdbc.sql("select r.title from ledger_record r join ledger_activity d on d.record_id = r.id "
                + "where d.sub_kind not in ('ANTI_PORN', 'CULTURE_MARKET')" + inYear).params(params).query(String.class).list();
        List<String> honours = jdbc.sql("select r.title from ledger_record r where r.kind = 'AWARD'" + inYear)
                .params(params).query(String.class).list();
        List<String> outlets = jdbc.sql("select distinct d.outlet from ledger_record r join ledger_media_placement d "
                + "on d.record_id = r.id where d.state = 'PUBLISHED'" + inYear).params(params).query(String.class).list();
        List<String> teams = jdbc.sql("select r.title from ledger_record r where r.kind = 'VOLUNTEER_TEAM' "
                + "and r.deleted_at is null and r.unit_path like :p and r.occurred_on <= :to").params(params)
                .query(String.class).list();
        assertThat(activities).isNotEmpty();
        assertThat(outlets).isNotEmpty();
        for (List<String> named : List.of(activities, honours, outlets, teams)) {
            named.forEach(name -> assertThat(text).contains(name.strip()));
        }
        // 扫黄打非 and culture-market checks are not activities held
        String received = jdbc.sql("select count(*) from ledger_record r join ledger_award d on d.record_id = r.id "
                + "where d.direction = 'RECEIVED'" + inYear).params(params).query(Long.class).single().toString();
        assertThat(text).contains("获得上级表彰" + received + "项");
        List<String> cultureTeams = jdbc.sql("select r.title from ledger_record r where r.kind = 'CULTURE_TEAM' "
                + "and r.deleted_at is null and r.unit_path like :p and r.occurred_on <= :to").params(params)
                .query(String.class).list();
        cultureTeams.forEach(t -> assertThat(text).contains(t));
        // facts the summary must tell: trainings with 参训, 党报 pieces, registered volunteers, checks' 出动人次
        Long trained = jdbc.sql("select sum(d.trained_count) from ledger_record r join ledger_study_session d on d.record_id = r.id "
                + "where d.sub_kind = 'CADRE_STUDY'" + inYear).params(params).query(Long.class).single();
        assertThat(trained).as("the demo records 参训").isNotNull();
        assertThat(text).contains("参训" + trained + "人次");
        Long paper = jdbc.sql("select sum(d.article_count) from ledger_record r join ledger_media_placement d on d.record_id = r.id "
                + "where d.state = 'PUBLISHED' and d.party_paper = true" + inYear).params(params).query(Long.class).single();
        assertThat(paper).as("the demo records 党报 pieces").isNotNull();
        assertThat(text).contains("其中在党报刊发" + paper + "篇");
        Long registered = jdbc.sql("select sum(d.registered_volunteers) from ledger_record r join ledger_volunteer_team d "
                + "on d.record_id = r.id where r.deleted_at is null and r.unit_path like :p and r.occurred_on <= :to")
                .params(params).query(Long.class).single();
        assertThat(registered).as("the demo records registered volunteers").isNotNull();
        assertThat(text).contains("注册志愿者" + registered + "人");
        // 报送 is not 刊发
        long sent = jdbc.sql("select coalesce(sum(d.article_count), 0) from ledger_record r join ledger_media_placement d "
                + "on d.record_id = r.id where d.state in ('SUBMITTED', 'ADOPTED')" + inYear).params(params).query(Long.class).single();
        assertThat(sent).as("the demo records submitted pieces").isPositive();
        assertThat(text).contains("另向上级报送信息" + sent + "篇");
        List<String> antiPorn = jdbc.sql("select r.title from ledger_record r join ledger_activity d on d.record_id = r.id "
                + "where d.sub_kind in ('ANTI_PORN', 'CULTURE_MARKET')" + inYear).params(params).query(String.class).list();
        assertThat(antiPorn).as("the demo records checks").isNotEmpty();
        assertThat(text).contains("另开展“扫黄打非”及文化市场检查" + antiPorn.size() + "次");
        // 亮点: every record of the year tagged so, of whatever kind, named; a record tagged otherwise is not
        List<String> highlights = jdbc.sql("select r.title from ledger_record r where r.tags like '%,亮点,%'" + inYear)
                .params(params).query(String.class).list();
        assertThat(highlights).as("the demo marks highlights").isNotEmpty();
        String highlighted = text.substring(text.indexOf("亮点"));
        highlights.forEach(h -> assertThat(highlighted).contains(h.strip()));
    }

    @Test
    void theThreeKindsAreDifferentDocuments() throws Exception {
        Set<String> responsibility = sentences(docx(ReportKind.RESPONSIBILITY, YEAR, ReportDraft.Sources.of(null)));
        Set<String> summary = sentences(docx(ReportKind.PROPAGANDA_SUMMARY, YEAR, ReportDraft.Sources.of(null)));
        Set<String> self = sentences(selfInspectionReport(demoSelfInspection()));
        assertThat(shared(responsibility, summary)).isLessThan(0.3);
        assertThat(shared(responsibility, self)).isLessThan(0.3);
        assertThat(shared(summary, self)).isLessThan(0.3);
    }

    @Test
    void aSelfInspectionReportWithoutARecordedSelfInspectionIsRefusedBesideTheField() throws Exception {
        String page = mvc.perform(post("/report").with(TestUsers.as(users, "officer")).with(csrf())
                        .param("kind", "SELF_INSPECTION").param("year", String.valueOf(YEAR))
                        .param("townshipId", liuxi.getId().toString()).param("addressee", "县委宣传部"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("自查报告须选择一次已完成的自查").contains("自查报告须选择所依据的上级文件")
                .contains("value=\"县委宣传部\"");
        // the form offers what was recorded: the finished self-inspection and the directives
        String form = mvc.perform(get("/report/new").with(TestUsers.as(users, "officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("对照《").contains("青禾县委宣传部《");
        // the newest self-inspection is proposed (whichever it is: other tests may have finished one since)
        assertThat(form).containsPattern("<option value=\"\\d+\" selected=\"selected\">[^<]*对照《");
        assertThat(form).contains("青禾县委宣传部《关于开展意识形态工作责任制落实情况自查的通知》");
    }

    private static Set<String> sentences(String text) {
        Set<String> all = new HashSet<>();
        Arrays.stream(text.split("[。：；\\n]")).map(String::strip).filter(s -> s.length() > 6).forEach(all::add);
        return all;
    }

    private static double shared(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / Math.min(a.size(), b.size());
    }
}
