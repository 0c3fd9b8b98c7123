package org.luoshi.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for ledger records. Table and column names come only from {@link RecordKind} definitions;
 * every value is a bound parameter.
 */
@Repository
class LedgerStore {

    static final String COLUMNS = "r.id, r.org_unit_id, r.kind, r.occurred_on, r.occurred_until, r.title, r.notes, r.tags, "
            + "r.recorded_at, r.recorded_by, r.late, r.updated_at, r.updated_by, r.deleted_at, r.deleted_by, r.delete_reason, r.version";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RecordKinds kinds;

    private final org.luoshi.org.OrgUnitService units;

    /** Whether the database is PostgreSQL, where a small subtree's page is read unit by unit (LATERAL). */
    private final boolean postgres;

    LedgerStore(JdbcClient jdbc, NamedParameterJdbcTemplate named, RecordKinds kinds, org.luoshi.org.OrgUnitService units,
            javax.sql.DataSource dataSource) {
        this.units = units;
        this.postgres = isPostgres(dataSource);
        this.jdbc = jdbc;
        this.named = named;
        this.kinds = kinds;
    }

    private static boolean isPostgres(javax.sql.DataSource dataSource) {
        try {
            String product = org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(dataSource,
                    java.sql.DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equalsIgnoreCase(product);
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }

    long insert(RecordKind kind, long unitId, Draft draft, Instant recordedAt, String recordedBy, boolean late) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into ledger_record (org_unit_id, unit_path, kind, occurred_on, occurred_until, title, notes, tags, "
                        + "recorded_at, recorded_by, late, version) values (:unit, :path, :kind, :on, :until, :title, :notes, :tags, "
                        + ":at, :by, :late, 0)")
                .param("unit", unitId).param("path", unitPath(unitId)).param("kind", kind.code())
                .param("on", draft.occurredOn()).param("until", draft.occurredUntil())
                .param("title", draft.title()).param("notes", draft.notes()).param("tags", joinTags(draft.tags()))
                .param("at", ts(recordedAt)).param("by", recordedBy).param("late", late)
                .update(key, "id");
        long id = key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue()
                : ((Number) key.getKeys().get("id")).longValue();
        List<String> columns = new ArrayList<>(List.of("record_id"));
        List<String> params = new ArrayList<>(List.of(":record_id"));
        Map<String, Object> values = new HashMap<>();
        values.put("record_id", id);
        for (FieldDef field : kind.fields()) {
            columns.add(field.column());
            params.add(":" + field.column());
            values.put(field.column(), jdbcValue(field, draft.fields().get(field.name())));
        }
        jdbc.sql("insert into " + kind.table() + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", params) + ")").params(values).update();
        return id;
    }

    /** Updates the common row if its version still matches; false when someone else changed it first. */
    boolean update(RecordKind kind, long id, long version, long unitId, Draft draft, boolean late, Instant at, String by) {
        int rows = jdbc.sql("update ledger_record set org_unit_id = :unit, unit_path = :path, occurred_on = :on, occurred_until = :until, "
                        + "title = :title, notes = :notes, tags = :tags, late = :late, updated_at = :at, updated_by = :by, "
                        + "version = version + 1 where id = :id and version = :version")
                .param("unit", unitId).param("path", unitPath(unitId)).param("on", draft.occurredOn())
                .param("until", draft.occurredUntil()).param("title", draft.title()).param("notes", draft.notes()).param("tags", joinTags(draft.tags()))
                .param("late", late).param("at", ts(at)).param("by", by).param("id", id).param("version", version)
                .update();
        if (rows == 0) {
            return false;
        }
        if (!kind.fields().isEmpty()) {
            Map<String, Object> values = new HashMap<>();
            values.put("record_id", id);
            String sets = kind.fields().stream().map(f -> f.column() + " = :" + f.column()).collect(Collectors.joining(", "));
            for (FieldDef field : kind.fields()) {
                values.put(field.column(), jdbcValue(field, draft.fields().get(field.name())));
            }
            jdbc.sql("update " + kind.table() + " set " + sets + " where record_id = :record_id").params(values).update();
        }
        return true;
    }

    boolean markDeleted(long id, long version, Instant at, String by, String reason) {
        return jdbc.sql("update ledger_record set deleted_at = :at, deleted_by = :by, delete_reason = :reason, "
                        + "version = version + 1 where id = :id and version = :version and deleted_at is null")
                .param("at", ts(at)).param("by", by).param("reason", reason).param("id", id).param("version", version)
                .update() == 1;
    }

    boolean restore(long id, long version, Instant at, String by) {
        return jdbc.sql("update ledger_record set deleted_at = null, deleted_by = null, delete_reason = null, "
                        + "updated_at = :at, updated_by = :by, version = version + 1 "
                        + "where id = :id and version = :version and deleted_at is not null")
                .param("at", ts(at)).param("by", by).param("id", id).param("version", version).update() == 1;
    }

    /** The record with its details and attendance, deleted or not. */
    Optional<LedgerRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ledger_record r where r.id = :id").param("id", id)
                .query(this::mapCommon).optional()
                .map(r -> withDetails(List.of(r)).get(0));
    }

