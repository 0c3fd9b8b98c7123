package org.luoshi.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.luoshi.ledger.FieldDef;
import org.luoshi.ledger.FieldType;
import org.luoshi.ledger.RecordKinds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link LedgerFigures} adapter: each figure is one aggregate query over {@code ledger_record}
 * and the kind's detail table. Table and column names come only from the ledger's
 * {@link org.luoshi.ledger.RecordKind} definitions; every value is a bind parameter.
 *
 * <p>A kind the ledger does not know (yet) has no records: every figure is zero, a rate has no data.
 * A filter on a field the kind does not have matches nothing, rather than silently matching all.
 * The port carries no scope: {@link EvaluationService} has already checked the township against the
 * user's scope, and every query stays within the township's subtree.
 */
@Component
@Transactional(readOnly = true)
class LedgerTables implements LedgerFigures {

    /** Above this many units in the subtree the records are matched by path rather than by a list of ids. */
    static final int UNIT_LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final RecordKinds kinds;
    private final org.luoshi.org.OrgUnitService units;
    private final org.luoshi.responsibility.LetterService letters;

    LedgerTables(JdbcClient jdbc, RecordKinds kinds, org.luoshi.org.OrgUnitService units, org.luoshi.responsibility.LetterService letters) {
        this.letters = letters;
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.units = units;
    }

    @Override
    public long count(RecordQuery query) {
        return where(query).map(q -> jdbc.sql("select count(*) " + q.from()).params(q.params()).query(Long.class).single())
                .orElse(0L);
    }

    @Override
    public BigDecimal sum(RecordQuery query, String field) {
        Optional<Sql> sql = where(query);
        Optional<FieldDef> numeric = kind(query).flatMap(k -> k.field(field))
                .filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL);
        if (sql.isEmpty() || numeric.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("select coalesce(sum(d." + numeric.get().column() + "), 0) " + sql.get().from())
                .params(sql.get().params()).query(BigDecimal.class).single();
    }

    @Override
    public Coverage distinctUnits(RecordQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("unitPath", query.unitPath() + "%");
        long total = jdbc.sql("select count(*) from org_unit v where v.kind = 'VILLAGE' and v.active = true "
                + "and v.path like :unitPath").params(params).query(Long.class).single();
        Optional<Sql> sql = where(query);
        if (sql.isEmpty()) {
            return new Coverage(0, total);
        }
        params.putAll(sql.get().params());
        // A village is covered by a record entered in it, or by a township record naming it (宣讲 in 柳溪村).
        String namesVillage = kind(query).flatMap(k -> k.field("village")).filter(f -> f.type() == FieldType.UNIT)
                .map(f -> " or d." + f.column() + " = v.id").orElse("");
        long covered = jdbc.sql("select count(*) from org_unit v where v.kind = 'VILLAGE' and v.active = true "
                        + "and v.path like :unitPath and exists (select 1 " + sql.get().from()
                        + " and (r.org_unit_id in (select w.id from org_unit w where w.path like v.path || '%')"
                        + namesVillage + "))")
                .params(params).query(Long.class).single();
        return new Coverage(covered, total);
    }

    @Override
    public Ratio rate(RateMetric metric, RecordQuery query) {
        return switch (metric) {
            case STUDY_ATTENDANCE -> where(query).map(q -> jdbc.sql("select "
                            + "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0) as present, "
                            + "count(a.id) as listed from study_attendance a where a.record_id in (select r.id "
                            + q.from() + ")")
                    .params(q.params())
                    .query((rs, n) -> new Ratio(BigDecimal.valueOf(rs.getLong("present")), BigDecimal.valueOf(rs.getLong("listed"))))
                    .single()).orElse(empty());
            case OPINION_ON_TIME -> where(query).map(q -> jdbc.sql("select "
                            + "coalesce(sum(case when d." + column(query, "onTime") + " = true then 1 else 0 end), 0) as on_time, "
                            + "count(*) as closed " + q.from() + " and d." + column(query, "closedOn") + " is not null")
                    .params(q.params())
                    .query((rs, n) -> new Ratio(BigDecimal.valueOf(rs.getLong("on_time")), BigDecimal.valueOf(rs.getLong("closed"))))
                    .single()).orElse(empty());
            case VOLUNTEER_HOURS_PER_RESIDENT -> new Ratio(sum(query, "hours"), population(query.unitPath()));
            case LETTERS_SIGNED -> letters(query);
        };
    }

