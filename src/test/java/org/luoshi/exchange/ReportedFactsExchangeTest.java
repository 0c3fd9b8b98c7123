package org.luoshi.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.LedgerTerms;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The Excel template, export and import pick up the new facts from the kind definitions: a record with
 * them goes out to a sheet and comes back into another village with every field equal.
 */
@LuoshiTest
class ReportedFactsExchangeTest {

    static final LocalDate TODAY = TestClock.today();

    @Autowired ExchangeService exchange;
    @Autowired ExchangeColumns columns;
    @Autowired LedgerService ledger;
    @Autowired RecordKinds kinds;
    @Autowired OrgUnitService units;
    @Autowired UserDetailsService users;

    DataScope officer;
    OrgUnit from;
    OrgUnit to;

    @BeforeEach
    void setUp() {
        officer = ((SignedInUser) users.loadUserByUsername("officer")).scope();
        from = village();
        to = village();
    }

    OrgUnit village() {
        OrgUnit township = units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(u -> u.getName().equals("柳溪镇")).findFirst().orElseThrow();
        return units.create(units.systemScope("test"), new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE,
                "事实村" + UUID.randomUUID().toString().substring(0, 8), null, null, 99));
    }

    LedgerRecord create(String kind, LocalDate on, LocalDate until, String title, Map<String, Object> fields) {
        return ledger.create(officer, kind, new RecordCommand(from.getId(), on, until, title, null, List.of("事实"), fields, List.of()));
    }

    List<List<String>> export(OrgUnit unit, RecordKind kind) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.export(officer, kind, new RecordFilter(kind.code(), unit.getId(), null, null, null, null, false), out);
        return Xlsx.read(out.toByteArray(), null);
    }

    List<LedgerRecord> records(OrgUnit unit, String kind) {
        return ledger.list(officer, new RecordFilter(kind, unit.getId(), null, null, null, null, false), null, 100).records();
    }

    @Test
    void recordsWithTheNewFactsRoundTripThroughASheet() throws Exception {
        LocalDate month = TODAY.minusMonths(1).withDayOfMonth(1);
        long venue = create("VENUE", TODAY.minusYears(1), null, "综合文化站", Map.of("subKind", "CULTURE_STATION")).id();
        Map<String, LedgerRecord> made = new LinkedHashMap<>();
        made.put("MEDIA_PLACEMENT", create("MEDIA_PLACEMENT", TODAY.minusDays(3), null, "录用的稿件", Map.of("outlet", "省报",
                "level", "PROVINCIAL", "medium", "PRINT", "articleCount", 1, "state", "ADOPTED", "partyPaper", true)));
        made.put("NEW_MEDIA_OUTPUT", create("NEW_MEDIA_OUTPUT", month, month.plusMonths(1).minusDays(1), "上月视频号",
                Map.of("account", "柳溪发布", "platform", "VIDEO_CHANNEL", "posts", 9)));
        made.put("STUDY_SESSION", create("STUDY_SESSION", TODAY.minusDays(6), TODAY.minusDays(5), "两天轮训",
                Map.of("subKind", "CADRE_STUDY", "topic", "网络意识形态", "eligibleCount", 40, "trainedCount", 38)));
        made.put("AWARD", create("AWARD", TODAY.minusDays(4), null, "星级文明户", Map.of("subKind", "STAR_FAMILY", "level", "TOWNSHIP",
                "direction", "GIVEN", "awardeeName", "某某户")));
        made.put("ACTIVITY", create("ACTIVITY", TODAY.minusDays(4), null, "文化市场检查", Map.of("subKind", "CULTURE_MARKET",
                "establishmentsChecked", 5, "inspectorTimes", 7)));
        made.put("VOLUNTEER_TEAM", create("VOLUNTEER_TEAM", TODAY.minusDays(30), null, "巾帼志愿服务队", Map.of("members", 20,
                "registeredVolunteers", 33)));
        made.put("VENUE_CHECK", create("VENUE_CHECK", TODAY.minusDays(2), null, "季度使用情况", Map.of("venue", venue, "state", "GOOD",
                "visitors", 300, "groupsReceived", 4, "bookings", 11)));
        made.put("DIRECTIVE", create("DIRECTIVE", TODAY.minusDays(2), null, "全市电视电话会议精神", Map.of("issuer", "市委宣传部")));
        made.put("MEETING", create("MEETING", TODAY.minusDays(2), null, "党委会", Map.of("subKind", "THEMATIC", "topics", "研究")));

        Map<String, List<String>> shown = Map.of("MEDIA_PLACEMENT", List.of("录用", "是"), "NEW_MEDIA_OUTPUT", List.of("视频号", "9"),
                "STUDY_SESSION", List.of("40", "38"), "AWARD", List.of("本级评选表彰"), "ACTIVITY", List.of("文化市场检查", "7"),
                "VOLUNTEER_TEAM", List.of("33"), "VENUE_CHECK", List.of("4", "11"));
        for (LedgerRecord original : made.values()) {
            RecordKind kind = kinds.get(original.kind());
            List<List<String>> rows = export(from, kind);
            List<String> headers = rows.get(0);
            assertThat(rows).as(kind.code()).hasSize(2);
            assertThat(rows.get(1)).as(kind.code()).containsAll(shown.getOrDefault(kind.code(), List.of()));
            for (var field : kind.fields()) {
                assertThat(headers).as(kind.code()).anyMatch(h -> h.startsWith(columns.zh(field.labelKey())));
            }
            List<Object> row = new ArrayList<>(rows.get(1));
            row.set(0, to.getName());
            ExchangeService.Preview preview = exchange.preview(officer, kind, Xlsx.stream(Xlsx.write(headers, List.of(row))));
            assertThat(preview.errorRows()).as(kind.code()).isEmpty();
            assertThat(preview.toAdd()).as(kind.code()).isEqualTo(1);
            exchange.commit(officer, preview.id());
            LedgerRecord copy = records(to, kind.code()).get(0);
            assertThat(copy.occurredOn()).as(kind.code()).isEqualTo(original.occurredOn());
            assertThat(copy.occurredUntil()).as(kind.code()).isEqualTo(original.occurredUntil());
            assertThat(copy.fields()).as(kind.code()).isEqualTo(original.fields());
        }
    }

    @Test
    void theTemplateOffersTheStatesAndSaysWhatAnEmptyStateMeans() throws Exception {
        RecordKind media = kinds.get("MEDIA_PLACEMENT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.template(officer, media, out);
        byte[] template = out.toByteArray();
        assertThat(Xlsx.read(template, ExchangeService.DATA_SHEET).get(0)).contains("稿件状态", "党报");
        List<List<String>> options = Xlsx.read(template, columns.zh("exchange.sheet.options"));
        int state = options.get(0).indexOf("稿件状态");
        assertThat(options.stream().skip(1).map(r -> state < r.size() ? r.get(state) : "").filter(s -> !s.isEmpty()).toList())
                .containsExactly("报送", "录用", "刊发");
        List<List<String>> help = Xlsx.read(template, columns.zh("exchange.sheet.help"));
        assertThat(help).anySatisfy(r -> assertThat(r).containsExactly("稿件状态", "必填。 从下拉列表选择： 报送、录用、刊发 留空时为“刊发”。"));

        ByteArrayOutputStream award = new ByteArrayOutputStream();
        exchange.template(officer, kinds.get("AWARD"), award);
        assertThat(Xlsx.read(award.toByteArray(), ExchangeService.DATA_SHEET).get(0)).contains("表彰来源");
        ByteArrayOutputStream activity = new ByteArrayOutputStream();
        exchange.template(officer, kinds.get("ACTIVITY"), activity);
        assertThat(Xlsx.read(activity.toByteArray(), columns.zh("exchange.sheet.options")).stream().flatMap(List::stream))
                .contains("文化市场检查");
    }

    @Test
    void aSheetMadeBeforeTheStateExistedImportsAsPublishedButAnAwardNeedsItsDirection() throws Exception {
        RecordKind media = kinds.get("MEDIA_PLACEMENT");
        List<String> headers = columns.of(media).stream().map(ExchangeColumns.Column::header)
                .filter(h -> !h.equals("稿件状态") && !h.equals("党报")).toList();
        Map<String, Object> byHeader = new HashMap<>(Map.of("单位", to.getName(), "日期", TODAY.minusDays(1).toString(), "标题", "旧模板的稿件",
                "刊发媒体", "县融媒体中心", "媒体级别", "县级", "媒体类型", "新媒体"));
        ExchangeService.Preview preview = exchange.preview(officer, media, Xlsx.stream(Xlsx.write(headers,
                List.of(headers.stream().map(byHeader::get).toList()))));
        assertThat(preview.errorRows()).isEmpty();
        exchange.commit(officer, preview.id());
        assertThat(records(to, "MEDIA_PLACEMENT")).singleElement()
                .satisfies(r -> assertThat(r.field(LedgerTerms.STATE)).isEqualTo(LedgerTerms.PUBLISHED));

        RecordKind award = kinds.get("AWARD");
        List<String> awardHeaders = columns.of(award).stream().map(ExchangeColumns.Column::header).filter(h -> !h.equals("表彰来源")).toList();
        assertThatThrownBy(() -> exchange.preview(officer, award, Xlsx.stream(Xlsx.write(awardHeaders, List.of()))))
                .isInstanceOf(ExchangeFileException.class).extracting("messageKey").isEqualTo("exchange.file.missingColumns");
    }

    @Test
    void aRowWithMoreTrainedThanEligibleIsRefusedWithTheReasonBesideTheColumn() throws Exception {
        RecordKind study = kinds.get("STUDY_SESSION");
        List<String> headers = columns.of(study).stream().map(ExchangeColumns.Column::header).toList();
        Map<String, Object> byHeader = new HashMap<>(Map.of("单位", to.getName(), "日期", TODAY.minusDays(3).toString(),
                "结束日期", TODAY.minusDays(2).toString(), "标题", "两天培训", "学习形式", "干部学习", "学习主题", "专题培训",
                "应训人数", 30, "参训人数", 35));
        ExchangeService.Preview preview = exchange.preview(officer, study, Xlsx.stream(Xlsx.write(headers,
                List.of(headers.stream().map(byHeader::get).toList()))));
        assertThat(preview.errorRows()).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("参训人数：不能大于30（应训人数）。"));
        exchange.discard(preview.id());
    }
}
