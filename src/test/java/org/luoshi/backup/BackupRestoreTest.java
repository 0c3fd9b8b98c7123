package org.luoshi.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luoshi.LuoshiTest;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.EvidenceStore;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15, part 10: a backup restores into an empty instance with every table and every evidence file
 * identical, on the database the suite runs on (H2, or PostgreSQL when LUOSHI_TEST_PG_URL is set: the
 * restore then goes into a database of its own, luoshi_backup_restore); the attachment check finds a
 * missing file and a stray one.
 */
@LuoshiTest
class BackupRestoreTest {

    static final String PG_TARGET = "luoshi_backup_restore";

    @Autowired
    BackupService backups;
    @Autowired
    AttachmentCheck check;
    @Autowired
    AttachmentService attachments;
    @Autowired
    OrgUnitService units;
    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceProperties dataSourceProperties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @org.springframework.beans.factory.annotation.Value("${luoshi.audit.archive-dir}")
    Path auditArchives;
    @Autowired
    UserDetailsService users;
    @Value("${luoshi.evidence.dir}")
    Path evidenceDir;

    @Test
    void aBackupRestoresIntoAnEmptyInstanceWithEveryTableAndFileIdentical(@TempDir Path dir) throws Exception {
        store("backup-evidence.png");
        Path archive = backups.create();
        try {
            Map<String, String> source;
            try (Connection c = dataSource.getConnection()) {
                source = snapshot(c);
            }
            Map<String, String> sourceFiles = files(evidenceDir);

            DatabaseDump.Database target = emptyTarget(dir);
            Path restoredFiles = dir.resolve("attachments");
            Restore.Restored restored = Restore.run(archive, target, EvidenceStore.directory(restoredFiles), dir.resolve("audit-archive"), null);

            assertThat(restored.attachments()).isEqualTo(sourceFiles.size());
            try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password())) {
                Map<String, String> copy = snapshot(c);
                assertThat(copy.keySet()).containsExactlyElementsOf(source.keySet()).contains("audit_event", "attachment",
                        "ledger_record", "flyway_schema_history");
                assertThat(copy).isEqualTo(source);
            }
            assertThat(files(restoredFiles)).isEqualTo(sourceFiles).isNotEmpty();
            assertThat(files(dir.resolve("audit-archive"))).isEqualTo(files(auditArchives));