    @Override
    public List<Long> recordIds(RecordQuery query, int limit) {
        return where(query).map(q -> {
            Map<String, Object> params = new HashMap<>(q.params());
            params.put("limit", limit);
            return jdbc.sql("select r.id " + q.from() + " order by r.occurred_on desc, r.id desc limit :limit")
                    .params(params).query(Long.class).list();
        }).orElse(List.of());
    }

    @Override
    public Map<String, Long> countsByKind(String unitPath, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select r.kind, count(*) from ledger_record r where r.deleted_at is null "
                        + "and r.org_unit_id in (select u.id from org_unit u where u.path like :path) "
                        + "and r.occurred_on >= :from and r.occurred_on <= :to group by r.kind")
                .param("path", unitPath + "%").param("from", from).param("to", to)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    @Override
    public List<RecordLine> records(RecordQuery query, int limit) {
        return where(query).map(q -> {
            Map<String, Object> params = new HashMap<>(q.params());
            params.put("limit", limit);
            return jdbc.sql("select r.id, r.occurred_on, r.title, o.name " + q.fromWithUnit("")
                            + " order by r.occurred_on desc, r.id desc limit :limit")
                    .params(params)
                    .query((rs, n) -> new RecordLine(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getString(4)))
                    .list();
        }).orElse(List.of());
    }

    /*
     * Grouped figures. The queries of one batch differ only in unit and period (the same rule for
     * every period and township); one query over their common unit prefix and date span returns the
     * figures per unit and calendar month, and each query's figure is the sum of the months of its
     * period over the units of its subtree. Periods are whole months, so this is exact; a batch that
     * is not like that is answered one by one.
     */

    @Override
    public List<Long> counts(List<RecordQuery> queries) {
        if (!groupable(queries)) {
            return LedgerFigures.super.counts(queries);
        }
        Monthly monthly = monthly(queries, "count(*), 0", "", "");
        return queries.stream().map(q -> monthly.total(q)[0].longValue()).toList();
    }