    /** The titles of the records of these ids that exist, deleted or not (one query; none for no ids). */
    Map<Long, String> titles(Collection<Long> ids) {
        Map<Long, String> titles = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            named.query("select id, title from ledger_record where id in (:ids)", Map.of("ids", ids),
                    (java.sql.ResultSet rs) -> {
                        titles.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return titles;
    }

    /**
     * The keys that name a live record of the kind: one query per unit, over the range of the keys'
     * dates, which the (kind, unit, date) index scans directly; dates and titles are matched here.
     * (IN lists of dates or titles are avoided: H2 tests them row by row against every list entry.)
     */
    java.util.Set<NaturalKey> existingKeys(String kind, Collection<NaturalKey> keys) {
        java.util.Set<NaturalKey> found = new java.util.HashSet<>();
        java.util.Set<NaturalKey> wanted = new java.util.HashSet<>(keys);
        Map<Long, LocalDate[]> rangeByUnit = new HashMap<>();
        for (NaturalKey key : keys) {
            LocalDate[] range = rangeByUnit.computeIfAbsent(key.unitId(), u -> new LocalDate[] {key.occurredOn(), key.occurredOn()});
            range[0] = key.occurredOn().isBefore(range[0]) ? key.occurredOn() : range[0];
            range[1] = key.occurredOn().isAfter(range[1]) ? key.occurredOn() : range[1];
        }
        rangeByUnit.forEach((unit, range) -> jdbc.sql("select occurred_on, title from ledger_record where kind = :kind "
                        + "and org_unit_id = :unit and occurred_on between :from and :to and deleted_at is null")
                .param("kind", kind).param("unit", unit).param("from", range[0]).param("to", range[1])
                .query(rs -> {
                    NaturalKey key = new NaturalKey(unit, rs.getObject(1, LocalDate.class), rs.getString(2));
                    if (wanted.contains(key)) {
                        found.add(key);
                    }
                }));
        return found;
    }

    /**
     * Inserts checked records with JDBC batches: the common rows (their generated ids come back in
     * order), then the kind's detail rows, then attendance, each as one batch. The new records' ids, in order.
     */
    long[] insertAll(RecordKind kind, List<Draft> drafts, List<Boolean> late, Instant recordedAt, String recordedBy) {
        if (drafts.isEmpty()) {
            return new long[0];
        }
        MapSqlParameterSource[] common = new MapSqlParameterSource[drafts.size()];
        Map<Long, String> paths = units.paths(drafts.stream().map(Draft::unitId).collect(Collectors.toSet()));
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            common[i] = new MapSqlParameterSource().addValue("unit", draft.unitId())
                    .addValue("path", paths.get(draft.unitId())).addValue("kind", kind.code())
                    .addValue("on", draft.occurredOn()).addValue("until", draft.occurredUntil())
                    .addValue("title", draft.title()).addValue("notes", draft.notes()).addValue("tags", joinTags(draft.tags()))
                    .addValue("at", ts(recordedAt)).addValue("by", recordedBy).addValue("late", late.get(i));
        }
        KeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate("insert into ledger_record (org_unit_id, unit_path, kind, occurred_on, occurred_until, title, "
                + "notes, tags, recorded_at, recorded_by, late, version) values (:unit, :path, :kind, :on, :until, :title, :notes, :tags, "
                + ":at, :by, :late, 0)", common, keys, new String[] {"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != drafts.size()) {
            throw new IllegalStateException("expected " + drafts.size() + " generated ids, got " + generated.size());
        }
        long[] ids = new long[drafts.size()];
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> row = generated.get(i);
            Object id = row.containsKey("id") ? row.get("id") : row.containsKey("ID") ? row.get("ID") : row.values().iterator().next();
            ids[i] = ((Number) id).longValue();
        }
        List<String> columns = new ArrayList<>(List.of("record_id"));
        for (FieldDef field : kind.fields()) {
            columns.add(field.column());
        }
        MapSqlParameterSource[] details = new MapSqlParameterSource[drafts.size()];
        List<MapSqlParameterSource> attendance = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MapSqlParameterSource values = new MapSqlParameterSource("record_id", ids[i]);
            for (FieldDef field : kind.fields()) {
                values.addValue(field.column(), jdbcValue(field, drafts.get(i).fields().get(field.name())));
            }
            details[i] = values;
            for (AttendanceEntry row : drafts.get(i).attendance()) {
                attendance.add(attendanceParams(ids[i], row));
            }
        }
        named.batchUpdate("insert into " + kind.table() + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")", details);
        if (!attendance.isEmpty()) {
            named.batchUpdate(INSERT_ATTENDANCE, attendance.toArray(MapSqlParameterSource[]::new));
        }
        return ids;
    }

