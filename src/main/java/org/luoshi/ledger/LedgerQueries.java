package org.luoshi.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures over the ledger for assessments and reports: counts, sums and attendance rates, each
 * one aggregate query, and the ids of the records behind a figure so that it can be traced.
 * Deleted records never count. The figure's unit must lie in the caller's scope (404 otherwise).
 */
@Service
@Transactional(readOnly = true)
public class LedgerQueries {

    private final JdbcClient jdbc;
    private final RecordKinds kinds;
    private final OrgUnitService units;

    LedgerQueries(JdbcClient jdbc, RecordKinds kinds, OrgUnitService units) {
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.units = units;
    }

    public long count(DataScope scope, LedgerFigure figure) {
        Query q = query(scope, figure);
        return jdbc.sql("select count(*) " + q.from).params(q.params).query(Long.class).single();
    }

    /** The sum of a numeric field (e.g. articleCount, audience); zero when nothing matches. */
    public BigDecimal sum(DataScope scope, LedgerFigure figure, String fieldName) {
        RecordKind kind = kinds.get(figure.kind());
        FieldDef field = kind.field(fieldName).filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL)
                .orElseThrow(() -> new IllegalArgumentException("not a numeric field of " + kind.code() + ": " + fieldName));
        Query q = query(scope, figure);
        BigDecimal sum = jdbc.sql("select coalesce(sum(d." + field.column() + "), 0) " + q.from).params(q.params)
                .query(BigDecimal.class).single();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Attendance over the matching records of a kind with attendance. */
    public AttendanceFigure attendance(DataScope scope, LedgerFigure figure) {
        Query q = query(scope, figure);
        return jdbc.sql(ATTENDANCE + q.from.replaceFirst(" where ", " left join study_attendance a on a.record_id = r.id where "))
                .params(q.params).query((rs, n) -> attendance(rs)).single();
    }

    /**
     * Attendance per value of one field (e.g. per sub-kind), in one query; values without records
     * are absent.
     */
    public Map<Object, AttendanceFigure> attendanceBy(DataScope scope, LedgerFigure figure, String fieldName) {
        Query q = query(scope, figure);
        String column = "d." + field(figure.kind(), fieldName).column();
        Map<Object, AttendanceFigure> byValue = new LinkedHashMap<>();
        jdbc.sql(ATTENDANCE + ", " + column + " as g0 "
                        + q.from.replaceFirst(" where ", " left join study_attendance a on a.record_id = r.id where ")
                        + " group by " + column)
                .params(q.params).query(rs -> {
                    byValue.put(rs.getObject("g0"), attendance(rs));
                });
        return byValue;
    }

    private static final String ATTENDANCE = "select count(distinct r.id) as sessions, count(a.id) as listed, "
            + "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0) as present, "
            + "coalesce(sum(case when a.spoke = true then 1 else 0 end), 0) as spoke ";

    private static AttendanceFigure attendance(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AttendanceFigure(rs.getLong("sessions"), rs.getLong("listed"), rs.getLong("present"), rs.getLong("spoke"));
    }

    /** The ids of the records behind a figure, newest first, at most {@code limit}. */
    public List<Long> recordIds(DataScope scope, LedgerFigure figure, int limit) {
        Query q = query(scope, figure);
        Map<String, Object> params = new HashMap<>(q.params);
        params.put("limit", limit);
        return jdbc.sql("select r.id " + q.from + " order by r.occurred_on desc, r.id desc limit :limit").params(params)
                .query(Long.class).list();
    }

    /**
     * Counts and sums of the matching records per combination of values of the {@code groupBy}
     * fields (e.g. per sub-kind, per level and medium), in one query: many figures of a kind at the
     * cost of one. Without {@code groupBy} there is exactly one tally (count 0 if nothing matches);
     * with it, combinations without records are absent.
     */
    public List<LedgerTally> tally(DataScope scope, LedgerFigure figure, List<String> groupBy, List<String> sumFields) {
        Query q = query(scope, figure);
        List<String> groups = columns(figure.kind(), groupBy);
        StringBuilder select = new StringBuilder("select count(*) as n");
        for (int i = 0; i < groups.size(); i++) {
            select.append(", ").append(groups.get(i)).append(" as g").append(i);
        }
        for (int i = 0; i < sumFields.size(); i++) {
            select.append(", coalesce(sum(d.").append(numeric(figure.kind(), sumFields.get(i)).column()).append("), 0) as s")
                    .append(i);
        }
        String groupClause = groups.isEmpty() ? "" : " group by " + String.join(", ", groups);
        return jdbc.sql(select + " " + q.from + groupClause).params(q.params).query((rs, n) -> {
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            for (int i = 0; i < sumFields.size(); i++) {
                BigDecimal sum = rs.getBigDecimal("s" + i);
                sums.put(sumFields.get(i), sum == null ? BigDecimal.ZERO : sum);
            }
            return new LedgerTally(group(rs, groupBy), rs.getLong("n"), sums);
        }).list();
    }