    @Override
    public List<BigDecimal> sums(List<RecordQuery> queries, String field) {
        if (!groupable(queries)) {
            return LedgerFigures.super.sums(queries, field);
        }
        Optional<FieldDef> numeric = kind(queries.get(0)).flatMap(k -> k.field(field))
                .filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL);
        if (numeric.isEmpty()) {
            return queries.stream().map(q -> BigDecimal.ZERO).toList();
        }
        Monthly monthly = monthly(queries, "coalesce(sum(d." + numeric.get().column() + "), 0), 0", "", "");
        return queries.stream().map(q -> monthly.total(q)[0]).toList();
    }

    @Override
    public List<Ratio> rates(RateMetric metric, List<RecordQuery> queries) {
        if (!groupable(queries) && metric != RateMetric.LETTERS_SIGNED) {
            return LedgerFigures.super.rates(metric, queries);
        }
        return switch (metric) {
            case STUDY_ATTENDANCE -> {
                Monthly monthly = monthly(queries, "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0), "
                        + "count(a.id)", " join study_attendance a on a.record_id = r.id", "");
                yield queries.stream().map(q -> ratio(monthly.total(q))).toList();
            }
            case OPINION_ON_TIME -> {
                RecordQuery first = queries.get(0);
                Monthly monthly = monthly(queries, "coalesce(sum(case when d." + column(first, "onTime")
                        + " = true then 1 else 0 end), 0), count(*)", "", " and d." + column(first, "closedOn") + " is not null");
                yield queries.stream().map(q -> ratio(monthly.total(q))).toList();
            }
            case VOLUNTEER_HOURS_PER_RESIDENT -> {
                List<BigDecimal> hours = sums(queries, "hours");
                Map<String, BigDecimal> populations = new HashMap<>();
                List<Ratio> ratios = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    ratios.add(new Ratio(hours.get(i), populations.computeIfAbsent(queries.get(i).unitPath(), this::population)));
                }
                yield ratios;
            }
            case LETTERS_SIGNED -> letters(queries);
        };
    }

    @Override
    public List<Coverage> coverages(List<RecordQuery> queries) {
        if (!groupable(queries)) {
            return LedgerFigures.super.coverages(queries);
        }
        String prefix = commonPrefix(queries);
        UnitIndex index = new UnitIndex(queries);
        // active villages under each unit asked about
        Map<String, Long> totals = new HashMap<>();
        for (String village : jdbc.sql("select path from org_unit where kind = 'VILLAGE' and active = true and path like :p")
                .param("p", prefix + "%").query(String.class).list()) {
            index.unitsAbove(village).forEach(u -> totals.merge(u, 1L, Long::sum));
        }
        Map<String, Map<YearMonth, Set<String>>> covered = new HashMap<>();
        Optional<Sql> found = where(span(queries, prefix));
        if (found.isPresent()) {
            Sql sql = found.get();
            Map<String, Object> params = new HashMap<>(sql.params());
            params.put("villagePath", prefix + "%");
            // A village is covered by a record entered in it, or by a township record naming it.
            String namesVillage = kind(queries.get(0)).flatMap(k -> k.field("village"))
                    .filter(f -> f.type() == FieldType.UNIT).map(f -> " or d." + f.column() + " = v.id").orElse("");
            // grouped by the record's unit too: a record counts for a unit asked about only if it lies in its subtree
            jdbc.sql("select distinct v.path, o.path, extract(year from r.occurred_on), extract(month from r.occurred_on) "
                            + sql.fromWithUnit(" join org_unit v on v.kind = 'VILLAGE' and v.active = true "
                                    + "and v.path like :villagePath and (o.path like v.path || '%'" + namesVillage + ")"))
                    .params(params)
                    .query((rs, n) -> {
                        String village = rs.getString(1);
                        List<String> recordUnits = index.unitsAbove(rs.getString(2));
                        YearMonth month = YearMonth.of(rs.getInt(3), rs.getInt(4));
                        index.unitsAbove(village).stream().filter(recordUnits::contains)
                                .forEach(u -> covered.computeIfAbsent(u, k -> new HashMap<>())
                                        .computeIfAbsent(month, k -> new HashSet<>()).add(village));
                        return null;
                    }).list();
        }
        List<Coverage> result = new ArrayList<>();
        for (RecordQuery q : queries) {
            Set<String> villages = new HashSet<>();
            covered.getOrDefault(q.unitPath(), Map.of()).forEach((month, set) -> {
                if (within(month, q)) {
                    villages.addAll(set);
                }
            });
            result.add(new Coverage(villages.size(), totals.getOrDefault(q.unitPath(), 0L)));
        }
        return result;
    }

    /** Same kind and filters, unit paths of the org tree, whole months, more than one: what one grouped query can answer. */
    private static boolean groupable(List<RecordQuery> queries) {
        if (queries.size() < 2) {
            return false;
        }
        RecordQuery first = queries.get(0);
        return queries.stream().allMatch(q -> q.kind() == first.kind() && q.filters().equals(first.filters())
                && q.unitPath().endsWith("/")
                && q.from().getDayOfMonth() == 1 && q.to().equals(q.to().withDayOfMonth(q.to().lengthOfMonth())));
    }

    /** The query over all the batch's units and dates, narrowed in Java afterwards. */
    private static RecordQuery span(List<RecordQuery> queries, String prefix) {
        LocalDate from = queries.stream().map(RecordQuery::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = queries.stream().map(RecordQuery::to).max(LocalDate::compareTo).orElseThrow();
        RecordQuery first = queries.get(0);
        return new RecordQuery(prefix, first.kind(), first.filters(), from, to);
    }

    /** The longest common beginning of the unit paths: a LIKE prefix that covers every unit of the batch. */
    private static String commonPrefix(List<RecordQuery> queries) {
        String prefix = queries.get(0).unitPath();
        for (RecordQuery q : queries) {
            int i = 0;
            while (i < prefix.length() && i < q.unitPath().length() && prefix.charAt(i) == q.unitPath().charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }

    private static boolean within(YearMonth month, RecordQuery q) {
        return !month.isBefore(YearMonth.from(q.from())) && !month.isAfter(YearMonth.from(q.to()));
    }

    private static Ratio ratio(BigDecimal[] values) {
        return new Ratio(values[0], values[1]);
    }

    /**
     * Two figures ({@code values}: two select expressions) per unit and month over the batch's span,
     * added up into the units the queries ask about.
     */
    private Monthly monthly(List<RecordQuery> queries, String values, String moreJoins, String moreConditions) {
        String prefix = commonPrefix(queries);
        UnitIndex index = new UnitIndex(queries);
        Map<String, Map<YearMonth, BigDecimal[]>> cells = new HashMap<>();
        where(span(queries, prefix)).ifPresent(sql -> jdbc.sql("select o.path, extract(year from r.occurred_on), "
                        + "extract(month from r.occurred_on), " + values + " " + sql.fromWithUnit(moreJoins) + moreConditions
                        + " group by o.path, extract(year from r.occurred_on), extract(month from r.occurred_on)")
                .params(sql.params())
                .query((rs, n) -> {
                    YearMonth month = YearMonth.of(rs.getInt(2), rs.getInt(3));
                    BigDecimal a = rs.getBigDecimal(4);
                    BigDecimal b = rs.getBigDecimal(5);
                    for (String unit : index.unitsAbove(rs.getString(1))) {
                        BigDecimal[] cell = cells.computeIfAbsent(unit, k -> new HashMap<>())
                                .computeIfAbsent(month, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        cell[0] = cell[0].add(a);
                        cell[1] = cell[1].add(b);
                    }
                    return null;
                }).list());
        return new Monthly(cells);
    }

    private record Monthly(Map<String, Map<YearMonth, BigDecimal[]>> cells) {

        /** The two figures added up over the months of the query's period in the query's unit. */
        BigDecimal[] total(RecordQuery q) {
            BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO};
            cells.getOrDefault(q.unitPath(), Map.of()).forEach((month, cell) -> {
                if (within(month, q)) {
                    total[0] = total[0].add(cell[0]);
                    total[1] = total[1].add(cell[1]);
                }
            });
            return total;
        }
    }

    /** The units a batch asks about, found from any path below them by its ancestors' paths. */
    private static final class UnitIndex {
        private final Set<String> units = new HashSet<>();

        UnitIndex(List<RecordQuery> queries) {
            queries.forEach(q -> units.add(q.unitPath()));
        }

        /** The asked units whose subtree holds the path ('/1/5/23/' lies in '/1/', '/1/5/', '/1/5/23/'). */
        List<String> unitsAbove(String path) {
            List<String> found = new ArrayList<>(2);
            for (int i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
                String ancestor = path.substring(0, i + 1);
                if (units.contains(ancestor)) {
                    found.add(ancestor);
                }
            }
            return found;
        }
    }

    /** The unit's registered population by the org module's one rule (own figure, else its villages'). */
    private BigDecimal population(String unitPath) {
        return unitAt(unitPath).map(unit -> BigDecimal.valueOf(units.registeredPopulation(unit))).orElse(BigDecimal.ZERO);
    }

    private java.util.Optional<org.luoshi.org.OrgUnit> unitAt(String unitPath) {
        return jdbc.sql("select id from org_unit where path = :path").param("path", unitPath).query(Long.class).optional()
                .map(units::getUnchecked);
    }

    private Ratio letters(RecordQuery query) {
        return letters(List.of(query)).get(0);
    }

    /**
     * 责任书签订率 by the responsibility module's one definition ({@code LetterService.counts}): the
     * township's own active villages and departments, and the letters the township signed with them for
     * the year; one batch per year however many townships and periods. Only a township signs letters;
     * for any other unit there is nothing due.
     */
    private List<Ratio> letters(List<RecordQuery> queries) {
        Map<String, Long> townshipAt = jdbc.sql("select id, path from org_unit where kind = 'TOWNSHIP' and path in (:paths)")
                .param("paths", queries.stream().map(RecordQuery::unitPath).distinct().toList())
                .query((rs, n) -> Map.entry(rs.getString("path"), rs.getLong("id"))).stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Integer, Map<Long, org.luoshi.responsibility.LetterService.LetterCount>> byYear = new HashMap<>();
        List<Ratio> ratios = new ArrayList<>();
        for (RecordQuery q : queries) {
            Long township = townshipAt.get(q.unitPath());
            if (township == null) {
                ratios.add(empty());
                continue;
            }
            org.luoshi.responsibility.LetterService.LetterCount count = byYear.computeIfAbsent(q.from().getYear(),
                    year -> letters.counts(units.systemScope(), townshipAt.values(), year)).get(township);
            ratios.add(new Ratio(BigDecimal.valueOf(count.signed()), BigDecimal.valueOf(count.due())));
        }
        return ratios;
    }

    private static Ratio empty() {
        return new Ratio(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The column of a field of the query's kind, which the start-up check guarantees to exist. */
    private String column(RecordQuery query, String field) {
        return kind(query).flatMap(k -> k.field(field)).orElseThrow().column();
    }

    private Optional<org.luoshi.ledger.RecordKind> kind(RecordQuery query) {
        return query.kind() == null ? Optional.empty() : kinds.find(query.kind().name());
    }

    /** The FROM and WHERE of the matching records, or empty when the kind is unknown to the ledger or the unit has no subtree. */
    private Optional<Sql> where(RecordQuery query) {
        Optional<org.luoshi.ledger.RecordKind> found = kind(query);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        org.luoshi.ledger.RecordKind kind = found.get();
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind.code());
        List<Long> units = jdbc.sql("select id from org_unit where path like :path").param("path", query.unitPath() + "%")
                .query(Long.class).list();
        if (units.isEmpty()) {
            return Optional.empty();
        }
        // A township's subtree as a list of unit ids: H2 then looks its records up by unit in the index
        // (org_unit_id, kind, occurred_on) instead of reading every record of the kind in the county
        // (measured: a township's cost grew with the county's size). For the whole county a list of
        // a thousand ids is slower than reading the kind, so a large subtree is matched by its path.
        String unitCondition;
        if (units.size() <= UNIT_LIST_LIMIT) {
            params.put("units", units);
            unitCondition = " and r.org_unit_id in (:units)";
        } else {
            params.put("path", query.unitPath() + "%");
            unitCondition = " and o.path like :path";
        }
        params.put("from", query.from());
        params.put("to", query.to());
        String tables = "from ledger_record r join " + kind.table() + " d on d.record_id = r.id";
        StringBuilder sql = new StringBuilder(" where r.kind = :kind and r.deleted_at is null"
                + unitCondition
                // the period rule: only the start date decides, a range never counts twice
                + " and r.occurred_on >= :from and r.occurred_on <= :to");
        int i = 0;
        for (RecordFilter filter : query.filters()) {
            String p = "f" + i++;
            switch (filter.type()) {
                case SUB_KIND, FIELD_IN -> {
                    String name = filter.type() == RecordFilter.Type.SUB_KIND ? org.luoshi.ledger.RecordKind.SUB_KIND
                            : filter.field();
                    Optional<FieldDef> field = kind.field(name).filter(f -> f.type() == FieldType.ENUM);
                    if (field.isEmpty()) {
                        sql.append(" and 1 = 0");
                    } else {
                        sql.append(" and d.").append(field.get().column()).append(" in (:").append(p).append(")");
                        params.put(p, filter.values());
                    }
                }
                case TAG -> {
                    List<String> likes = new ArrayList<>();
                    for (int j = 0; j < filter.values().size(); j++) {
                        likes.add("r.tags like :" + p + "_" + j + " escape '!'");
                        params.put(p + "_" + j, "%," + escapeLike(filter.values().get(j).trim()) + ",%");
                    }
                    sql.append(" and (").append(String.join(" or ", likes)).append(")");
                }
            }
        }
        return Optional.of(new Sql(tables, sql.toString(), params));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * The matching records: {@code r} the record, {@code d} its detail row, {@code o} its unit;
     * {@code conditions} start with WHERE.
     */
    private record Sql(String tables, String conditions, Map<String, Object> params) {

        String from() {
            return fromWithUnit("");
        }

        /** With more tables joined after the record's unit {@code o}. */
        String fromWithUnit(String moreJoins) {
            return tables + " join org_unit o on o.id = r.org_unit_id" + moreJoins + conditions;
        }
    }
}
