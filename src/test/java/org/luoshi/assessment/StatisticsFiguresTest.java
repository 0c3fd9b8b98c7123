package org.luoshi.assessment;

import org.luoshi.ledger.Coverage;
import org.luoshi.ledger.LedgerKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.ledger.AttendanceEntry;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger adapter against real records (H2 and PostgreSQL): the common contract, and each
 * figure compared with what the test computes itself from the records it entered. Every test works
 * in two townships of its own, so that other tests' records never count.
 */
@LuoshiTest
class StatisticsFiguresTest extends LedgerFiguresContract {

    @Autowired
    StatisticsFigures tables;

    @Autowired
    LedgerService ledger;

    @Autowired
    OrgUnitService units;

    @Autowired
    PersonService people;

    @Autowired
    JdbcClient jdbc;

    OrgUnit township;
    OrgUnit other;
    final Map<String, Long> unitIds = new HashMap<>();

    @BeforeEach
    void townships() {
        township = unit(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP, "测试镇", null);
        other = unit(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP, "他镇", null);
    }

    OrgUnit unit(long parent, OrgUnitKind kind, String name, Integer population) {
        OrgUnit unit = units.create(system(), new OrgUnitCommand(parent, kind,
                name + UUID.randomUUID().toString().substring(0, 8), null, population, 90));
        unitIds.put(unit.getPath(), unit.getId());
        return unit;
    }

    DataScope system() {
        return units.systemScope("test");
    }

    @Override
    LedgerFigures figures() {
        return tables;
    }

    @Override
    String township() {
        return township.getPath();
    }

    @Override
    String otherTownship() {
        return other.getPath();
    }

