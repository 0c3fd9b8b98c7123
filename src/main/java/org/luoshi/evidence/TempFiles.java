package org.luoshi.evidence;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes what a crash left behind: temporary files and directories named {@value #PREFIX}… in
 * java.io.tmpdir (PDF conversions make {@code luoshi-pdf-*} directories, checklist imports
 * {@code luoshi-checklist-*} files, content checks {@code luoshi-check-*}), and half-written
 * uploads ({@code upload-*.part}) beside the attachments. Only what is older than an hour goes, so
 * a conversion running in another instance on the same machine keeps its files.
 */
@Component
class TempFiles {

    /** The start of every temporary file or directory name Luoshi makes in java.io.tmpdir. */
    static final String PREFIX = "luoshi-";
    static final Duration STALE = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

    private final EvidenceStore store;

    TempFiles(EvidenceStore store) {
        this.store = store;
    }

    private static Instant fileSystemNow() {
        try {
            Path probe = Files.createTempFile("luoshi-now-", ".tmp");
            try {
                return Files.getLastModifiedTime(probe).toInstant();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void sweepAtStart() {
        // File times are real times: compare with the file system's own time (a file made now), not with
        // the business clock a demo may pin.
        Instant cutoff = fileSystemNow().minus(STALE);
        // A bucket's uploads wait in java.io.tmpdir (luoshi-upload-*.part), swept with the rest.
        Path attachments = store instanceof DirectoryStore directory ? directory.root() : null;
        int removed = sweep(Path.of(System.getProperty("java.io.tmpdir")), attachments, cutoff);
        if (removed > 0) {
            log.info("Removed {} stale temporary files or directories left by an earlier run", removed);
        }
    }

    /** Removes the stale entries; returns how many top-level entries went. Best effort: what fails stays for the next start. */
    static int sweep(Path tmp, Path attachments, Instant cutoff) {
        int removed = 0;
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().startsWith(PREFIX) && olderThan(entry, cutoff) && delete(entry)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", tmp, e.toString());
        }
        if (attachments != null && Files.isDirectory(attachments)) {
            try (Stream<Path> parts = Files.find(attachments, 3, (p, a) -> a.isRegularFile()
                    && p.getFileName().toString().startsWith("upload-") && p.getFileName().toString().endsWith(".part"))) {
                for (Path part : (Iterable<Path>) parts::iterator) {
                    if (olderThan(part, cutoff) && delete(part)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                log.warn("Could not sweep {}: {}", attachments, e.toString());
            }
        }
        return removed;
    }

    private static boolean olderThan(Path path, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(Path path) {
        try {
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