    private static final String INSERT_ATTENDANCE = "insert into study_attendance "
            + "(record_id, person_id, status, leave_reason, spoke, notes_submitted) "
            + "values (:record, :person, :status, :reason, :spoke, :notes)";

    private static MapSqlParameterSource attendanceParams(long recordId, AttendanceEntry row) {
        return new MapSqlParameterSource().addValue("record", recordId).addValue("person", row.personId())
                .addValue("status", row.status()).addValue("reason", row.leaveReason()).addValue("spoke", row.spoke())
                .addValue("notes", row.notesSubmitted());
    }

    /** The unit's path, from the org module (the unit exists: the caller has read it in scope). */
    String unitPath(long unitId) {
        return java.util.Objects.requireNonNull(units.paths(List.of(unitId)).get(unitId), "no unit " + unitId);
    }

    /**
     * A unit moved: its records and those of its subtree now lie under the new path. Runs in the
     * moving transaction, so figures never see the old and the new tree mixed.
     */
    @org.springframework.context.event.EventListener
    void unitMoved(org.luoshi.org.OrgUnitMoved moved) {
        jdbc.sql("update ledger_record set unit_path = :to || substring(unit_path, :keep) where unit_path like :from")
                .param("to", moved.newPrefix()).param("keep", moved.oldPrefix().length() + 1)
                .param("from", likePrefix(moved.oldPrefix())).update();
    }