            // Into a database that is not empty (the source itself), nothing is restored.
            assertThatThrownBy(() -> Restore.run(archive, new DatabaseDump.Database(dataSourceProperties.determineUrl(),
                    dataSourceProperties.determineUsername(), dataSourceProperties.determinePassword()), EvidenceStore.directory(dir.resolve("other")),
                    dir.resolve("other-audit"), null))
                    .hasMessageContaining("not empty");
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    @Test
    void anArchiveThatDiffersFromItsManifestIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        store("tampered-evidence.png");
        Path archive = backups.create();
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream out = Files.newOutputStream(tampered);
                ZipOutputStream copy = new ZipOutputStream(out)) {
            boolean changed = false;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (!changed && e.getName().startsWith(BackupArchive.ATTACHMENTS)) {
                    bytes[bytes.length - 1] ^= 1;
                    changed = true;
                }
                copy.putNextEntry(new ZipEntry(e.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
        } finally {
            Files.deleteIfExists(archive);
        }
        DatabaseDump.Database target = emptyTarget(dir);
        assertThatThrownBy(() -> Restore.run(tampered, target, EvidenceStore.directory(dir.resolve("attachments")), dir.resolve("audit-archive"), null))
                .hasMessageContaining("differs from the manifest");
        assertThat(DatabaseDump.tables(target)).isEmpty();
        assertThat(dir.resolve("attachments")).doesNotExist();
    }

    @Test
    void theAttachmentCheckFindsADeletedFileAndAStrayFile() throws Exception {
        Attachment kept = store("check-evidence.png");
        Path file = evidenceDir.resolve(storageKey(kept));
        byte[] content = Files.readAllBytes(file);
        // The check lists the first 200 stray keys in key order, and other tests' rolled-back uploads leave
        // their files ("2026/12/…") in this shared directory: a name beginning with "0" is listed whatever
        // they number.
        Path stray = evidenceDir.resolve("0-stray-" + UUID.randomUUID() + ".bin");
        long strayBefore = check.run().strayCount();
        Files.write(stray, new byte[] {1, 2, 3});
        Files.delete(file);
        try {
            AttachmentCheck.Result r = check.run();
            assertThat(r.consistent()).isFalse();
            assertThat(r.missing()).extracting(AttachmentCheck.MissingFile::attachmentId).contains(kept.getId());
            assertThat(r.stray()).contains(stray.getFileName().toString());
            assertThat(r.strayCount()).isEqualTo(strayBefore + 1);

            // The same on the admin page.
            mvc.perform(post("/admin/backup/check").with(as(users, "admin")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(stray.getFileName().toString())))
                    .andExpect(content().string(containsString(storageKey(kept))));
        } finally {
            Files.write(file, content);
            Files.deleteIfExists(stray);
        }
        assertThat(check.run().missing()).extracting(AttachmentCheck.MissingFile::attachmentId).doesNotContain(kept.getId());
    }

    @Test
    void onlyAnAdministratorOfTheWholeTreeBacksUpAndEveryDownloadIsAudited() throws Exception {
        mvc.perform(get("/admin/backup").with(as(users, "officer"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/backup").with(as(users, "admin")).with(csrf())).andExpect(status().isFound());
        String name = backups.list().get(0).name();
        try {
            mvc.perform(get("/admin/backup").with(as(users, "admin")))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
            Long before = jdbc.queryForObject("select max(id) from audit_event", Long.class);
            mvc.perform(get("/admin/backup/files/{name}", name).with(as(users, "admin"))).andExpect(status().isOk());
            assertThat(jdbc.queryForList("select username, outcome, status from audit_event where id > ? and event = ?", before,
                    "GET /admin/backup/files/" + name))
                    .containsExactly(Map.of("username", "admin", "outcome", "SUCCESS", "status", 200));
            mvc.perform(get("/admin/backup/files/{name}", "..%2F..%2Fluoshi.mv.db").with(as(users, "admin")))
                    .andExpect(status().is4xxClientError());
        } finally {
            backups.delete(name);
        }
    }

    /** A fresh H2 file database in the temp directory, or on PostgreSQL the database luoshi_backup_restore, recreated empty. */
    private DatabaseDump.Database emptyTarget(Path dir) {
        String url = dataSourceProperties.determineUrl();
        String user = dataSourceProperties.determineUsername();
        String password = dataSourceProperties.determinePassword();
        if (DatabaseDump.of(url) == DatabaseDump.H2) {
            return new DatabaseDump.Database("jdbc:h2:file:" + dir.resolve("restored").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        }
        jdbc.execute("drop database if exists " + PG_TARGET + " with (force)");
        jdbc.execute("create database " + PG_TARGET);
        String base = url.replaceAll("\\?.*", "");
        return new DatabaseDump.Database(base.substring(0, base.lastIndexOf('/') + 1) + PG_TARGET, user, password);
    }

    /** Every table of the public schema → its row count and a digest of its rows taken in sorted order, so that row order does not matter. */
    static Map<String, String> snapshot(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
        }
        Map<String, String> result = new TreeMap<>();
        for (String table : tables) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.append(meta.getColumnName(i).toLowerCase()).append('=')
                                .append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v)).append('\u001f');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> sha.update(r.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            result.put(table, rows.size() + " rows " + HexFormat.of().formatHex(sha.digest()));
        }
        return result;
    }

    /** Every evidence file under {@code root} → its SM3. */
    static Map<String, String> files(Path root) throws Exception {
        Map<String, String> result = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return result;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".part")).toList()) {
                result.put(root.relativize(f).toString(), BackupArchive.sm3(f));
            }
        }
        return result;
    }

    private Attachment store(String name) throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 2, (int) (Math.random() * 0xffffff));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return attachments.store(units.root().orElseThrow().getId(), "admin", name, new ByteArrayInputStream(png.toByteArray()));
    }

    private String storageKey(Attachment a) {
        return jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, a.getId());
    }
}
