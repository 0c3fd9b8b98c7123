package org.luoshi.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.luoshi.org.OrgUnitService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one statistics API over the work ledger: counts, sums, attendance, villages reached, tallies
 * grouped by fields or by month, and the records behind each figure. Assessment, reports, charts,
 * inspection prefill and exports all ask it; no other module names a ledger table. Each figure is
 * one aggregate query; the batch forms answer many units and periods of one selection with one
 * grouped query, which is what an evaluation (twelve months) and a county (every township) need.
 *
 * <p>Selections carry a unit path the caller has already read in its scope; see {@link Selection}.
 */
@Service
@Transactional(readOnly = true)
public class LedgerStatistics {

    /** A grouping "field" for {@link #tally} and {@link #attendanceBy}: the month (1–12) of the record's date. */
    public static final String MONTH = "@month";

    private final JdbcClient jdbc;
    private final OrgUnitService units;

    LedgerStatistics(JdbcClient jdbc, OrgUnitService units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** One record behind a figure: enough to list it and link to it. */
    public record RecordLine(long id, LocalDate occurredOn, String title, String unitName) {
    }

    public long count(Selection s) {
        if (rollable(s)) {
            return rolledUp(s, LedgerRollups.RECORDS).longValue();
        }
        return where(s).map(q -> jdbc.sql("select count(*) " + q.from()).params(q.params()).query(Long.class).single())
                .orElse(0L);
    }

    /** The sum of a numeric field (e.g. {@link LedgerTerms#HOURS}); zero when nothing matches or the field is not numeric. */
    public BigDecimal sum(Selection s, String field) {
        Optional<Sql> sql = where(s);
        Optional<FieldDef> numeric = numeric(s, field);
        if (sql.isEmpty() || numeric.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (rollable(s)) {
            return rolledUp(s, numeric.get().name());
        }
        return jdbc.sql("select coalesce(sum(d." + numeric.get().column() + "), 0) " + sql.get().from())
                .params(sql.get().params()).query(BigDecimal.class).single();
    }

    /** One measure of the rollups over the selection's whole months and subtree. */
    private BigDecimal rolledUp(Selection s, String measure) {
        BigDecimal[] total = {BigDecimal.ZERO};
        rollupRows(s, measure, measure, "r.kind", (path, month, a, b) -> total[0] = total[0].add(a));
        return total[0];
    }

    /** Attendance over the matching records (a kind with attendance): sessions, listed, present, spoke. */
    public AttendanceFigure attendance(Selection s) {
        return where(s).map(q -> jdbc.sql(ATTENDANCE + q.fromWith(ATTENDANCE_JOIN, "")).params(q.params())
                .query((rs, n) -> attendance(rs)).single()).orElse(new AttendanceFigure(0, 0, 0, 0));
    }

    /** Attendance per value of one field (or {@link #MONTH}), in one query; values without records are absent. */
    public Map<Object, AttendanceFigure> attendanceBy(Selection s, String field) {
        Map<Object, AttendanceFigure> byValue = new LinkedHashMap<>();
        where(s).ifPresent(q -> {
            String column = column(s, field);
            jdbc.sql(ATTENDANCE + ", " + column + " as g0 " + q.fromWith(ATTENDANCE_JOIN, "") + " group by " + column)
                    .params(q.params()).query(rs -> {
                        byValue.put(groupValue(rs, "g0", field), attendance(rs));
                    });
        });
        return byValue;
    }

    /** Distinct active villages below the unit with a matching record (entered there, or naming it), and all of them. */
    public Coverage villagesReached(Selection s) {
        return villagesReached(List.of(s)).get(0);
    }

    /**
     * Counts and sums of the matching records per combination of values of the {@code groupBy}
     * fields (e.g. per sub-kind, per level and medium, per {@link #MONTH}), in one query. Without
     * {@code groupBy} there is exactly one tally; with it, combinations without records are absent.
     */
    public List<LedgerTally> tally(Selection s, List<String> groupBy, List<String> sumFields) {
        Optional<Sql> sql = where(s);
        if (sql.isEmpty()) {
            return groupBy.isEmpty() ? List.of(new LedgerTally(Map.of(), 0, zeros(sumFields))) : List.of();
        }
        List<String> groups = groupBy.stream().map(f -> column(s, f)).toList();
        StringBuilder select = new StringBuilder("select count(*) as n");
        for (int i = 0; i < groups.size(); i++) {
            select.append(", ").append(groups.get(i)).append(" as g").append(i);
        }
        for (int i = 0; i < sumFields.size(); i++) {
            String field = sumFields.get(i);
            FieldDef numeric = numeric(s, field)
                    .orElseThrow(() -> new IllegalArgumentException("not a numeric field of " + s.kind() + ": " + field));
            select.append(", coalesce(sum(d.").append(numeric.column()).append("), 0) as s").append(i);
        }
        String groupClause = groups.isEmpty() ? "" : " group by " + String.join(", ", groups);
        return jdbc.sql(select + " " + sql.get().from() + groupClause).params(sql.get().params()).query((rs, n) -> {
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            for (int i = 0; i < sumFields.size(); i++) {
                BigDecimal sum = rs.getBigDecimal("s" + i);
                sums.put(sumFields.get(i), sum == null ? BigDecimal.ZERO : sum);
            }
            return new LedgerTally(group(rs, groupBy), rs.getLong("n"), sums);
        }).list();
    }

    /**
     * The records behind figures, newest first: at most {@code limitPerGroup} of each combination of
     * values of the {@code groupBy} fields, in one query. The newest records of any coarser grouping
     * (or of all) are among them, so one query serves every figure of a kind.
     */
    public List<NewestRecord> newestRecords(Selection s, List<String> groupBy, int limitPerGroup) {
        Optional<Sql> found = where(s);
        if (found.isEmpty()) {
            return List.of();
        }
        Sql q = found.get();
        List<String> groups = groupBy.stream().map(f -> column(s, f)).toList();
        Map<String, Object> params = new HashMap<>(q.params());
        params.put("limit", limitPerGroup);
        String newest = "order by r.occurred_on desc, r.id desc";
        String sql;
        if (groups.isEmpty()) {
            // Without groups a plain ordered limit does, and costs less than numbering every row.
            sql = "select r.id as id, r.occurred_on as occurred_on " + q.from() + " " + newest + " limit :limit";
        } else {
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < groups.size(); i++) {
                columns.append(", ").append(groups.get(i)).append(" as g").append(i);
            }
            sql = "select * from (select r.id as id, r.occurred_on as occurred_on" + columns
                    + ", row_number() over (partition by " + String.join(", ", groups) + " " + newest + ") as rn "
                    + q.from() + ") t where t.rn <= :limit order by t.occurred_on desc, t.id desc";
        }
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new NewestRecord(rs.getLong("id"), rs.getObject("occurred_on", LocalDate.class),
                        group(rs, groupBy)))
                .list();
    }