    /** Loads the kind's fields (and attendance for kinds that have it) for the given records, one query per kind. */
    List<LedgerRecord> withDetails(List<LedgerRecord> records) {
        Map<String, List<Long>> idsByKind = records.stream().collect(
                Collectors.groupingBy(LedgerRecord::kind, LinkedHashMap::new, Collectors.mapping(LedgerRecord::id, Collectors.toList())));
        Map<Long, Map<String, Object>> fields = new HashMap<>();
        Map<Long, List<AttendanceEntry>> attendance = new HashMap<>();
        for (var entry : idsByKind.entrySet()) {
            Optional<RecordKind> kind = kinds.find(entry.getKey());
            if (kind.isEmpty()) {
                continue;
            }
            RecordKind k = kind.get();
            String cols = k.fields().stream().map(FieldDef::column).collect(Collectors.joining(", "));
            jdbc.sql("select record_id" + (cols.isEmpty() ? "" : ", " + cols) + " from " + k.table()
                            + " where record_id in (:ids)").param("ids", entry.getValue())
                    .query(rs -> {
                        Map<String, Object> values = new LinkedHashMap<>();
                        for (FieldDef field : k.fields()) {
                            values.put(field.name(), read(rs, field));
                        }
                        fields.put(rs.getLong("record_id"), values);
                    });
            if (k.hasAttendance()) {
                jdbc.sql("select record_id, person_id, status, leave_reason, spoke, notes_submitted from study_attendance "
                                + "where record_id in (:ids) order by id").param("ids", entry.getValue())
                        .query(rs -> {
                            attendance.computeIfAbsent(rs.getLong("record_id"), x -> new ArrayList<>()).add(
                                    new AttendanceEntry(rs.getLong("person_id"), rs.getString("status"),
                                            rs.getString("leave_reason"), rs.getBoolean("spoke"), rs.getBoolean("notes_submitted")));
                        });
            }
        }
        return records.stream().map(r -> r.withDetails(fields.getOrDefault(r.id(), Map.of()),
                attendance.getOrDefault(r.id(), List.of()))).toList();
    }

    void replaceAttendance(long recordId, List<AttendanceEntry> rows) {
        jdbc.sql("delete from study_attendance where record_id = :id").param("id", recordId).update();
        for (AttendanceEntry row : rows) {
            named.update(INSERT_ATTENDANCE, attendanceParams(recordId, row));
        }
    }

    // ---- revisions ----

    void addRevision(long recordId, Instant at, String by, String action, String reason, String snapshot) {
        int next = jdbc.sql("select coalesce(max(revision), 0) + 1 from ledger_revision where record_id = :id")
                .param("id", recordId).query(Integer.class).single();
        jdbc.sql("insert into ledger_revision (record_id, revision, changed_at, changed_by, action, reason, snapshot) "
                        + "values (:id, :rev, :at, :by, :action, :reason, :snapshot)")
                .param("id", recordId).param("rev", next).param("at", ts(at)).param("by", by).param("action", action)
                .param("reason", reason).param("snapshot", snapshot).update();
    }

    List<RevisionRow> revisions(long recordId) {
        return jdbc.sql("select revision, changed_at, changed_by, action, reason, snapshot from ledger_revision "
                        + "where record_id = :id order by revision").param("id", recordId)
                .query((rs, n) -> new RevisionRow(rs.getInt("revision"), instant(rs, "changed_at"), rs.getString("changed_by"),
                        rs.getString("action"), rs.getString("reason"), rs.getString("snapshot")))
                .list();
    }

    record RevisionRow(int revision, Instant changedAt, String changedBy, String action, String reason, String snapshot) {
    }

    // ---- attachments ----

    void attach(long recordId, long attachmentId, Instant at, String by) {
        jdbc.sql("insert into ledger_attachment (record_id, attachment_id, attached_at, attached_by) values (:r, :a, :at, :by)")
                .param("r", recordId).param("a", attachmentId).param("at", ts(at)).param("by", by).update();
    }

    boolean detach(long recordId, long attachmentId) {
        return jdbc.sql("delete from ledger_attachment where record_id = :r and attachment_id = :a")
                .param("r", recordId).param("a", attachmentId).update() == 1;
    }

