package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maintained rollups against the raw ledger: random creates, edits (unit, date, sub-kind, sums,
 * attendance), deletes, restores, imports and a village moved to another township, from a seeded
 * {@link Random}; after each round the rollups of the two townships equal the records added up here
 * in Java from their rows, and a rebuild changes nothing. Runs on H2 and PostgreSQL.
 */
@LuoshiTest
class LedgerRollupsTest {

    @Autowired LedgerService ledger;
    @Autowired LedgerRollups rollups;
    @Autowired LedgerStatistics statistics;
    @Autowired OrgUnitService units;
    @Autowired PersonService people;
    @Autowired JdbcClient jdbc;

    DataScope system;
    final List<OrgUnit> unitsUsed = new ArrayList<>();
    final List<Long> persons = new ArrayList<>();
    final Map<Long, String> live = new HashMap<>();
    final Map<Long, String> deleted = new HashMap<>();
    int titles;
    OrgUnit first;
    OrgUnit second;

    @Test
    void rollupsEqualTheRawLedgerAfterRandomWrites() {
        system = units.systemScope("rollup-test");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long root = units.root().orElseThrow().getId();
        first = units.create(system, new OrgUnitCommand(root, OrgUnitKind.TOWNSHIP, "汇总甲镇" + tag, null, null, 90));
        second = units.create(system, new OrgUnitCommand(root, OrgUnitKind.TOWNSHIP, "汇总乙镇" + tag, null, null, 91));
        unitsUsed.add(first);
        unitsUsed.add(second);
        for (int i = 0; i < 3; i++) {
            unitsUsed.add(units.create(system, new OrgUnitCommand(i < 2 ? first.getId() : second.getId(), OrgUnitKind.VILLAGE,
                    "汇总村" + i + tag, null, 500, i)));
        }
        for (int i = 0; i < 4; i++) {
            persons.add(people.create(system, first.getId(), "干部" + i + tag, null, null, null).getId());
        }
        Random random = new Random(20261204L);
        for (int round = 0; round < 6; round++) {
            for (int step = 0; step < 25; step++) {
                step(random);
            }
            if (round == 2) {
                // a village changes township: its records and their rollups now lie under the other one
                units.move(system, unitsUsed.get(3).getId(), second.getId());
            }
            assertThat(maintained()).as("round %d", round).isEqualTo(raw());
        }
        assertThat(live).hasSizeGreaterThan(20);
        assertThat(deleted).isNotEmpty();
        Map<String, BigDecimal> before = maintained();
        rollups.rebuild("test");
        assertThat(maintained()).isEqualTo(before);
        assertThat(rollups.rebuilt()).isPresent();
    }

