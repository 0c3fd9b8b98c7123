package org.luoshi.account;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SM3 hash chain over the audit trail. Every row stores {@code hash = SM3(prev_hash ‖ canonical row)}
 * with {@code prev_hash} the hash of the row before it, so editing a row, deleting one in the middle, or
 * dropping the newest ones breaks a link that {@link #verify()} names.
 * <p>
 * Appends lock the single row of {@code audit_chain} ({@code select … for update}, the same on H2 and
 * PostgreSQL), take the next id from it and move it forward in the same transaction: the chain stays one
 * line across threads and instances. Plain JDBC, not JPA, because the id and the hash must be fixed
 * before the insert and the stored timestamp must be exactly the hashed one.
 */
@Service
class AuditChain {

    private static final String COLUMNS = "id, occurred_at, username, event, target, outcome, status, detail, remote_addr, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTx;
    private final TransactionTemplate readTx;

    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTx = new TransactionTemplate(transactions);
        // Its own transaction: a write that fails and rolls back is still recorded as failed.
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTx.setReadOnly(true);
    }

    /** One row as hashed and stored. */
    record Row(long id, Instant occurredAt, String username, String event, String target, String outcome, Integer status,
            String detail, String remoteAddr, String prevHash, String hash) {

        /** The row's own hash from its predecessor's hash and its content. */
        String computeHash() {
            return sm3Hex(prevHash, canonical());
        }

        /**
         * Fields in a fixed order, each as its length and UTF-8 bytes (-1 for null), so that no two rows
         * share a byte string. The time is counted in milliseconds, which both databases keep exactly.
         */
        byte[] canonical() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeBytes("luoshi-audit-v1");
                out.writeLong(id);
                out.writeLong(occurredAt.toEpochMilli());
                for (String s : new String[] {username, event, target, outcome, status == null ? null : status.toString(),
                        detail, remoteAddr}) {
                    if (s == null) {
                        out.writeInt(-1);
                    } else {
                        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                        out.writeInt(utf8.length);
                        out.write(utf8);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    /** Appends one event at the end of the chain, in a transaction of its own; returns the stored row. */
    Row append(String username, String event, String target, String outcome, Integer status, String detail,
            String remoteAddr, Instant now) {
        // H2 gives up waiting for a row lock after one second; a burst of appends (40 parallel logins) may
        // queue longer than that, so a timed-out wait is tried again rather than losing the event.
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(username, event, target, outcome, status, detail, remoteAddr, now);
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private Row appendOnce(String username, String event, String target, String outcome, Integer status, String detail,
            String remoteAddr, Instant now) {
        return newTx.execute(s -> {
            Head head = lockHead();
            sealLegacyRows(head);
            head = lockHead();
            long id = Math.max(head.lastId == null ? 0 : head.lastId, head.legacyUntil) + 1;
            Row row = new Row(id, now.truncatedTo(ChronoUnit.MILLIS), truncate(username, 50), truncate(event, 64),
                    truncate(target, 400), outcome, status, truncate(detail, 1000), truncate(remoteAddr, 64), head.lastHash, null);
            row = withHash(row);
            jdbc.update("insert into audit_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.id, java.sql.Timestamp.from(row.occurredAt), row.username, row.event, row.target,
                    row.outcome, row.status, row.detail, row.remoteAddr, row.prevHash, row.hash);
            jdbc.update("update audit_chain set last_id = ?, last_hash = ? where id = 1", row.id, row.hash);
            return row;
        });
    }

    /** The result of a check: intact, or the first row whose link is broken and why. */
    record Verification(boolean intact, long rowsChecked, Long firstBrokenId, Problem problem, Long anchorId, String lastHash) {
    }

    enum Problem {
        /** The row's content no longer gives its hash: the row was edited. */
        CONTENT,
        /** The row does not follow the row before it: a row before it was deleted, inserted or edited. */
        LINK,
        /** The newest rows the chain head knows of are missing or differ: rows at the end were deleted. */
        TAIL
    }

    /**
     * Walks the chain from its anchor (or its start) to the head as it was when the walk began; rows
     * appended meanwhile are left to the next check.
     */
    Verification verify() {
        seal();
        return readTx.execute(s -> {
            Head head = head();
            long[] checked = {0};
            Long[] broken = {null};
            Problem[] problem = {null};
            String[] expected = {head.anchorHash};
            Long[] lastSeen = {head.anchorId};
            long from = head.anchorId == null ? 0 : head.anchorId;
            long to = head.lastId == null ? head.legacyUntil : head.lastId;
            jdbc.query(con -> {
                var ps = con.prepareStatement("select " + COLUMNS + " from audit_event where id > ? and id <= ? order by id");
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.setFetchSize(1000);
                return ps;
            }, rs -> {
                if (broken[0] != null) {
                    return;
                }
                Row row = row(rs);
                checked[0]++;
                if (!Objects.equals(row.prevHash, expected[0])) {
                    broken[0] = row.id;
                    problem[0] = Problem.LINK;
                } else if (!Objects.equals(row.hash, row.computeHash())) {
                    broken[0] = row.id;
                    problem[0] = Problem.CONTENT;
                }
                expected[0] = row.hash;
                lastSeen[0] = row.id;
            });
            if (broken[0] == null && head.lastId != null
                    && (!Objects.equals(lastSeen[0], head.lastId) || !Objects.equals(expected[0], head.lastHash))) {
                broken[0] = head.lastId;
                problem[0] = Problem.TAIL;
            }
            return new Verification(broken[0] == null, checked[0], broken[0], problem[0], head.anchorId, head.lastHash);
        });
    }

    /** Hashes the rows written before the chain existed, once, oldest first. */
    void seal() {
        if (!head().sealed) {
            newTx.executeWithoutResult(s -> sealLegacyRows(lockHead()));
        }
    }

    private void sealLegacyRows(Head head) {
        if (head.sealed) {
            return;
        }
        String[] prev = {null};
        Long[] last = {null};
        jdbc.query("select " + COLUMNS + " from audit_event where id <= ? order by id", rs -> {
            Row row = withHash(withPrev(row(rs), prev[0]));
            jdbc.update("update audit_event set prev_hash = ?, hash = ? where id = ?", row.prevHash, row.hash, row.id);
            prev[0] = row.hash;
            last[0] = row.id;
        }, head.legacyUntil);
        jdbc.update("update audit_chain set sealed = true, last_id = ?, last_hash = ? where id = 1", last[0], prev[0]);
    }

    /**
     * Reads the rows of the chain from its anchor up to {@code upToId} in order, for archiving; the
     * handler sees each row as stored.
     */
    void readFromAnchor(long upToId, java.util.function.Consumer<Row> handler) {
        // In a transaction, so that PostgreSQL streams the rows by the fetch size instead of reading them all.
        readTx.executeWithoutResult(s -> {
            Head head = head();
            jdbc.query(con -> {
                var ps = con.prepareStatement("select " + COLUMNS + " from audit_event where id > ? and id <= ? order by id");
                ps.setLong(1, head.anchorId == null ? 0 : head.anchorId);
                ps.setLong(2, upToId);
                ps.setFetchSize(1000);
                return ps;
            }, rs -> {
                handler.accept(row(rs));
            });
        });
    }

    /** The newest row that occurred before {@code cutoff}, if any is still in the table. */
    Long lastIdBefore(Instant cutoff) {
        return jdbc.queryForObject("select max(id) from audit_event where occurred_at < ?", Long.class,
                java.sql.Timestamp.from(cutoff));
    }

    /**
     * Deletes the rows up to {@code lastId} (already archived) and makes the archived last row the chain's
     * anchor, in one transaction under the head lock: the remaining chain starts from that hash.
     */
    int prune(long lastId, String lastHash, String archiveName) {
        Integer deleted = newTx.execute(s -> {
            Head head = lockHead();
            String stored = jdbc.queryForObject("select hash from audit_event where id = ?", String.class, lastId);
            if (!Objects.equals(stored, lastHash)) {
                throw new IllegalStateException("audit row " + lastId + " changed while it was archived");
            }
            if (postgres()) {
                // the append-only trigger (vendor migration V97) lets this transaction, and only it, delete
                jdbc.queryForObject("select set_config('luoshi.audit_prune', 'on', true)", String.class);
            }
            int n = jdbc.update("delete from audit_event where id > ? and id <= ?", head.anchorId == null ? 0 : head.anchorId, lastId);
            jdbc.update("update audit_chain set anchor_id = ?, anchor_hash = ?, anchor_archive = ? where id = 1",
                    lastId, lastHash, archiveName);
            return n;
        });
        return deleted == null ? 0 : deleted;
    }

    private Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((java.sql.Connection con) -> con.getMetaData().getDatabaseProductName())
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        return postgres;
    }

    Map<String, Object> anchor() {
        return jdbc.queryForMap("select anchor_id, anchor_hash, anchor_archive from audit_chain where id = 1");
    }

    private record Head(long legacyUntil, boolean sealed, Long lastId, String lastHash, Long anchorId, String anchorHash) {
    }

    private Head lockHead() {
        return jdbc.queryForObject("select legacy_until, sealed, last_id, last_hash, anchor_id, anchor_hash from audit_chain"
                + " where id = 1 for update", AuditChain::head);
    }

    private Head head() {
        return jdbc.queryForObject("select legacy_until, sealed, last_id, last_hash, anchor_id, anchor_hash from audit_chain"
                + " where id = 1", AuditChain::head);
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong(1), rs.getBoolean(2), (Long) rs.getObject(3, Long.class), rs.getString(4),
                (Long) rs.getObject(5, Long.class), rs.getString(6));
    }

    static Row row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        return new Row(rs.getLong("id"), at.toInstant(), rs.getString("username"), rs.getString("event"),
                rs.getString("target"), rs.getString("outcome"), rs.getObject("status", Integer.class), rs.getString("detail"),
                rs.getString("remote_addr"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Row withPrev(Row r, String prev) {
        return new Row(r.id, r.occurredAt.truncatedTo(ChronoUnit.MILLIS), r.username, r.event, r.target, r.outcome, r.status,
                r.detail, r.remoteAddr, prev, null);
    }

    private static Row withHash(Row r) {
        return new Row(r.id, r.occurredAt, r.username, r.event, r.target, r.outcome, r.status, r.detail, r.remoteAddr,
                r.prevHash, r.computeHash());
    }

    /** SM3 (GB/T 32905) of the previous hash's bytes (none at the start) followed by {@code content}, in hex. */
    static String sm3Hex(String prevHex, byte[] content) {
        SM3Digest sm3 = new SM3Digest();
        if (prevHex != null) {
            byte[] prev = HexFormat.of().parseHex(prevHex);
            sm3.update(prev, 0, prev.length);
        }
        sm3.update(content, 0, content.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
