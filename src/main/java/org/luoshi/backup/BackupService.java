package org.luoshi.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.luoshi.evidence.EvidenceStore;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Writes backup archives ({@link BackupArchive}) into {@code luoshi.backup.dir} and keeps the newest
 * {@code luoshi.backup.keep}. The database is dumped first, then the evidence store is copied:
 * evidence files are written before their row commits and never changed, so every row in the dump finds
 * its file in the archive; a file uploaded meanwhile is at worst an extra file without a row.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    static final Pattern NAME = Pattern.compile("luoshi-backup-\\d{8}-\\d{6}(-\\d+)?\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final DataSourceProperties dataSourceProperties;
    private final BackupSettings settings;
    private final EvidenceStore attachments;
    private final Path auditArchives;
    private final Clock clock;

    BackupService(DataSource dataSource, DataSourceProperties dataSourceProperties, BackupSettings settings,
            EvidenceStore attachments, @Value("${luoshi.audit.archive-dir}") Path auditArchives, Clock clock) {
        // The audit rows pruned from the database live on in these signed files; the chain's anchor in the
        // dump points into them, so they travel with it.
        this.auditArchives = auditArchives;
        this.dataSource = dataSource;
        this.dataSourceProperties = dataSourceProperties;
        this.settings = settings;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** One archive on disk. */
    public record Archive(String name, long size, Instant modified) {
    }

    /** Daily, when {@code luoshi.backup.cron} is set (the prod profile sets it; "-" switches it off). */
    @Scheduled(cron = "${luoshi.backup.cron:-}", zone = "${luoshi.zone}")
    @SchedulerLock(name = "backup", lockAtLeastFor = "${luoshi.jobs.lock-at-least}")
    public void daily() {
        try {
            Path archive = create();
            log.info("Backup written: {}", archive);
        } catch (RuntimeException e) {
            log.error("Scheduled backup failed", e);
        }
    }

    /** Writes a new archive and deletes those beyond the newest {@code keep}; returns the new one. */
    public synchronized Path create() {
        try {
            Files.createDirectories(settings.dir());
            Path temp = Files.createTempFile(settings.dir(), "backup-", ".part");
            Path dump = Files.createTempFile("luoshi-dump-", ".tmp");
            try {
                DatabaseDump kind = DatabaseDump.of(dataSourceProperties.determineUrl());
                Connection c = DataSourceUtils.getConnection(dataSource);
                try {
                    kind.dump(c, database(), dump, settings.pgBin());
                } finally {
                    DataSourceUtils.releaseConnection(c, dataSource);
                }
                Instant now = clock.instant();
                try (OutputStream out = Files.newOutputStream(temp); BackupArchive.Writer zip = new BackupArchive.Writer(out)) {
                    zip.add(kind.entry, dump);
                    for (String key : evidenceKeys()) {
                        Optional<InputStream> in = attachments.open(key);
                        if (in.isEmpty()) {
                            continue; // deleted since it was listed: its row went with it, or rolled back
                        }
                        try (InputStream content = in.get()) {
                            zip.add(BackupArchive.ATTACHMENTS + key, content);
                        }
                    }
                    for (Path file : filesIn(auditArchives)) {
                        zip.add(BackupArchive.AUDIT_ARCHIVES + auditArchives.relativize(file).toString().replace('\\', '/'), file);
                    }
                    zip.finish(kind.name(), now);
                }
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Path target = freeName(LocalDateTime.ofInstant(now, clock.getZone()).format(STAMP));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                prune();
                return target;
            } finally {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("backup into " + settings.dir() + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("backup of the database failed", e);
        }
    }

    /** The archives, newest first. */
    public List<Archive> list() {
        if (!Files.isDirectory(settings.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.dir())) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).map(f -> {
                try {
                    return new Archive(f.getFileName().toString(), Files.size(f), Files.getLastModifiedTime(f).toInstant());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted(Comparator.comparing(Archive::name).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of an archive by its listed name; anything else (paths, other files) is not found. */
    public Optional<Path> file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = settings.dir().resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    void delete(String name) throws IOException {
        Optional<Path> file = file(name);
        if (file.isPresent()) {
            Files.delete(file.get());
        }
    }

    private void prune() throws IOException {
        List<Archive> all = list();
        for (Archive old : all.subList(Math.min(Math.max(settings.keep(), 1), all.size()), all.size())) {
            Files.deleteIfExists(settings.dir().resolve(old.name()));
            log.info("Old backup deleted: {}", old.name());
        }
    }

    private Path freeName(String stamp) {
        Path target = settings.dir().resolve("luoshi-backup-" + stamp + ".zip");
        for (int i = 2; Files.exists(target); i++) {
            target = settings.dir().resolve("luoshi-backup-" + stamp + "-" + i + ".zip");
        }
        return target;
    }

    /** Every stored evidence object's key, in a stable order; upload temp files (.part) are not evidence. */
    List<String> evidenceKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        attachments.forEach(o -> {
            if (!o.key().endsWith(".part")) {
                keys.add(o.key());
            }
        });
        keys.sort(null);
        return keys;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".part")).sorted().toList();
        }
    }

    EvidenceStore evidenceStore() {
        return attachments;
    }

    private DatabaseDump.Database database() {
        return new DatabaseDump.Database(dataSourceProperties.determineUrl(), dataSourceProperties.determineUsername(),
                dataSourceProperties.determinePassword());
    }
}