    @Override
    long record(String unitPath, LedgerKind kind, String subKind, LocalDate on, LocalDate until) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("subKind", subKind);
        fields.put(kind == LedgerKind.MEETING ? "topics" : "topic", "研究意识形态工作");
        long id = ledger.create(system(), kind.name(), new RecordCommand(unitIds.get(unitPath), on, null, "记录", null,
                List.of(), fields, List.of())).id();
        if (until != null) {
            // meetings take no range in the ledger's forms; the rule must hold for kinds that do
            jdbc.sql("update ledger_record set occurred_until = :until where id = :id").param("until", until)
                    .param("id", id).update();
        }
        return id;
    }

    @Override
    void delete(long id) {
        ledger.delete(system(), id, "录入错误");
    }

    long media(long unitId, LocalDate on, String level, int articles, List<String> tags) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("outlet", "青禾日报");
        fields.put("level", level);
        fields.put("medium", "PRINT");
        fields.put("articleCount", articles);
        // titles differ: a record of the same unit, date and title would be the same record
        return ledger.create(system(), "MEDIA_PLACEMENT", new RecordCommand(unitId, on, null, "稿件" + level + articles, null, tags, fields,
                List.of())).id();
    }

    @Test
    void sumsOfArticlesFollowLevelAndTagFilters() {
        long t = township.getId();
        int expected = 0;
        int expectedTagged = 0;
        int[][] entries = {{1, 3}, {2, 2}, {3, 5}, {1, 1}};
        String[] levels = {"PROVINCIAL", "NATIONAL", "COUNTY", "PROVINCIAL"};
        for (int i = 0; i < entries.length; i++) {
            boolean tagged = i % 2 == 0;
            media(t, LocalDate.of(2026, entries[i][0], 10), levels[i], entries[i][1],
                    tagged ? List.of("乡村振兴") : List.of());
            if (!levels[i].equals("COUNTY")) {
                expected += entries[i][1];
                if (tagged) {
                    expectedTagged += entries[i][1];
                }
            }
        }
        long deleted = media(t, LocalDate.of(2026, 2, 1), "NATIONAL", 7, List.of());
        ledger.delete(system(), deleted, "重复");
        media(other.getId(), LocalDate.of(2026, 2, 1), "NATIONAL", 9, List.of());
        media(t, LocalDate.of(2025, 12, 31), "NATIONAL", 4, List.of());

        RecordFilter level = RecordFilter.fieldIn("level", "NATIONAL", "PROVINCIAL");
        RecordQuery year = new RecordQuery(township(), LedgerKind.MEDIA_PLACEMENT, List.of(level),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(tables.sum(year, "articleCount")).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(tables.count(year)).isEqualTo(3);
        RecordQuery tagged = new RecordQuery(township(), LedgerKind.MEDIA_PLACEMENT,
                List.of(level, RecordFilter.tag("乡村振兴", "不存在")), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(tables.sum(tagged, "articleCount")).isEqualByComparingTo(BigDecimal.valueOf(expectedTagged));
        // a field the kind does not have matches nothing, and a non-numeric field sums to zero
        RecordQuery bogus = new RecordQuery(township(), LedgerKind.MEDIA_PLACEMENT,
                List.of(RecordFilter.fieldIn("colour", "RED")), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(tables.count(bogus)).isZero();
        assertThat(tables.sum(year, "outlet")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void attendanceIsPresentOverListedOfTheMatchingSessions() {
        long t = township.getId();
        List<Long> persons = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            persons.add(people.create(system(), t, "学员" + i, null, null, null).getId());
        }
        String[][] sessions = {{"PRESENT", "PRESENT", "ABSENT", "PRESENT"}, {"PRESENT", "LEAVE", "PRESENT", "PRESENT"}};
        long present = 0;
        long listed = 0;
        for (int s = 0; s < sessions.length; s++) {
            List<AttendanceEntry> rows = new ArrayList<>();
            for (int p = 0; p < persons.size(); p++) {
                String status = sessions[s][p];
                rows.add(new AttendanceEntry(persons.get(p), status, status.equals("LEAVE") ? "公务" : null, false, false));
                listed++;
                present += status.equals("PRESENT") ? 1 : 0;
            }
            ledger.create(system(), "STUDY_SESSION", new RecordCommand(t, LocalDate.of(2026, 5, 10 + s), null, "中心组学习",
                    null, List.of(), Map.of("subKind", "CENTRAL_GROUP", "topic", "学习"), rows));
        }
        // a seminar's attendance does not count for the central group
        ledger.create(system(), "STUDY_SESSION", new RecordCommand(t, LocalDate.of(2026, 5, 20), null, "研讨", null,
                List.of(), Map.of("subKind", "SEMINAR", "topic", "研讨"),
                List.of(new AttendanceEntry(persons.get(0), "ABSENT", null, false, false))));
        Ratio ratio = tables.rate(RateMetric.STUDY_ATTENDANCE, query(LedgerKind.STUDY_SESSION, "CENTRAL_GROUP",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ratio.numerator()).isEqualByComparingTo(BigDecimal.valueOf(present));
        assertThat(ratio.denominator()).isEqualByComparingTo(BigDecimal.valueOf(listed));
    }

    @Test
    void coverageCountsVillagesWithARecordInThemOrNamedByOne() {
        long t = township.getId();
        OrgUnit a = unit(t, OrgUnitKind.VILLAGE, "甲村", null);
        OrgUnit b = unit(t, OrgUnitKind.VILLAGE, "乙村", null);
        unit(t, OrgUnitKind.VILLAGE, "丙村", null);
        OrgUnit closed = unit(t, OrgUnitKind.VILLAGE, "撤并村", null);
        units.setActive(system(), closed.getId(), false);
        ledger.create(system(), "OUTREACH", new RecordCommand(a.getId(), LocalDate.of(2026, 6, 1), null, "宣讲", null,
                List.of(), Map.of("lecturers", "宣讲团"), List.of()));
        ledger.create(system(), "OUTREACH", new RecordCommand(t, LocalDate.of(2026, 6, 2), null, "宣讲", null,
                List.of(), Map.of("lecturers", "宣讲团", "village", b.getId()), List.of()));
        Coverage coverage = tables.distinctUnits(query(LedgerKind.OUTREACH, null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        assertThat(coverage).isEqualTo(new Coverage(2, 3));
        assertThat(tables.distinctUnits(query(LedgerKind.OUTREACH, null, LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 12, 31)))).isEqualTo(new Coverage(0, 3));
    }

    @Test
    void lettersSignedAreTheSignedLettersOfTheYearOverActiveVillagesAndDepartments() {
        long t = township.getId();
        OrgUnit signed = unit(t, OrgUnitKind.VILLAGE, "签村", null);
        OrgUnit unsigned = unit(t, OrgUnitKind.VILLAGE, "未签村", null);
        OrgUnit lastYear = unit(t, OrgUnitKind.DEPARTMENT, "站所", null);
        unit(t, OrgUnitKind.DEPARTMENT, "无书站所", null);
        letter(t, signed.getId(), 2026, LocalDate.of(2026, 2, 1));
        letter(t, unsigned.getId(), 2026, null);
        letter(t, lastYear.getId(), 2025, LocalDate.of(2025, 2, 1));
        Ratio ratio = tables.rate(RateMetric.LETTERS_SIGNED, new RecordQuery(township(), null, List.of(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ratio).isEqualTo(new Ratio(BigDecimal.ONE, BigDecimal.valueOf(4)));
    }

    void letter(long township, long counterpart, int year, LocalDate signedOn) {
        jdbc.sql("insert into responsibility_letter (org_unit_id, counterpart_unit_id, letter_year, signed_on, created_at, "
                        + "updated_at, version) values (:u, :c, :y, :s, :now, :now, 0)")
                .param("u", township).param("c", counterpart).param("y", year).param("s", signedOn)
                .param("now", java.sql.Timestamp.from(org.luoshi.TestClock.now())).update();
    }

    @Test
    void opinionOnTimeIsOverClosedCasesOnly() {
        long t = township.getId();
        Boolean[] onTime = {true, true, false, null};
        int n = 0;
        for (Boolean b : onTime) {
            Map<String, Object> fields = new HashMap<>(Map.of("channel", "网络", "category", "民生", "level", "GENERAL"));
            if (b != null) {
                fields.put("closedOn", LocalDate.of(2026, 3, 20));
                fields.put("onTime", b);
            }
            ledger.create(system(), "OPINION_CASE", new RecordCommand(t, LocalDate.of(2026, 3, 10), null, "舆情" + ++n, null,
                    List.of(), fields, List.of()));
        }
        Ratio ratio = tables.rate(RateMetric.OPINION_ON_TIME, query(LedgerKind.OPINION_CASE, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ratio).isEqualTo(new Ratio(BigDecimal.valueOf(2), BigDecimal.valueOf(3)));
    }

    @Test
    void volunteerHoursAreOverTheRegisteredPopulation() {
        OrgUnit withPopulation = unit(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP, "人口镇", 25000);
        Ratio ratio = tables.rate(RateMetric.VOLUNTEER_HOURS_PER_RESIDENT, new RecordQuery(withPopulation.getPath(),
                LedgerKind.VOLUNTEER_SERVICE, List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ratio.denominator()).isEqualByComparingTo("25000");
        assertThat(ratio.numerator()).isEqualByComparingTo("0");
        // without a population of its own, the township's villages add up
        unit(township.getId(), OrgUnitKind.VILLAGE, "一村", 1200);
        unit(township.getId(), OrgUnitKind.VILLAGE, "二村", 800);
        assertThat(tables.rate(RateMetric.VOLUNTEER_HOURS_PER_RESIDENT, query(LedgerKind.VOLUNTEER_SERVICE, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).denominator()).isEqualByComparingTo("2000");
    }

    @Test
    void kindsTheLedgerDoesNotHaveYetCountNothingAndNeverFail() {
        for (LedgerKind kind : LedgerKind.values()) {
            RecordQuery q = query(kind, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
            assertThat(tables.count(q)).isZero();
            assertThat(tables.recordIds(q, 10)).isEmpty();
            for (String field : kind.numericFields()) {
                assertThat(tables.sum(q, field)).isEqualByComparingTo(BigDecimal.ZERO);
            }
            assertThat(tables.distinctUnits(q).covered()).isZero();
        }
    }
}
