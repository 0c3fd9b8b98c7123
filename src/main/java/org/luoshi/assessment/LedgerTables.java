package org.luoshi.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final JdbcClient jdbc;
    private final RecordKinds kinds;

    LedgerTables(JdbcClient jdbc, RecordKinds kinds) {
        this.jdbc = jdbc;
        this.kinds = kinds;
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
                            + "coalesce(sum(case when d.on_time = true then 1 else 0 end), 0) as on_time, "
                            + "count(*) as closed " + q.from() + " and d.closed_on is not null")
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

    /** Registered population of the unit, or of its villages when the unit has none entered. */
    private BigDecimal population(String unitPath) {
        Long own = jdbc.sql("select registered_population from org_unit where path = :path").param("path", unitPath)
                .query(Long.class).optional().orElse(null);
        if (own != null && own > 0) {
            return BigDecimal.valueOf(own);
        }
        Long villages = jdbc.sql("select coalesce(sum(registered_population), 0) from org_unit "
                        + "where kind = 'VILLAGE' and active = true and path like :path")
                .param("path", unitPath + "%").query(Long.class).single();
        return BigDecimal.valueOf(villages);
    }

    /** Active villages and departments below the unit with a letter of the year that has been signed. */
    private Ratio letters(RecordQuery query) {
        return jdbc.sql("select count(*) as total, coalesce(sum(case when exists (select 1 from responsibility_letter l "
                        + "where l.counterpart_unit_id = c.id and l.letter_year = :year and l.signed_on is not null) "
                        + "then 1 else 0 end), 0) as signed from org_unit c "
                        + "where c.kind in ('VILLAGE', 'DEPARTMENT') and c.active = true and c.path like :path")
                .param("year", query.from().getYear()).param("path", query.unitPath() + "%")
                .query((rs, n) -> new Ratio(BigDecimal.valueOf(rs.getLong("signed")), BigDecimal.valueOf(rs.getLong("total"))))
                .single();
    }

    private static Ratio empty() {
        return new Ratio(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private Optional<org.luoshi.ledger.RecordKind> kind(RecordQuery query) {
        return query.kind() == null ? Optional.empty() : kinds.find(query.kind().name());
    }

    /** The FROM and WHERE of the matching records, or empty when the kind is unknown to the ledger. */
    private Optional<Sql> where(RecordQuery query) {
        Optional<org.luoshi.ledger.RecordKind> found = kind(query);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        org.luoshi.ledger.RecordKind kind = found.get();
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind.code());
        params.put("path", query.unitPath() + "%");
        params.put("from", query.from());
        params.put("to", query.to());
        StringBuilder sql = new StringBuilder("from ledger_record r join " + kind.table() + " d on d.record_id = r.id"
                + " where r.kind = :kind and r.deleted_at is null"
                + " and r.org_unit_id in (select u.id from org_unit u where u.path like :path)"
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
        return Optional.of(new Sql(sql.toString(), params));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private record Sql(String from, Map<String, Object> params) {
    }
}
