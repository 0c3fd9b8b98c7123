package org.luoshi.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
        return jdbc.sql("select count(distinct r.id) as sessions, count(a.id) as listed, "
                        + "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0) as present "
                        + q.from.replaceFirst(" where ", " left join study_attendance a on a.record_id = r.id where "))
                .params(q.params)
                .query((rs, n) -> new AttendanceFigure(rs.getLong("sessions"), rs.getLong("listed"), rs.getLong("present")))
                .single();
    }

    /** Attendance rows marked as having spoken (交流发言人次) over the matching records of a kind with attendance. */
    public long spoke(DataScope scope, LedgerFigure figure) {
        Query q = query(scope, figure);
        return jdbc.sql("select count(a.id) "
                        + q.from.replaceFirst(" where ", " join study_attendance a on a.record_id = r.id where ") + " and a.spoke = true")
                .params(q.params).query(Long.class).single();
    }

    /** The ids of the records behind a figure, newest first, at most {@code limit}. */
    public List<Long> recordIds(DataScope scope, LedgerFigure figure, int limit) {
        Query q = query(scope, figure);
        Map<String, Object> params = new HashMap<>(q.params);
        params.put("limit", limit);
        return jdbc.sql("select r.id " + q.from + " order by r.occurred_on desc, r.id desc limit :limit").params(params)
                .query(Long.class).list();
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