    List<Long> attachmentIds(long recordId) {
        return jdbc.sql("select attachment_id from ledger_attachment where record_id = :r order by attached_at, attachment_id")
                .param("r", recordId).query(Long.class).list();
    }

    Optional<Long> recordOfAttachment(long attachmentId) {
        return jdbc.sql("select record_id from ledger_attachment where attachment_id = :a").param("a", attachmentId)
                .query(Long.class).optional();
    }

    // ---- lists ----

    /**
     * The SQL of one keyset page: the filters, then "after the cursor" in (occurred_on desc, id desc)
     * order, and LIMIT. Never OFFSET, so a deep page costs what the first one does: the redundant
     * "occurred_on &lt;= cursor" is a bound an index on the date can start from (the OR alone is not).
     * On PostgreSQL the partial index (occurred_on, id, unit_path) of undeleted records, or (kind,
     * occurred_on, id, unit_path) with a kind, gives this order directly, and a large subtree (a county, a
     * city, the province) is a range of unit_path checked on its entries: a county of 1/75 of the records
     * reads about 75 index entries, and one table row, per row shown.
     */
    static String pageSql(RecordFilter filter, Cursor cursor, boolean deleted) {
        return "select " + COLUMNS + " from ledger_record r where " + where(filter, deleted) + after(cursor)
                + " order by r.occurred_on desc, r.id desc limit :limit";
    }

    private static String after(Cursor cursor) {
        return cursor == null ? ""
                : " and r.occurred_on <= :cursor_on and (r.occurred_on < :cursor_on or (r.occurred_on = :cursor_on and r.id < :cursor_id))";
    }

    /**
     * The SQL of one keyset page over a few units (a township and its villages) on PostgreSQL: the
     * newest {@code limit} rows of each unit, each read backwards along the (org_unit_id, occurred_on, id)
     * or (kind, org_unit_id, occurred_on, id) index, then merged. Its cost is units × page, whatever the
     * size of the ledger; by date a township of 1/1,500 of the province reads 1,500 index entries per
     * row shown, and a filter that matches little in the township reads far more. The units' ids come as one array literal parameter.
     */
    static String unitsPageSql(RecordFilter filter, Cursor cursor, boolean deleted) {
        return "select " + COLUMNS + " from unnest(cast(:unit_ids as bigint[])) as u(id) cross join lateral ("
                + "select * from ledger_record r where " + where(filter, deleted, "r.org_unit_id = u.id") + after(cursor)
                + " order by r.occurred_on desc, r.id desc limit :limit) r order by r.occurred_on desc, r.id desc limit :limit";
    }