    private void step(Random random) {
        int roll = random.nextInt(100);
        if (roll < 40 || live.isEmpty()) {
            String kind = kind(random);
            long id = ledger.create(system, kind, command(kind, random)).id();
            live.put(id, kind);
        } else if (roll < 60) {
            long id = pick(live, random);
            ledger.update(system, id, command(live.get(id), random), "更正", null);
        } else if (roll < 72) {
            long id = pick(live, random);
            ledger.delete(system, id, "录错");
            deleted.put(id, live.remove(id));
        } else if (roll < 80 && !deleted.isEmpty()) {
            long id = pick(deleted, random);
            ledger.restore(system, id, "恢复");
            live.put(id, deleted.remove(id));
        } else {
            // an import: some new rows and, sometimes, one already present (skipped by its natural key)
            String kind = kind(random);
            List<RecordCommand> rows = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(5); i++) {
                rows.add(command(kind, random));
            }
            live.entrySet().stream().filter(e -> e.getValue().equals(kind)).findFirst()
                    .map(e -> ledger.get(system, e.getKey()))
                    .ifPresent(r -> rows.add(new RecordCommand(r.unitId(), r.occurredOn(), null, r.title(), null, List.of(),
                            r.fields(), r.attendance())));
            int skipped = ledger.createMissing(system, kind, rows);
            jdbc.sql("select id from ledger_record where kind = :kind and title in (:titles) and deleted_at is null")
                    .param("kind", kind).param("titles", rows.stream().map(RecordCommand::title).toList())
                    .query(Long.class).list().forEach(id -> live.put(id, kind));
            assertThat(skipped).isLessThanOrEqualTo(1);
        }
    }

    private static long pick(Map<Long, String> ids, Random random) {
        List<Long> sorted = new ArrayList<>(new TreeMap<>(ids).keySet());
        return sorted.get(random.nextInt(sorted.size()));
    }

    private static String kind(Random random) {
        return List.of("STUDY_SESSION", "MEDIA_PLACEMENT", "OUTREACH", "MEETING").get(random.nextInt(4));
    }

    private RecordCommand command(String kind, Random random) {
        OrgUnit unit = unitsUsed.get(random.nextInt(unitsUsed.size()));
        Map<String, Object> fields = new HashMap<>();
        // people belong to the first township: a study session with attendance is entered there
        long unitId = kind.equals("STUDY_SESSION") ? first.getId() : unit.getId();
        if (kind.equals("OUTREACH")) {
            // a township's 宣讲 in one of its own villages (paths read afresh: a village may have moved)
            OrgUnit township = units.getUnchecked(random.nextBoolean() ? first.getId() : second.getId());
            List<OrgUnit> own = unitsUsed.subList(2, 5).stream().map(v -> units.getUnchecked(v.getId()))
                    .filter(v -> v.getPath().startsWith(township.getPath())).toList();
            unitId = township.getId();
            fields.put("village", own.get(random.nextInt(own.size())).getId());
        }
        LocalDate on = LocalDate.of(2023 + random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String title = "汇总测试" + (titles++);
        List<AttendanceEntry> attendance = new ArrayList<>();
        switch (kind) {
            case "STUDY_SESSION" -> {
                fields.put("subKind", random.nextBoolean() ? "CENTRAL_GROUP" : "SEMINAR");
                fields.put("topic", "学习");
                int eligible = random.nextInt(40);
                fields.put(LedgerTerms.ELIGIBLE_COUNT, eligible);
                fields.put(LedgerTerms.TRAINED_COUNT, eligible == 0 ? 0 : random.nextInt(eligible));
                for (long person : persons) {
                    if (random.nextInt(4) > 0) {
                        attendance.add(new AttendanceEntry(person, random.nextInt(5) == 0 ? AttendanceEntry.ABSENT
                                : AttendanceEntry.PRESENT, null, random.nextBoolean(), false));
                    }
                }
            }
            case "MEDIA_PLACEMENT" -> {
                fields.put("outlet", "县融媒体中心");
                fields.put("level", "COUNTY");
                fields.put("medium", "NEW_MEDIA");
                fields.put("articleCount", 1 + random.nextInt(3));
                fields.put(LedgerTerms.STATE, LedgerTerms.SUBMITTED);
            }
            case "OUTREACH" -> {
                fields.put("lecturers", "宣讲团");
                fields.put("audience", 10 + random.nextInt(100));
            }
            default -> {
                fields.put("subKind", random.nextBoolean() ? "THEMATIC" : "ANALYSIS");
                fields.put("topics", "研究部署");
            }
        }
        return new RecordCommand(unitId, on, null, title, null, List.of(), fields, attendance);
    }

    private String under(String alias) {
        return "(" + alias + "unit_path like '" + first.getPath() + "%' or " + alias + "unit_path like '" + second.getPath() + "%')";
    }

    /** The rollup rows of the two townships' subtrees, keyed by unit, kind, sub-kind, month and measure. */
    private Map<String, BigDecimal> maintained() {
        Map<String, BigDecimal> rows = new TreeMap<>();
        jdbc.sql("select org_unit_id, unit_path, kind, sub_kind, month_key, measure, total from ledger_rollup where " + under(""))
                .query(rs -> {
                    rows.put(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                            + rs.getInt(5) + " " + rs.getString(6), rs.getBigDecimal(7).stripTrailingZeros());
                });
        return rows;
    }

    /** The same added up here from the live records' own rows. */
    private Map<String, BigDecimal> raw() {
        Map<String, BigDecimal> rows = new TreeMap<>();
        for (String code : List.of("STUDY_SESSION", "MEDIA_PLACEMENT", "OUTREACH", "MEETING")) {
            RecordKind kind = LedgerKind.valueOf(code).definition();
            List<FieldDef> numeric = kind.fields().stream()
                    .filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL).toList();
            String sub = kind.subKind().map(f -> "d." + f.column()).orElse("''");
            StringBuilder select = new StringBuilder("select r.id, r.org_unit_id, r.unit_path, r.occurred_on, " + sub);
            numeric.forEach(f -> select.append(", d.").append(f.column()));
            Map<Long, String> keys = new HashMap<>();
            jdbc.sql(select + " from ledger_record r join " + kind.table() + " d on d.record_id = r.id "
                            + "where r.deleted_at is null and r.kind = :kind and " + under("r."))
                    .param("kind", code)
                    .query(rs -> {
                        LocalDate on = rs.getObject(4, LocalDate.class);
                        String subKind = rs.getString(5) == null ? "" : rs.getString(5);
                        String key = rs.getLong(2) + " " + rs.getString(3) + " " + code + " " + subKind + " "
                                + (on.getYear() * 100 + on.getMonthValue()) + " ";
                        keys.put(rs.getLong(1), key);
                        add(rows, key + LedgerRollups.RECORDS, BigDecimal.ONE);
                        for (int i = 0; i < numeric.size(); i++) {
                            BigDecimal value = rs.getBigDecimal(6 + i);
                            if (value != null) {
                                add(rows, key + numeric.get(i).name(), value);
                            }
                        }
                    });
            if (kind.hasAttendance() && !keys.isEmpty()) {
                jdbc.sql("select record_id, status, spoke from study_attendance where record_id in (:ids)")
                        .param("ids", List.copyOf(keys.keySet()))
                        .query(rs -> {
                            String key = keys.get(rs.getLong(1));
                            add(rows, key + LedgerRollups.LISTED, BigDecimal.ONE);
                            add(rows, key + LedgerRollups.PRESENT,
                                    AttendanceEntry.PRESENT.equals(rs.getString(2)) ? BigDecimal.ONE : BigDecimal.ZERO);
                            add(rows, key + LedgerRollups.SPOKE, rs.getBoolean(3) ? BigDecimal.ONE : BigDecimal.ZERO);
                        });
            }
        }
        rows.values().removeIf(v -> v.signum() == 0);
        rows.replaceAll((k, v) -> v.stripTrailingZeros());
        return rows;
    }

    private static void add(Map<String, BigDecimal> rows, String key, BigDecimal value) {
        rows.merge(key, value, BigDecimal::add);
    }
}
