package org.luoshi.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.luoshi.evidence.EvidenceStore;

/**
 * Restores an archive into an empty instance: a database without tables and an empty evidence
 * store (directory or bucket). Every entry is checked against the manifest's SM3 hashes before anything is written; then
 * the database is loaded with its own tool and the evidence files are put back under their storage keys.
 * The dump carries Flyway's history, so the application started on the restored database migrates on
 * from there.
 */
final class Restore {

    private Restore() {
    }

    /** What was restored. */
    record Restored(DatabaseDump database, int attachments, int auditArchives) {
    }

    static Restored run(Path archive, DatabaseDump.Database target, EvidenceStore attachments, Path auditArchiveDir, String pgBin)
            throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<BackupArchive.Entry> entries = BackupArchive.verify(zip);
            DatabaseDump kind = entries.stream().map(e -> DatabaseDump.ofEntry(e.name())).filter(d -> d != null).findFirst()
                    .orElseThrow(() -> new IOException("the archive holds no database dump"));
            if (kind != DatabaseDump.of(target.url())) {
                throw new IOException("the archive holds a " + kind + " database; the target is " + DatabaseDump.of(target.url()));
            }
            List<String> tables = DatabaseDump.tables(target);
            if (!tables.isEmpty()) {
                throw new IOException("the target database is not empty (" + tables.size() + " tables, e.g. " + tables.get(0)
                        + "): restore only into an empty database");
            }
            if (!attachments.isEmpty()) {
                throw new IOException("the evidence store " + attachments.describe() + " is not empty");
            }
            if (!DatabaseDump.isDirectoryEmpty(auditArchiveDir)) {
                throw new IOException("the audit archive directory " + auditArchiveDir + " is not empty");
            }
            Path dump = Files.createTempFile("luoshi-restore-", ".tmp");
            try {
                try (InputStream in = zip.getInputStream(zip.getEntry(kind.entry))) {
                    Files.copy(in, dump, StandardCopyOption.REPLACE_EXISTING);
                }
                kind.load(target, dump, pgBin);
            } finally {
                Files.deleteIfExists(dump);
            }
            int files = extract(zip, attachments);
            int audits = extract(zip, BackupArchive.AUDIT_ARCHIVES, auditArchiveDir);
            return new Restored(kind, files, audits);
        }
    }

    /** Writes the evidence entries into the store under their storage keys, refusing keys that climb out. */
    private static int extract(ZipFile zip, EvidenceStore store) throws IOException {
        int files = 0;
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
            ZipEntry entry = all.nextElement();
            if (!entry.getName().startsWith(BackupArchive.ATTACHMENTS) || entry.isDirectory()) {
                continue;
            }
            String key = entry.getName().substring(BackupArchive.ATTACHMENTS.length());
            if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || java.util.Arrays.asList(key.split("/")).contains("..")) {
                throw new IOException("entry outside its directory: " + entry.getName());
            }
            try (InputStream in = zip.getInputStream(entry)) {
                store.write(key, in);
            }
            files++;
        }
        return files;
    }

    /** Writes the entries under {@code prefix} into {@code dir}, refusing any that would land outside it. */
    private static int extract(ZipFile zip, String prefix, Path dir) throws IOException {
        int files = 0;
        Path root = dir.toAbsolutePath().normalize();
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
            ZipEntry entry = all.nextElement();
            if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                continue;
            }
            Path file = root.resolve(entry.getName().substring(prefix.length())).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new IOException("entry outside its directory: " + entry.getName());
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, file);
            }
            files++;
        }
        return files;
    }
}