    /**
     * One keyset page. {@code units} are the ids of the subtree's units when it is small (else null):
     * on PostgreSQL such a page is read unit by unit ({@link #unitsPageSql}), text searches included. The
     * unit-by-unit read costs at most the township's own records; left to the planner, a search matching
     * nothing in the township walked the whole ledger's date index (1.5 s at 10 M records) and a common
     * word took every match of the province from the trigram index.
     */
    List<LedgerRecord> page(String scopePath, List<Long> units, RecordFilter filter, Cursor cursor, int limit, boolean deleted) {
        Map<String, Object> params = params(scopePath, filter);
        if (cursor != null) {
            params.put("cursor_on", cursor.occurredOn());
            params.put("cursor_id", cursor.id());
        }
        params.put("limit", limit);
        boolean byUnit = units != null && postgres;
        if (byUnit) {
            params.put("unit_ids", units.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
        }
        return jdbc.sql(byUnit ? unitsPageSql(filter, cursor, deleted) : pageSql(filter, cursor, deleted)).params(params)
                .query(this::mapCommon).list();
    }

    /** Ids of the units of a subtree that hold records (deleted ones too), in tree (path) order. */
    List<Long> unitIdsUnder(String path) {
        return jdbc.sql("select distinct r.unit_path, r.org_unit_id from ledger_record r where r.unit_path like :path "
                        + "order by r.unit_path").param("path", likePrefix(path))
                .query((rs, n) -> rs.getLong(2)).list();
    }

    /** The oldest and newest occurred_on of one unit's records of the filter, or null when there are none. */
    LocalDate[] dateRange(long unitId, RecordFilter filter) {
        LocalDate[] range = new LocalDate[2];
        Map<String, Object> params = params("", filter);
        params.put("unit", unitId);
        jdbc.sql("select min(r.occurred_on), max(r.occurred_on) from ledger_record r where " + where(filter, false, UNIT_EQUALS))
                .params(params)
                .query(rs -> {
                    range[0] = rs.getObject(1, LocalDate.class);
                    range[1] = rs.getObject(2, LocalDate.class);
                });
        return range[0] == null ? null : range;
    }

    /**
     * A keyset page of ONE unit's records (not its subtree), newest first. The redundant
     * "occurred_on &lt;= cursor" lets the index bound the scan.
     */
    List<LedgerRecord> unitPage(long unitId, RecordFilter filter, Cursor cursor, int limit) {
        Map<String, Object> params = params("", filter);
        params.put("unit", unitId);
        params.put("limit", limit);
        String sql = "select " + COLUMNS + " from ledger_record r where " + where(filter, false, UNIT_EQUALS);
        if (cursor != null) {
            sql += " and r.occurred_on <= :cursor_on and (r.occurred_on < :cursor_on or (r.occurred_on = :cursor_on and r.id < :cursor_id))";
            params.put("cursor_on", cursor.occurredOn());
            params.put("cursor_id", cursor.id());
        }
        return jdbc.sql(sql + " order by r.occurred_on desc, r.id desc limit :limit").params(params).query(this::mapCommon).list();
    }

    private static final String UNIT_EQUALS = "r.org_unit_id = :unit";
    private static final String UNIT_SUBTREE = "r.unit_path like :path";

    /**
     * Records per kind for the filter (its kind ignored), each counted only up to {@code cap + 1}: one
     * statement of one LIMITed sub-select per kind, each read along an index of its kind, so that a
     * province's list costs at most kinds × cap rows instead of a count of the whole ledger. A count
     * above {@code cap} means "more than cap".
     */
    Map<String, Long> countsByKind(String scopePath, RecordFilter filter, List<String> kindCodes, int cap) {
        RecordFilter anyKind = filter.withKind(null);
        Map<String, Object> params = params(scopePath, anyKind);
        params.put("cap", cap + 1);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < kindCodes.size(); i++) {
            params.put("k" + i, kindCodes.get(i));
            parts.add("select cast(:k" + i + " as varchar(32)) as kind, (select count(*) from (select 1 as one from ledger_record r where "
                    + where(anyKind, false) + " and r.kind = :k" + i + " limit :cap) c" + i + ") as n");
        }
        Map<String, Long> counts = new HashMap<>();
        if (parts.isEmpty()) {
            return counts;
        }
        jdbc.sql(String.join(" union all ", parts)).params(params)
                .query(rs -> {
                    counts.put(rs.getString("kind"), rs.getLong("n"));
                });
        return counts;
    }

    /** Text in title or notes: lower(title) and lower(notes) are the expressions of the trigram indexes (V70, PostgreSQL). */
    static final String TEXT_MATCH = "(lower(r.title) like :q escape '!' or lower(r.notes) like :q escape '!')";

    /**
     * Text of one or two characters (common in Chinese: 宣讲, 舆情) has no trigram: a trigram index would be
     * read whole (7 s for a 2-character word at 3 M records). position() is the same test in a form no
     * trigram index matches, so the planner reads the subtree along the date instead.
     */
    static final String SHORT_TEXT_MATCH = "(position(:qtext in lower(r.title)) > 0 or position(:qtext in lower(r.notes)) > 0)";

    static boolean isShort(String q) {
        String t = q.trim();
        return t.codePointCount(0, t.length()) < 3;
    }

