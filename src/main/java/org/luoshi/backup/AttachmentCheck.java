package org.luoshi.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.luoshi.evidence.EvidenceStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 附件一致性检查: attachment rows whose file is missing, and files in the evidence store that no row
 * names. It reads the evidence module's table directly — the one system-level exception registered in
 * TableOwnershipTest — because it checks that module's storage against its rows from outside, and the
 * module offers no listing of storage keys.
 */
@Service
public class AttachmentCheck {

    /** At most this many of each kind are named; the counts are always complete. */
    static final int LISTED = 200;
    /** Younger temp files may be uploads in progress. */
    private static final Duration IN_PROGRESS = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final BackupService backups;
    private final Clock clock;

    AttachmentCheck(JdbcTemplate jdbc, BackupService backups, Clock clock) {
        this.jdbc = jdbc;
        this.backups = backups;
        this.clock = clock;
    }

    /** A row whose file is missing. */
    public record MissingFile(long attachmentId, String storageKey, String fileName) {
    }

    public record Result(long rows, long files, long missingCount, List<MissingFile> missing, long strayCount, List<String> stray) {

        public boolean consistent() {
            return missingCount == 0 && strayCount == 0;
        }
    }

    public Result run() {
        EvidenceStore store = backups.evidenceStore();
        // The store is listed once (a bucket answers a listing, not a million single look-ups), then the rows are
        // matched against it. Keys in memory: about 100 bytes each, some 100 MB for a province's million files.
        Map<String, Instant> stored = new HashMap<>();
        try {
            store.forEach(o -> stored.put(o.key(), o.modified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new HashSet<>();
        List<MissingFile> missing = new ArrayList<>();
        long[] rows = {0};
        long[] missingCount = {0};
        jdbc.query("select id, storage_key, file_name from attachment order by id", rs -> {
            rows[0]++;
            String key = rs.getString("storage_key");
            keys.add(key);
            if (!stored.containsKey(key)) {
                missingCount[0]++;
                if (missing.size() < LISTED) {
                    missing.add(new MissingFile(rs.getLong("id"), key, rs.getString("file_name")));
                }
            }
        });
        List<String> stray = new ArrayList<>();
        long files = 0;
        long strayCount = 0;
        Instant recent = clock.instant().minus(IN_PROGRESS);
        for (String key : new TreeSet<>(stored.keySet())) {
            if (keys.contains(key)) {
                files++;
                continue;
            }
            if (key.endsWith(".part") && stored.get(key).isAfter(recent)) {
                continue;
            }
            files++;
            strayCount++;
            if (stray.size() < LISTED) {
                stray.add(key);
            }
        }
        return new Result(rows[0], files, missingCount[0], missing, strayCount, stray);
    }
}
