package org.luoshi.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Retention of the audit trail: rows older than {@code luoshi.audit.retention} (180 days by default, the
 * 等保 2.0 minimum is six months) are written to an archive (JSON lines, gzip) with a manifest signed by
 * HMAC-SM3 under {@code luoshi.audit.archive-key}, and only then deleted. The last archived row becomes
 * the chain's anchor, so the rows left in the database still verify, and the archives verify on their
 * own and join up to that anchor. Without a key nothing is pruned: an unsigned archive could be rewritten
 * unnoticed, and keeping rows longer loses nothing.
 */
@Service
class AuditArchive {

    private static final Logger log = LoggerFactory.getLogger(AuditArchive.class);
    private static final String MANIFEST = ".manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditChain chain;
    private final AuditSettings settings;
    private final Clock clock;

    AuditArchive(AuditChain chain, AuditSettings settings, Clock clock) {
        this.chain = chain;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a run did: the archive written (null if none) and how many rows were pruned. */
    record Pruned(Path archive, long rows, String skipped) {
    }

    /** Daily; "-" (as in the tests) switches it off. */
    @Scheduled(cron = "${luoshi.audit.retention-cron:0 40 1 * * *}", zone = "${luoshi.zone}")
    @SchedulerLock(name = "audit-retention", lockAtLeastFor = "${luoshi.jobs.lock-at-least}")
    public void daily() {
        try {
            Pruned p = archiveAndPrune();
            log.info("Audit retention: {} rows archived to {}{}", p.rows(), p.archive(), p.skipped() == null ? "" : " (" + p.skipped() + ")");
        } catch (RuntimeException e) {
            log.error("Audit retention failed; nothing was pruned", e);
        }
    }

    /** Archives and prunes the rows past retention, as of now. */
    Pruned archiveAndPrune() {
        if (!settings.canSign()) {
            log.warn("luoshi.audit.archive-key is not set: audit rows past retention are kept, not archived");
            return new Pruned(null, 0, "no-key");
        }
        chain.seal();
        Instant cutoff = clock.instant().minus(settings.retention());
        Long upTo = chain.lastIdBefore(cutoff);
        Map<String, Object> anchor = chain.anchor();
        Long anchorId = anchor.get("anchor_id") == null ? null : ((Number) anchor.get("anchor_id")).longValue();
        if (upTo == null || (anchorId != null && upTo <= anchorId)) {
            return new Pruned(null, 0, "nothing-due");
        }
        try {
            Files.createDirectories(settings.archiveDir());
            Path temp = Files.createTempFile(settings.archiveDir(), "audit-", ".part");
            Written written;
            try {
                written = write(temp, (String) anchor.get("anchor_hash"), upTo);
                String base = "audit-" + String.format("%012d", written.firstId) + "-" + String.format("%012d", written.lastId);
                Path file = settings.archiveDir().resolve(base + ".jsonl.gz");
                Path manifest = settings.archiveDir().resolve(base + MANIFEST);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                writeManifest(manifest, file, written);
                // Only after both files are on disk: delete, and anchor the chain on the last archived row.
                long deleted = chain.prune(written.lastId, written.lastHash, file.getFileName().toString());
                return new Pruned(file, deleted, null);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit archive in " + settings.archiveDir() + " failed", e);
        }
    }

    private record Written(long firstId, long lastId, String firstPrevHash, String lastHash, long rows) {
    }

    /** Writes the rows from the anchor to {@code upTo}, checking the chain as it goes: tampered rows are not pruned. */
    private Written write(Path temp, String anchorHash, long upTo) throws IOException {
        long[] first = {-1};
        long[] last = {-1};
        long[] rows = {0};
        String[] expected = {anchorHash};
        String[] firstPrev = {null};
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp));
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            chain.readFromAnchor(upTo, row -> {
                if (!Objects.equals(row.prevHash(), expected[0]) || !Objects.equals(row.hash(), row.computeHash())) {
                    throw new IllegalStateException("audit chain broken at row " + row.id() + ": run the verification; nothing pruned");
                }
                if (first[0] < 0) {
                    first[0] = row.id();
                    firstPrev[0] = row.prevHash();
                }
                try {
                    w.write(JSON.writeValueAsString(toJson(row)));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                expected[0] = row.hash();
                last[0] = row.id();
                rows[0]++;
            });
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return new Written(first[0], last[0], firstPrev[0], expected[0], rows[0]);
    }

    private void writeManifest(Path manifest, Path file, Written w) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("rows", w.rows);
        m.put("firstId", w.firstId);
        m.put("lastId", w.lastId);
        m.put("firstPrevHash", w.firstPrevHash);
        m.put("lastHash", w.lastHash);
        m.put("sm3", sm3(file));
        m.put("createdAt", clock.instant().toString());
        m.put("hmacSm3", hmac(signed(m)));
        Path temp = manifest.resolveSibling(manifest.getFileName() + ".part");
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        Files.move(temp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The result of checking the archives: how many, and the first problem found, if any. */
    record ArchiveCheck(int archives, long rows, String problem) {

        boolean intact() {
            return problem == null;
        }
    }

    /**
     * Checks every archive: its manifest's signature, its file's SM3, the chain inside it, that each
     * archive continues the one before, and that the newest ends where the database's chain is anchored.
     */
    ArchiveCheck verifyArchives() {
        Path dir = settings.archiveDir();
        Map<String, Object> anchor = chain.anchor();
        String anchorHash = (String) anchor.get("anchor_hash");
        if (dir == null || !Files.isDirectory(dir)) {
            return new ArchiveCheck(0, 0, anchorHash == null ? null : "archives-missing " + anchor.get("anchor_archive"));
        }
        List<Path> manifests;
        try (Stream<Path> files = Files.list(dir)) {
            manifests = files.filter(f -> f.getFileName().toString().endsWith(MANIFEST)).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String previous = null;
        long rows = 0;
        for (Path manifest : manifests) {
            try {
                JsonNode m = JSON.readTree(manifest.toFile());
                Map<String, Object> fields = new LinkedHashMap<>();
                for (String f : new String[] {"file", "rows", "firstId", "lastId", "firstPrevHash", "lastHash", "sm3", "createdAt"}) {
                    JsonNode v = m.get(f);
                    fields.put(f, v == null || v.isNull() ? null : v.isNumber() ? (Object) v.asLong() : v.asText());
                }
                String name = manifest.getFileName().toString();
                if (settings.canSign() && !hmac(signed(fields)).equals(m.path("hmacSm3").asText())) {
                    return new ArchiveCheck(manifests.size(), rows, "signature " + name);
                }
                Path file = dir.resolve((String) fields.get("file"));
                if (!Files.exists(file) || !sm3(file).equals(fields.get("sm3"))) {
                    return new ArchiveCheck(manifests.size(), rows, "file " + fields.get("file"));
                }
                if (previous != null && !previous.equals(fields.get("firstPrevHash"))) {
                    return new ArchiveCheck(manifests.size(), rows, "gap-before " + fields.get("file"));
                }
                String expected = (String) fields.get("firstPrevHash");
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        AuditChain.Row row = fromJson(JSON.readTree(line));
                        if (!Objects.equals(row.prevHash(), expected) || !Objects.equals(row.hash(), row.computeHash())) {
                            return new ArchiveCheck(manifests.size(), rows, "row " + row.id() + " in " + fields.get("file"));
                        }
                        expected = row.hash();
                        rows++;
                    }
                }
                if (!Objects.equals(expected, fields.get("lastHash"))) {
                    return new ArchiveCheck(manifests.size(), rows, "last-row " + fields.get("file"));
                }
                previous = expected;
            } catch (IOException e) {
                return new ArchiveCheck(manifests.size(), rows, "unreadable " + manifest.getFileName());
            }
        }
        if (anchorHash != null && !anchorHash.equals(previous)) {
            return new ArchiveCheck(manifests.size(), rows, "archives-missing " + anchor.get("anchor_archive"));
        }
        return new ArchiveCheck(manifests.size(), rows, null);
    }

    private static Map<String, Object> toJson(AuditChain.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("occurredAt", r.occurredAt().toString());
        m.put("username", r.username());
        m.put("event", r.event());
        m.put("target", r.target());
        m.put("outcome", r.outcome());
        m.put("status", r.status());
        m.put("detail", r.detail());
        m.put("remoteAddr", r.remoteAddr());
        m.put("prevHash", r.prevHash());
        m.put("hash", r.hash());
        return m;
    }

    private static AuditChain.Row fromJson(JsonNode n) {
        return new AuditChain.Row(n.get("id").asLong(), Instant.parse(n.get("occurredAt").asText()), text(n, "username"),
                text(n, "event"), text(n, "target"), text(n, "outcome"), n.get("status").isNull() ? null : n.get("status").asInt(),
                text(n, "detail"), text(n, "remoteAddr"), text(n, "prevHash"), text(n, "hash"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The manifest's fields, one a line, in a fixed order: what the HMAC covers. */
    private static String signed(Map<String, Object> fields) {
        StringBuilder s = new StringBuilder("luoshi-audit-archive-v1\n");
        for (String f : new String[] {"file", "rows", "firstId", "lastId", "firstPrevHash", "lastHash", "sm3", "createdAt"}) {
            s.append(f).append('=').append(fields.get(f)).append('\n');
        }
        return s.toString();
    }

    private String hmac(String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(settings.archiveKey().getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        mac.update(bytes, 0, bytes.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    static String sm3(Path file) throws IOException {
        SM3Digest sm3 = new SM3Digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sm3.update(buffer, 0, n);
            }
        }
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