    /** Ids of the matching records, newest first, at most {@code limit}: the drill-down behind a figure. */
    public List<Long> recordIds(Selection s, int limit) {
        // ids only: no look-up of unit names, which only the listed records need
        return where(s).map(q -> {
            Map<String, Object> params = new HashMap<>(q.params());
            params.put("limit", limit);
            return jdbc.sql("select r.id " + q.from() + " order by r.occurred_on desc, r.id desc limit :limit")
                    .params(params).query(Long.class).list();
        }).orElse(List.of());
    }

    /** The matching records as the drill-down lists them, newest first, at most {@code limit}. */
    public List<RecordLine> records(Selection s, int limit) {
        Optional<Sql> found = where(s);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(found.get().params());
        params.put("limit", limit);
        record Row(long id, LocalDate on, String title, long unitId) {
        }
        List<Row> rows = jdbc.sql("select r.id, r.occurred_on, r.title, r.org_unit_id " + found.get().from()
                        + " order by r.occurred_on desc, r.id desc limit :limit")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
                .list();
        Map<Long, String> names = units.names(rows.stream().map(Row::unitId).toList());
        return rows.stream().map(r -> new RecordLine(r.id(), r.on(), r.title(), names.get(r.unitId()))).toList();
    }

    /**
     * One record with some of its fields, as a report names it ("3月12日，学习《…》").
     *
     * @param fields the requested fields by name (a value may be null)
     */
    public record RecordRow(long id, LocalDate occurredOn, LocalDate occurredUntil, String title, String unitName,
            Map<String, Object> fields) {

        public Object field(String name) {
            return fields.get(name);
        }
    }