    private static boolean hasText(RecordFilter filter) {
        return filter.q() != null && !filter.q().isBlank();
    }

    private static String where(RecordFilter filter, boolean deleted) {
        return where(filter, deleted, UNIT_SUBTREE);
    }

    private static String where(RecordFilter filter, boolean deleted, String unitCondition) {
        StringBuilder sql = new StringBuilder(deleted ? "r.deleted_at is not null" : "r.deleted_at is null");
        sql.append(" and ").append(unitCondition);
        if (filter.kind() != null) {
            sql.append(" and r.kind = :kind");
        }
        if (filter.from() != null) {
            sql.append(" and r.occurred_on >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and r.occurred_on <= :to");
        }
        if (hasText(filter)) {
            sql.append(" and ").append(isShort(filter.q()) ? SHORT_TEXT_MATCH : TEXT_MATCH);
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and r.tags like :tag escape '!'");
        }
        if (filter.lateOnly()) {
            sql.append(" and r.late = true");
        }
        if (filter.openOnly()) {
            // 未办结: a 舆情 case without the date it was closed
            sql.append(" and r.kind = 'OPINION_CASE' and exists (select 1 from ledger_opinion_case o"
                    + " where o.record_id = r.id and o.closed_on is null)");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(String scopePath, RecordFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("path", likePrefix(scopePath));
        if (filter.kind() != null) {
            params.put("kind", filter.kind());
        }
        if (filter.from() != null) {
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            params.put("to", filter.to());
        }
        if (hasText(filter)) {
            if (isShort(filter.q())) {
                params.put("qtext", filter.q().trim().toLowerCase());
            } else {
                params.put("q", "%" + escapeLike(filter.q().trim().toLowerCase()) + "%");
            }
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            params.put("tag", "%," + escapeLike(filter.tag().trim()) + ",%");
        }
        return params;
    }

    /** Paths hold only digits and slashes, so they need no escaping. */
    static String likePrefix(String path) {
        return path + "%";
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    // ---- mapping ----

    LedgerRecord mapCommon(ResultSet rs, int n) throws SQLException {
        return new LedgerRecord(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("kind"),
                rs.getObject("occurred_on", LocalDate.class), rs.getObject("occurred_until", LocalDate.class),
                rs.getString("title"), rs.getString("notes"), splitTags(rs.getString("tags")),
                instant(rs, "recorded_at"), rs.getString("recorded_by"), rs.getBoolean("late"),
                instant(rs, "updated_at"), rs.getString("updated_by"), instant(rs, "deleted_at"), rs.getString("deleted_by"),
                rs.getString("delete_reason"), rs.getLong("version"), Map.of(), List.of());
    }

    private static Object read(ResultSet rs, FieldDef field) throws SQLException {
        String column = field.column();
        return switch (field.type()) {
            case TEXT, LONG_TEXT, ENUM -> rs.getString(column);
            // The PostgreSQL driver converts int4 only to Integer, so widen here.
            case INTEGER, PERSON, RECORD_REF, UNIT -> rs.getObject(column) instanceof Number n ? Long.valueOf(n.longValue()) : null;
            case DECIMAL -> rs.getObject(column, BigDecimal.class);
            case DATE -> rs.getObject(column, LocalDate.class);
            case BOOLEAN -> rs.getObject(column, Boolean.class);
        };
    }

    private static Object jdbcValue(FieldDef field, Object value) {
        if (value == null && field.type() == FieldType.BOOLEAN) {
            return Boolean.FALSE;
        }
        if (value instanceof Long l && field.type() == FieldType.INTEGER) {
            return Math.toIntExact(l);
        }
        return value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String joinTags(Collection<String> tags) {
        return tags == null || tags.isEmpty() ? null : "," + String.join(",", tags) + ",";
    }

    static List<String> splitTags(String tags) {
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).filter(t -> !t.isBlank()).toList();
    }
}