    /**
     * The ids of the records behind a figure, newest first: at most {@code limitPerGroup} of each
     * combination of values of the {@code groupBy} fields, in one query. The newest records of any
     * coarser grouping (or of all) are among them, so one query serves every figure of a kind.
     */
    public List<NewestRecord> newestRecords(DataScope scope, LedgerFigure figure, List<String> groupBy, int limitPerGroup) {
        Query q = query(scope, figure);
        List<String> groups = columns(figure.kind(), groupBy);
        Map<String, Object> params = new HashMap<>(q.params);
        params.put("limit", limitPerGroup);
        String newest = "order by r.occurred_on desc, r.id desc";
        String sql;
        if (groups.isEmpty()) {
            // Without groups a plain ordered limit does, and costs less than numbering every row.
            sql = "select r.id as id, r.occurred_on as occurred_on " + q.from + " " + newest + " limit :limit";
        } else {
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < groups.size(); i++) {
                columns.append(", ").append(groups.get(i)).append(" as g").append(i);
            }
            sql = "select * from (select r.id as id, r.occurred_on as occurred_on" + columns
                    + ", row_number() over (partition by " + String.join(", ", groups) + " " + newest + ") as rn "
                    + q.from + ") t where t.rn <= :limit order by t.occurred_on desc, t.id desc";
        }
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new NewestRecord(rs.getLong("id"), rs.getObject("occurred_on", java.time.LocalDate.class),
                        group(rs, groupBy)))
                .list();
    }

    private List<String> columns(String kindCode, List<String> fieldNames) {
        return fieldNames.stream().map(name -> "d." + field(kindCode, name).column()).toList();
    }

    private FieldDef field(String kindCode, String fieldName) {
        RecordKind kind = kinds.get(kindCode);
        return kind.field(fieldName)
                .orElseThrow(() -> new IllegalArgumentException("no field " + fieldName + " in " + kind.code()));
    }

    private FieldDef numeric(String kindCode, String fieldName) {
        FieldDef field = field(kindCode, fieldName);
        if (field.type() != FieldType.INTEGER && field.type() != FieldType.DECIMAL) {
            throw new IllegalArgumentException("not a numeric field of " + kindCode + ": " + fieldName);
        }
        return field;
    }

    private static Map<String, Object> group(java.sql.ResultSet rs, List<String> groupBy) throws java.sql.SQLException {
        Map<String, Object> group = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            group.put(groupBy.get(i), rs.getObject("g" + i));
        }
        return java.util.Collections.unmodifiableMap(group);
    }

    private Query query(DataScope scope, LedgerFigure figure) {
        RecordKind kind = kinds.get(figure.kind());
        String path = units.get(scope, figure.unitId()).getPath();
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind.code());
        params.put("path", LedgerStore.likePrefix(path));
        StringBuilder from = new StringBuilder("from ledger_record r join " + kind.table() + " d on d.record_id = r.id"
                + " where r.kind = :kind and r.deleted_at is null"
                + " and r.org_unit_id in (select u.id from org_unit u where u.path like :path)");
        if (figure.from() != null) {
            from.append(" and r.occurred_on >= :from");
            params.put("from", figure.from());
        }
        if (figure.to() != null) {
            from.append(" and r.occurred_on <= :to");
            params.put("to", figure.to());
        }
        List<String> names = new ArrayList<>(figure.fieldEquals().keySet());
        java.util.Collections.sort(names);
        int i = 0;
        for (String name : names) {
            FieldDef field = kind.field(name)
                    .orElseThrow(() -> new IllegalArgumentException("no field " + name + " in " + kind.code()));
            String param = "f" + i++;
            from.append(" and d.").append(field.column()).append(" = :").append(param);
            params.put(param, typed(field, figure.fieldEquals().get(name)));
        }
        return new Query(from.toString(), params);
    }

    private static Object typed(FieldDef field, Object value) {
        return switch (field.type()) {
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            case ENUM, TEXT, LONG_TEXT -> value.toString();
            case INTEGER, PERSON, RECORD_REF, UNIT -> Long.valueOf(value.toString());
            case DECIMAL -> new BigDecimal(value.toString());
            case DATE -> java.time.LocalDate.parse(value.toString());
        };
    }

    private record Query(String from, Map<String, Object> params) {
    }
}