    /**
     * The matching records in date order (oldest first) with the requested fields, at most
     * {@code limit}: what a report lists by name (topics studied, activities held, teams, honours).
     */
    public List<RecordRow> rows(Selection s, List<String> fields, int limit) {
        Optional<Sql> found = where(s);
        if (found.isEmpty()) {
            return List.of();
        }
        StringBuilder select = new StringBuilder("select r.id, r.occurred_on, r.occurred_until, r.title, r.org_unit_id");
        for (int i = 0; i < fields.size(); i++) {
            select.append(", ").append(column(s, fields.get(i))).append(" as v").append(i);
        }
        Map<String, Object> params = new HashMap<>(found.get().params());
        params.put("limit", limit);
        record Row(long id, LocalDate on, LocalDate until, String title, long unitId, Map<String, Object> fields) {
        }
        List<Row> rows = jdbc.sql(select + " " + found.get().from() + " order by r.occurred_on, r.id limit :limit")
                .params(params)
                .query((rs, n) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        values.put(fields.get(i), groupValue(rs, "v" + i, fields.get(i)));
                    }
                    return new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                            rs.getString(4), rs.getLong(5), Collections.unmodifiableMap(values));
                }).list();
        Map<Long, String> names = units.names(rows.stream().map(Row::unitId).toList());
        return rows.stream().map(r -> new RecordRow(r.id(), r.on(), r.until(), r.title(), names.get(r.unitId()), r.fields()))
                .toList();
    }

    /**
     * A record named by id, as a list of sources prints it (a report's appendix): its kind, date and
     * title, and whether it has been deleted since it was named.
     */
    public record NamedRecord(long id, LedgerKind kind, LocalDate occurredOn, String title, boolean deleted) {
    }

    /**
     * The records with these ids in the unit's subtree, deleted ones included (marked), in one query;
     * ids of other units' records, or of no record, are left out.
     */
    public List<NamedRecord> named(String unitPath, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.id, r.kind, r.occurred_on, r.title, r.deleted_at from ledger_record r "
                        + "where r.id in (:ids) and r.unit_path like :path order by r.occurred_on, r.id")
                .param("ids", List.copyOf(ids)).param("path", LedgerStore.likePrefix(unitPath))
                .query((rs, n) -> new NamedRecord(rs.getLong(1), LedgerKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5) != null))
                .list();
    }

    /**
     * The records of every kind in the unit's subtree, dated in the period, that carry the tag (as a
     * user marks highlights), in kind order then date order, at most {@code limitPerKind} of each kind:
     * one query, where a {@link Selection} would take one per kind.
     */
    public List<NamedRecord> tagged(String unitPath, LocalDate from, LocalDate to, String tag, int limitPerKind) {
        List<NamedRecord> found = jdbc.sql("select r.id, r.kind, r.occurred_on, r.title from ledger_record r "
                        + "where r.deleted_at is null and r.unit_path like :path and r.occurred_on between :from and :to "
                        + "and r.tags like :tag escape '!' order by r.occurred_on, r.id")
                .param("path", LedgerStore.likePrefix(unitPath)).param("from", from).param("to", to)
                .param("tag", "%," + LedgerStore.escapeLike(tag.trim()) + ",%")
                .query((rs, n) -> new NamedRecord(rs.getLong(1), LedgerKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), false))
                .list();
        Map<LedgerKind, List<NamedRecord>> byKind = new EnumMap<>(LedgerKind.class);
        found.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        return byKind.values().stream().flatMap(list -> list.stream().limit(limitPerKind)).toList();
    }

    /**
     * Records per kind entered in the unit's subtree with a date in the range, every kind of the
     * ledger; kinds without records are left out.
     */
    public Map<LedgerKind, Long> countsByKind(String unitPath, LocalDate from, LocalDate to) {
        Map<LedgerKind, Long> counts = new EnumMap<>(LedgerKind.class);
        byKindAndMonth(unitPath, from, to, (kind, month, n) -> counts.merge(kind, n, Long::sum));
        return counts;
    }

    /**
     * Records of the unit's subtree with a date in the range that were entered as 补录 (late, by the
     * ledger's late-entry rule): the figure of "records made up afterwards" the burden page shows.
     */
    public long lateEntries(String unitPath, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from ledger_record r where r.deleted_at is null and r.late = true "
                        + "and r.unit_path like :path and r.occurred_on >= :from and r.occurred_on <= :to")
                .param("path", LedgerStore.likePrefix(unitPath)).param("from", from).param("to", to)
                .query(Long.class).single();
    }

    /** Records per kind and month (index 0 = January) of a year in the unit's subtree; every kind is present. */
    public Map<LedgerKind, long[]> monthlyCountsByKind(String unitPath, int year) {
        Map<LedgerKind, long[]> counts = new EnumMap<>(LedgerKind.class);
        for (LedgerKind kind : LedgerKind.values()) {
            counts.put(kind, new long[12]);
        }
        byKindAndMonth(unitPath, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                (kind, month, n) -> counts.get(kind)[month.getMonthValue() - 1] += n);
        return counts;
    }

    private interface KindMonthSink {
        void accept(LedgerKind kind, YearMonth month, long count);
    }

    private void byKindAndMonth(String unitPath, LocalDate from, LocalDate to, KindMonthSink sink) {
        if (from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
            // whole months: the rollups hold the answer, for a province as cheaply as for a village
            jdbc.sql("select r.kind, r.month_key, sum(r.total) from ledger_rollup r where r.measure = :records "
                            + "and r.unit_path like :path and r.month_key >= :from and r.month_key <= :to group by r.kind, r.month_key")
                    .param("records", LedgerRollups.RECORDS).param("path", LedgerStore.likePrefix(unitPath))
                    .param("from", monthKey(from)).param("to", monthKey(to))
                    .query(rs -> {
                        Optional<LedgerKind> kind = kind(rs.getString(1));
                        int key = rs.getInt(2);
                        if (kind.isPresent()) {
                            sink.accept(kind.get(), YearMonth.of(key / 100, key % 100), rs.getLong(3));
                        }
                    });
            return;
        }
        jdbc.sql("select r.kind, extract(year from r.occurred_on), extract(month from r.occurred_on), count(*) "
                        + "from ledger_record r where r.deleted_at is null and r.unit_path like :path "
                        + "and r.occurred_on >= :from and r.occurred_on <= :to "
                        + "group by r.kind, extract(year from r.occurred_on), extract(month from r.occurred_on)")
                .param("path", LedgerStore.likePrefix(unitPath)).param("from", from).param("to", to)
                .query(rs -> {
                    Optional<LedgerKind> kind = kind(rs.getString(1));
                    if (kind.isPresent()) {
                        sink.accept(kind.get(), YearMonth.of(rs.getInt(2), rs.getInt(3)), rs.getLong(4));
                    }
                });
    }

    private static Optional<LedgerKind> kind(String code) {
        try {
            return Optional.of(LedgerKind.valueOf(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /*
     * Many figures at once. The selections of one batch typically differ only in unit and period
     * (the same rule for every period and township); one query over their common unit prefix and date
     * span returns the figures per unit and calendar month, and each selection's figure is the sum of
     * the months of its period over the units of its subtree. Periods are whole months, so this is
     * exact; a batch that is not like that is answered one by one. Answers are in the order asked.
     */

    public List<Long> counts(List<Selection> batch) {
        if (!groupable(batch)) {
            return batch.stream().map(this::count).toList();
        }
        Monthly monthly = rollable(batch.get(0)) ? rolledUp(batch, LedgerRollups.RECORDS, LedgerRollups.RECORDS)
                : monthly(batch, "count(*), 0", false);
        return batch.stream().map(s -> monthly.total(s)[0].longValue()).toList();
    }

    public List<BigDecimal> sums(List<Selection> batch, String field) {
        if (!groupable(batch)) {
            return batch.stream().map(s -> sum(s, field)).toList();
        }
        Optional<FieldDef> numeric = numeric(batch.get(0), field);
        if (numeric.isEmpty()) {
            return batch.stream().map(s -> BigDecimal.ZERO).toList();
        }
        Monthly monthly = rollable(batch.get(0)) ? rolledUp(batch, numeric.get().name(), numeric.get().name())
                : monthly(batch, "coalesce(sum(d." + numeric.get().column() + "), 0), 0", false);
        return batch.stream().map(s -> monthly.total(s)[0]).toList();
    }

    /** Present and listed of each selection (sessions and spoke are not totalled here). */
    public List<AttendanceFigure> attendances(List<Selection> batch) {
        if (!groupable(batch)) {
            return batch.stream().map(this::attendance).toList();
        }
        Monthly monthly = rollable(batch.get(0)) ? rolledUp(batch, LedgerRollups.PRESENT, LedgerRollups.LISTED)
                : monthly(batch, "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0), count(a.id)", true);
        return batch.stream().map(s -> {
            BigDecimal[] t = monthly.total(s);
            return new AttendanceFigure(0, t[1].longValue(), t[0].longValue(), 0);
        }).toList();
    }

    public List<Coverage> villagesReached(List<Selection> batch) {
        boolean byMonth = groupable(batch);
        if (!byMonth && batch.size() > 1) {
            return batch.stream().map(this::villagesReached).toList();
        }
        String prefix = commonPrefix(batch);
        UnitIndex index = new UnitIndex(batch);
        Map<Long, String> villages = units.activeVillages(prefix);
        Set<String> villagePaths = new HashSet<>(villages.values());
        Map<String, Long> totals = new HashMap<>();
        villages.values().forEach(v -> index.unitsAbove(v).forEach(u -> totals.merge(u, 1L, Long::sum)));
        // village path → months (null when not grouped by month) in which it was reached, per unit asked about
        Map<String, Map<YearMonth, Set<String>>> covered = new HashMap<>();
        Selection span = byMonth ? span(batch, prefix) : batch.get(0);
        Optional<FieldDef> named = span.kind().definition().field(LedgerTerms.VILLAGE).filter(f -> f.type() == FieldType.UNIT);
        where(span).ifPresent(q -> jdbc.sql("select distinct r.unit_path, "
                        + named.map(f -> "d." + f.column()).orElse("cast(null as bigint)")
                        + ", extract(year from r.occurred_on), extract(month from r.occurred_on) " + q.from())
                .params(q.params())
                .query(rs -> {
                    String recordUnit = rs.getString(1);
                    long villageId = rs.getLong(2);
                    YearMonth month = byMonth ? YearMonth.of(rs.getInt(3), rs.getInt(4)) : null;
                    // A village is reached by a record entered in it (or below it), or by a record naming it
                    // (a township's 宣讲 in 柳溪村); either way only for units whose subtree holds the record.
                    Set<String> reached = new HashSet<>();
                    ancestors(recordUnit).stream().filter(villagePaths::contains).forEach(reached::add);
                    if (!rs.wasNull() && villages.containsKey(villageId)) {
                        reached.add(villages.get(villageId));
                    }
                    List<String> recordUnits = index.unitsAbove(recordUnit);
                    for (String village : reached) {
                        index.unitsAbove(village).stream().filter(recordUnits::contains)
                                .forEach(u -> covered.computeIfAbsent(u, k -> new HashMap<>())
                                        .computeIfAbsent(month, k -> new HashSet<>()).add(village));
                    }
                }));
        List<Coverage> result = new ArrayList<>();
        for (Selection s : batch) {
            Set<String> reached = new HashSet<>();
            covered.getOrDefault(s.unitPath(), Map.of()).forEach((month, set) -> {
                if (month == null || within(month, s)) {
                    reached.addAll(set);
                }
            });
            result.add(new Coverage(reached.size(), totals.getOrDefault(s.unitPath(), 0L)));
        }
        return result;
    }

    /** Same kind and conditions, unit paths of the org tree, whole months, more than one: what one grouped query answers. */
    private static boolean groupable(List<Selection> batch) {
        if (batch.size() < 2) {
            return false;
        }
        Selection first = batch.get(0);
        return batch.stream().allMatch(s -> s.kind() == first.kind() && s.conditions().equals(first.conditions())
                && s.unitPath().endsWith("/") && s.from() != null && s.to() != null
                && s.from().getDayOfMonth() == 1 && s.to().equals(s.to().withDayOfMonth(s.to().lengthOfMonth())));
    }

    /** The selection over all the batch's units and dates, narrowed in Java afterwards. */
    private static Selection span(List<Selection> batch, String prefix) {
        LocalDate from = batch.stream().map(Selection::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = batch.stream().map(Selection::to).max(LocalDate::compareTo).orElseThrow();
        return batch.get(0).under(prefix).during(from, to);
    }

    /** The longest common beginning of the unit paths: a LIKE prefix that covers every unit of the batch. */
    private static String commonPrefix(List<Selection> batch) {
        String prefix = batch.get(0).unitPath();
        for (Selection s : batch) {
            int i = 0;
            while (i < prefix.length() && i < s.unitPath().length() && prefix.charAt(i) == s.unitPath().charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }

    private static boolean within(YearMonth month, Selection s) {
        return !month.isBefore(YearMonth.from(s.from())) && !month.isAfter(YearMonth.from(s.to()));
    }

    /**
     * Two figures ({@code values}: two select expressions) per unit and month over the batch's span,
     * added up into the units the selections ask about.
     */
    private Monthly monthly(List<Selection> batch, String values, boolean withAttendance) {
        String prefix = commonPrefix(batch);
        UnitIndex index = new UnitIndex(batch);
        Map<String, Map<YearMonth, BigDecimal[]>> cells = new HashMap<>();
        where(span(batch, prefix)).ifPresent(q -> jdbc.sql("select r.unit_path, extract(year from r.occurred_on), "
                        + "extract(month from r.occurred_on), " + values + " "
                        + q.fromWith(withAttendance ? " join study_attendance a on a.record_id = r.id" : "", "")
                        + " group by r.unit_path, extract(year from r.occurred_on), extract(month from r.occurred_on)")
                .params(q.params())
                .query(rs -> {
                    YearMonth month = YearMonth.of(rs.getInt(2), rs.getInt(3));
                    BigDecimal a = rs.getBigDecimal(4);
                    BigDecimal b = rs.getBigDecimal(5);
                    for (String unit : index.unitsAbove(rs.getString(1))) {
                        BigDecimal[] cell = cells.computeIfAbsent(unit, k -> new HashMap<>())
                                .computeIfAbsent(month, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        cell[0] = cell[0].add(a);
                        cell[1] = cell[1].add(b);
                    }
                }));
        return new Monthly(cells);
    }

    /**
     * As {@link #monthly}, from the maintained rollups instead of the records: two measures per unit
     * and month over the batch's span. What a county or province asks about its townships costs rows
     * per unit and month, not per record.
     */
    private Monthly rolledUp(List<Selection> batch, String first, String second) {
        String prefix = commonPrefix(batch);
        UnitIndex index = new UnitIndex(batch);
        Selection span = span(batch, prefix);
        Map<String, Map<YearMonth, BigDecimal[]>> cells = new HashMap<>();
        rollupRows(span, first, second, "r.unit_path, r.month_key", (path, month, a, b) -> {
            for (String unit : index.unitsAbove(path)) {
                BigDecimal[] cell = cells.computeIfAbsent(unit, k -> new HashMap<>())
                        .computeIfAbsent(month, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                cell[0] = cell[0].add(a);
                cell[1] = cell[1].add(b);
            }
        });
        return new Monthly(cells);
    }

    private interface RollupSink {
        void accept(String path, YearMonth month, BigDecimal first, BigDecimal second);
    }

    /**
     * The rollups of the selection's kind, sub-kinds, subtree and months: the totals of two measures
     * grouped by {@code groupBy} (columns of {@code r}, the rollup table: unit_path, month_key or kind).
     */
    private void rollupRows(Selection s, String first, String second, String groupBy, RollupSink sink) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", s.kind().definition().code());
        params.put("path", LedgerStore.likePrefix(s.unitPath()));
        params.put("m0", first);
        params.put("m1", second);
        params.put("from", monthKey(s.from()));
        params.put("to", monthKey(s.to()));
        StringBuilder sql = new StringBuilder("select ").append(groupBy.contains("unit_path") ? "r.unit_path" : "''")
                .append(", ").append(groupBy.contains("month_key") ? "r.month_key" : "0")
                .append(", sum(case when r.measure = :m0 then r.total else 0 end), sum(case when r.measure = :m1 then r.total else 0 end)")
                .append(" from ledger_rollup r where r.kind = :kind and r.measure in (:m0, :m1) and r.unit_path like :path")
                .append(" and r.month_key >= :from and r.month_key <= :to");
        if (!s.conditions().isEmpty()) {
            sql.append(" and r.sub_kind in (:subs)");
            // rollable: every condition is a sub-kind test, all of them must hold
            java.util.Set<String> subs = null;
            for (Selection.Condition c : s.conditions()) {
                java.util.Set<String> values = new HashSet<>(c.values().stream().map(Object::toString).toList());
                if (subs == null) {
                    subs = values;
                } else {
                    subs.retainAll(values);
                }
            }
            if (subs.isEmpty()) {
                return;
            }
            params.put("subs", List.copyOf(subs));
        }
        jdbc.sql(sql + " group by " + groupBy).params(params).query(rs -> {
            int key = rs.getInt(2);
            sink.accept(rs.getString(1), key == 0 ? null : YearMonth.of(key / 100, key % 100), plain(rs.getBigDecimal(3)),
                    plain(rs.getBigDecimal(4)));
        });
    }

    /** A rollup total as the records' own sum reads (12, not 12.0000). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static int monthKey(LocalDate date) {
        return date.getYear() * 100 + date.getMonthValue();
    }

    /**
     * Whether the rollups answer the selection: whole months, and no condition but on the sub-kind
     * (the rollups keep sub-kinds, not levels, tags or dates closed). Others read the records.
     */
    private static boolean rollable(Selection s) {
        return s.from() != null && s.to() != null && s.from().getDayOfMonth() == 1
                && s.to().equals(s.to().withDayOfMonth(s.to().lengthOfMonth()))
                && s.conditions().stream().allMatch(c -> c.test() == Selection.Condition.Test.IN
                        && LedgerTerms.SUB_KIND.equals(c.field()) && s.kind().definition().subKind().isPresent());
    }

    private record Monthly(Map<String, Map<YearMonth, BigDecimal[]>> cells) {

        /** The two figures added up over the months of the selection's period in its unit. */
        BigDecimal[] total(Selection s) {
            BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO};
            cells.getOrDefault(s.unitPath(), Map.of()).forEach((month, cell) -> {
                if (within(month, s)) {
                    total[0] = total[0].add(cell[0]);
                    total[1] = total[1].add(cell[1]);
                }
            });
            return total;
        }
    }

    /** The paths of a path and its ancestors ('/1/5/23/' → '/1/', '/1/5/', '/1/5/23/'). */
    private static List<String> ancestors(String path) {
        List<String> found = new ArrayList<>(4);
        for (int i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
            found.add(path.substring(0, i + 1));
        }
        return found;
    }

    /** The units a batch asks about, found from any path below them. */
    private static final class UnitIndex {
        private final Set<String> units = new HashSet<>();

        UnitIndex(List<Selection> batch) {
            batch.forEach(s -> units.add(s.unitPath()));
        }

        /** The asked units whose subtree holds the path. */
        List<String> unitsAbove(String path) {
            return ancestors(path).stream().filter(units::contains).toList();
        }
    }

    private static final String ATTENDANCE = "select count(distinct r.id) as sessions, count(a.id) as listed, "
            + "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0) as present, "
            + "coalesce(sum(case when a.spoke = true then 1 else 0 end), 0) as spoke ";
    private static final String ATTENDANCE_JOIN = " left join study_attendance a on a.record_id = r.id";

    private static AttendanceFigure attendance(ResultSet rs) throws SQLException {
        return new AttendanceFigure(rs.getLong("sessions"), rs.getLong("listed"), rs.getLong("present"), rs.getLong("spoke"));
    }

    private static Map<String, BigDecimal> zeros(List<String> fields) {
        Map<String, BigDecimal> zeros = new LinkedHashMap<>();
        fields.forEach(f -> zeros.put(f, BigDecimal.ZERO));
        return zeros;
    }

    private static Optional<FieldDef> numeric(Selection s, String field) {
        return s.kind().definition().field(field).filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL);
    }

    /** The SQL expression of a grouping field: a detail column, or the month of the record's date. */
    private static String column(Selection s, String field) {
        if (MONTH.equals(field)) {
            return "extract(month from r.occurred_on)";
        }
        return "d." + s.kind().definition().field(field)
                .orElseThrow(() -> new IllegalArgumentException("no field " + field + " in " + s.kind())).column();
    }

    private static Object groupValue(ResultSet rs, String column, String field) throws SQLException {
        // extract() is numeric in one database and decimal in another: a month is an int everywhere
        return MONTH.equals(field) ? Integer.valueOf(rs.getInt(column)) : rs.getObject(column);
    }

    private static Map<String, Object> group(ResultSet rs, List<String> groupBy) throws SQLException {
        Map<String, Object> group = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            group.put(groupBy.get(i), groupValue(rs, "g" + i, groupBy.get(i)));
        }
        return Collections.unmodifiableMap(group);
    }

    /** The FROM and WHERE of the matching records; empty when a condition names a field the kind lacks. */
    private Optional<Sql> where(Selection s) {
        RecordKind kind = s.kind().definition();
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind.code());
        params.put("path", LedgerStore.likePrefix(s.unitPath()));
        StringBuilder sql = new StringBuilder(" where r.kind = :kind and r.deleted_at is null and r.unit_path like :path");
        // the period rule: only the start date decides, a range never counts twice
        if (s.from() != null) {
            sql.append(" and r.occurred_on >= :from");
            params.put("from", s.from());
        }
        if (s.to() != null) {
            sql.append(" and r.occurred_on <= :to");
            params.put("to", s.to());
        }
        int i = 0;
        for (Selection.Condition condition : s.conditions()) {
            String p = "f" + i++;
            if (condition.test() == Selection.Condition.Test.TAG) {
                List<String> likes = new ArrayList<>();
                for (int j = 0; j < condition.values().size(); j++) {
                    likes.add("r.tags like :" + p + "_" + j + " escape '!'");
                    params.put(p + "_" + j, "%," + LedgerStore.escapeLike(condition.values().get(j).toString().trim()) + ",%");
                }
                sql.append(" and (").append(String.join(" or ", likes)).append(")");
                continue;
            }
            Optional<FieldDef> field = kind.field(condition.field());
            if (field.isEmpty()) {
                return Optional.empty();
            }
            if (condition.test() == Selection.Condition.Test.SET) {
                sql.append(" and d.").append(field.get().column()).append(" is not null");
            } else {
                sql.append(" and d.").append(field.get().column()).append(" in (:").append(p).append(")");
                params.put(p, condition.values().stream().map(v -> typed(field.get(), v)).toList());
            }
        }
        return Optional.of(new Sql("from ledger_record r join " + kind.table() + " d on d.record_id = r.id",
                sql.toString(), params));
    }

    private static Object typed(FieldDef field, Object value) {
        return switch (field.type()) {
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            case ENUM, TEXT, LONG_TEXT -> value.toString();
            case INTEGER, PERSON, RECORD_REF, UNIT -> Long.valueOf(value.toString());
            case DECIMAL -> new BigDecimal(value.toString());
            case DATE -> LocalDate.parse(value.toString());
        };
    }

    /** The matching records: {@code r} the record, {@code d} its detail row. */
    private record Sql(String tables, String conditions, Map<String, Object> params) {

        String from() {
            return tables + conditions;
        }

        /** With more tables joined before the conditions and more conditions after them. */
        String fromWith(String moreJoins, String moreConditions) {
            return tables + moreJoins + conditions + moreConditions;
        }
    }
}
