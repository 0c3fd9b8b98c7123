package org.luoshi.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.luoshi.org.OrgUnitMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly rollups of the ledger (table {@code ledger_rollup}): per unit × kind × sub-kind × month,
 * the number of live records and the sums the figures add up (every numeric field of the kind, and
 * for kinds with attendance the rows listed, present and speaking). {@link LedgerService} calls
 * {@link #add} in the transaction of every write, so the rollups change exactly when the records do;
 * {@link #rebuild} recomputes them from the records, for data loaded around the application.
 *
 * <p>A record's share is read back from its own rows by the same joins as {@link LedgerStatistics}
 * (record, detail row, attendance), so that a rollup and the raw figure cannot disagree on what a
 * record contributes. Deltas are added with an upsert, which is safe against concurrent writers of
 * the same cell: the database serialises the additions on the row.
 */
@Repository
class LedgerRollups {

    static final String RECORDS = "@records";
    static final String LISTED = "@listed";
    static final String PRESENT = "@present";
    static final String SPOKE = "@spoke";

    private static final Logger log = LoggerFactory.getLogger(LedgerRollups.class);
    /** Ids per IN list when reading the records' shares. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RecordKinds kinds;
    private final Clock clock;
    private final boolean postgres;

    LedgerRollups(JdbcClient jdbc, NamedParameterJdbcTemplate named, RecordKinds kinds, Clock clock, DataSource dataSource)
            throws SQLException {
        this.jdbc = jdbc;
        this.named = named;
        this.kinds = kinds;
        this.clock = clock;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    /** The month key of a rollup row: year * 100 + month. */
    static String monthKey(String dateColumn) {
        return "(extract(year from " + dateColumn + ") * 100 + extract(month from " + dateColumn + "))";
    }

    /** The sub-kind of a record as the rollup keys it ('' for a kind without one). */
    private static String subKind(RecordKind kind) {
        return kind.subKind().map(f -> "coalesce(d." + f.column() + ", '')").orElse("''");
    }

    private static List<FieldDef> numericFields(RecordKind kind) {
        return kind.fields().stream().filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL).toList();
    }

    private static String key(RecordKind kind) {
        return "r.org_unit_id, r.unit_path, " + subKind(kind) + ", " + monthKey("r.occurred_on");
    }

    /** {@link #key} as a GROUP BY list: PostgreSQL refuses the constant '' of a kind without sub-kinds there. */
    private static String groupBy(RecordKind kind) {
        return "r.org_unit_id, r.unit_path, " + kind.subKind().map(f -> "coalesce(d." + f.column() + ", ''), ").orElse("")
                + monthKey("r.occurred_on");
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the share of these records of the kind, whatever their
     * deleted flag: the caller adds a record after it has been written or restored and takes it away
     * before it is changed or deleted.
     */
    void add(RecordKind kind, Collection<Long> ids, int sign) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Cell, BigDecimal> deltas = new LinkedHashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            read(kind, chunk, deltas);
        }
        List<MapSqlParameterSource> rows = new ArrayList<>();
        deltas.forEach((cell, value) -> {
            if (value.signum() != 0) {
                rows.add(new MapSqlParameterSource().addValue("unit", cell.unitId()).addValue("path", cell.unitPath())
                        .addValue("kind", kind.code()).addValue("sub", cell.subKind()).addValue("month", cell.month())
                        .addValue("measure", cell.measure()).addValue("total", sign < 0 ? value.negate() : value));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        named.batchUpdate(postgres ? UPSERT_POSTGRES : UPSERT_H2, rows.toArray(MapSqlParameterSource[]::new));
        // a cell whose records are all gone leaves no row, so a rollup holds only what the ledger holds
        jdbc.sql("delete from ledger_rollup where kind = :kind and org_unit_id in (:units) and total = 0")
                .param("kind", kind.code()).param("units", deltas.keySet().stream().map(Cell::unitId).distinct().toList())
                .update();
    }

    private void read(RecordKind kind, List<Long> ids, Map<Cell, BigDecimal> deltas) {
        List<FieldDef> numeric = numericFields(kind);
        StringBuilder select = new StringBuilder("select ").append(key(kind)).append(", count(*)");
        numeric.forEach(f -> select.append(", coalesce(sum(d.").append(f.column()).append("), 0)"));
        String from = " from ledger_record r join " + kind.table() + " d on d.record_id = r.id";
        String where = " where r.kind = :kind and r.id in (:ids) group by " + groupBy(kind);
        jdbc.sql(select + from + where).param("kind", kind.code()).param("ids", ids).query(rs -> {
            Cell cell = new Cell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), RECORDS);
            deltas.merge(cell, BigDecimal.valueOf(rs.getLong(5)), BigDecimal::add);
            for (int i = 0; i < numeric.size(); i++) {
                deltas.merge(cell.of(numeric.get(i).name()), rs.getBigDecimal(6 + i), BigDecimal::add);
            }
        });
        if (kind.hasAttendance()) {
            jdbc.sql("select " + key(kind) + ATTENDANCE + from + " join study_attendance a on a.record_id = r.id" + where)
                    .param("kind", kind.code()).param("ids", ids).query(rs -> {
                        Cell cell = new Cell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), LISTED);
                        deltas.merge(cell, BigDecimal.valueOf(rs.getLong(5)), BigDecimal::add);
                        deltas.merge(cell.of(PRESENT), BigDecimal.valueOf(rs.getLong(6)), BigDecimal::add);
                        deltas.merge(cell.of(SPOKE), BigDecimal.valueOf(rs.getLong(7)), BigDecimal::add);
                    });
        }
    }

    private static final String ATTENDANCE = ", count(a.id), coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0), "
            + "coalesce(sum(case when a.spoke = true then 1 else 0 end), 0)";

    private static final String UPSERT_POSTGRES = "insert into ledger_rollup (org_unit_id, unit_path, kind, sub_kind, month_key, "
            + "measure, total) values (:unit, :path, :kind, :sub, :month, :measure, :total) "
            + "on conflict (org_unit_id, kind, sub_kind, month_key, measure) "
            + "do update set total = ledger_rollup.total + excluded.total, unit_path = excluded.unit_path";

    // H2 has no ON CONFLICT ... DO UPDATE; its MERGE adds under the table lock of an embedded database
    private static final String UPSERT_H2 = "merge into ledger_rollup t using (select cast(:unit as bigint) as org_unit_id, "
            + "cast(:path as varchar(255)) as unit_path, cast(:kind as varchar(32)) as kind, cast(:sub as varchar(64)) as sub_kind, "
            + "cast(:month as integer) as month_key, cast(:measure as varchar(64)) as measure, "
            + "cast(:total as numeric(20, 4)) as total) s "
            + "on t.org_unit_id = s.org_unit_id and t.kind = s.kind and t.sub_kind = s.sub_kind and t.month_key = s.month_key "
            + "and t.measure = s.measure "
            + "when matched then update set total = t.total + s.total, unit_path = s.unit_path "
            + "when not matched then insert (org_unit_id, unit_path, kind, sub_kind, month_key, measure, total) "
            + "values (s.org_unit_id, s.unit_path, s.kind, s.sub_kind, s.month_key, s.measure, s.total)";

    private record Cell(long unitId, String unitPath, String subKind, int month, String measure) {

        Cell of(String otherMeasure) {
            return new Cell(unitId, unitPath, subKind, month, otherMeasure);
        }
    }

    /**
     * A unit moved: its rollups follow its records (see {@code LedgerStore.unitMoved}) in the moving
     * transaction. What a unit aggregates does not change, only where it lies.
     */
    @EventListener
    void unitMoved(OrgUnitMoved moved) {
        jdbc.sql("update ledger_rollup set unit_path = :to || substring(unit_path, :keep) where unit_path like :from")
                .param("to", moved.newPrefix()).param("keep", moved.oldPrefix().length() + 1)
                .param("from", LedgerStore.likePrefix(moved.oldPrefix())).update();
    }

    /** When the rollups were last rebuilt from the records, and by whom; empty before the first build. */
    Optional<Rebuilt> rebuilt() {
        return jdbc.sql("select rebuilt_at, rebuilt_by from ledger_rollup_state where id = 1")
                .query((rs, n) -> {
                    Instant at = LedgerStore.instant(rs, "rebuilt_at");
                    return at == null ? null : new Rebuilt(at, rs.getString("rebuilt_by"));
                }).optional();
    }

    record Rebuilt(Instant at, String by) {
    }

    /**
     * Recomputes every rollup from the live records, in one transaction: for records loaded by SQL
     * (a migration from another system, a benchmark), or to check the maintained ones. On PostgreSQL
     * writers wait for it (a table lock on the rollups only), so that no write falls between the
     * recount and its own addition. The number of rollup rows written.
     */
    @Transactional
    public long rebuild(String by) {
        if (postgres) {
            jdbc.sql("lock table ledger_rollup in share row exclusive mode").update();
        }
        jdbc.sql("delete from ledger_rollup").update();
        long rows = 0;
        for (RecordKind kind : kinds.all()) {
            String from = " from ledger_record r join " + kind.table() + " d on d.record_id = r.id";
            String where = " where r.kind = :kind and r.deleted_at is null group by " + groupBy(kind);
            String insert = "insert into ledger_rollup (org_unit_id, unit_path, sub_kind, month_key, kind, measure, total) select "
                    + key(kind) + ", :kind, ";
            rows += jdbc.sql(insert + "'" + RECORDS + "', count(*)" + from + where).param("kind", kind.code()).update();
            for (FieldDef f : numericFields(kind)) {
                rows += jdbc.sql(insert + ":measure, sum(d." + f.column() + ")" + from + where
                                + " having sum(d." + f.column() + ") <> 0")
                        .param("kind", kind.code()).param("measure", f.name()).update();
            }
            if (kind.hasAttendance()) {
                String joined = from + " join study_attendance a on a.record_id = r.id" + where;
                rows += jdbc.sql(insert + "'" + LISTED + "', count(a.id)" + joined).param("kind", kind.code()).update();
                rows += jdbc.sql(insert + "'" + PRESENT + "', sum(case when a.status = 'PRESENT' then 1 else 0 end)" + joined
                        + " having sum(case when a.status = 'PRESENT' then 1 else 0 end) <> 0").param("kind", kind.code()).update();
                rows += jdbc.sql(insert + "'" + SPOKE + "', sum(case when a.spoke = true then 1 else 0 end)" + joined
                        + " having sum(case when a.spoke = true then 1 else 0 end) <> 0").param("kind", kind.code()).update();
            }
        }
        jdbc.sql("update ledger_rollup_state set rebuilt_at = :at, rebuilt_by = :by where id = 1")
                .param("at", LedgerStore.ts(clock.instant())).param("by", by).update();
        log.info("Ledger rollups rebuilt by {}: {} rows", by, rows);
        return rows;
    }

    /**
     * Builds the rollups once, on the first start after they were introduced (records written before
     * then have none). The state row is locked first, so that of two instances starting together one
     * builds and the other then finds them built.
     */
    @Transactional
    public boolean buildIfNeverBuilt() {
        boolean never = jdbc.sql("select rebuilt_at from ledger_rollup_state where id = 1 for update")
                .query((rs, n) -> rs.getObject(1) == null).optional().orElse(true);
        if (never) {
            rebuild("start-up");
        }
        return never;
    }
}
