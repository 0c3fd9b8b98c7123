package org.luoshi.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The archive: a zip with the database dump, the evidence files under {@code attachments/} (by storage
 * key), the signed audit archives under {@code audit-archive/} and, last, {@code manifest.json} listing every other entry with its size and SM3 hash. A restore
 * checks every entry against the manifest before it writes anything.
 */
final class BackupArchive {

    static final String MANIFEST = "manifest.json";
    static final String ATTACHMENTS = "attachments/";
    static final String AUDIT_ARCHIVES = "audit-archive/";
    static final String FORMAT = "luoshi-backup-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupArchive() {
    }

    /** One entry as the manifest lists it. */
    record Entry(String name, long size, String sm3) {
    }

    /** Writes entries one by one, hashing each as it is written; {@link #finish} adds the manifest. */
    static final class Writer implements AutoCloseable {

        private final ZipOutputStream zip;
        private final List<Entry> entries = new ArrayList<>();

        Writer(OutputStream out) {
            this.zip = new ZipOutputStream(out);
        }

        void add(String name, Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                add(name, in);
            }
        }

        /** Adds an entry from a stream (an evidence object); the caller closes it. */
        void add(String name, InputStream in) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            SM3Digest sm3 = new SM3Digest();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sm3.update(buffer, 0, n);
                    zip.write(buffer, 0, n);
                    size += n;
                }
            }
            zip.closeEntry();
            entries.add(new Entry(name, size, hex(sm3)));
        }

        void finish(String vendor, Instant createdAt) throws IOException {
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("createdAt", createdAt.toString());
            manifest.put("database", vendor);
            manifest.put("entries", entries);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
        }

        List<Entry> entries() {
            return entries;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * Checks every entry of the archive against its manifest: same names, sizes and SM3 hashes, nothing
     * missing and nothing extra. Returns the manifest's entries; throws with the first difference.
     */
    static List<Entry> verify(ZipFile zip) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new IOException("not a Luoshi backup: no " + MANIFEST);
        }
        JsonNode manifest;
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            manifest = JSON.readTree(in);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new IOException("unknown backup format " + manifest.path("format").asText());
        }
        Map<String, Entry> listed = new LinkedHashMap<>();
        for (JsonNode e : manifest.path("entries")) {
            listed.put(e.get("name").asText(), new Entry(e.get("name").asText(), e.get("size").asLong(), e.get("sm3").asText()));
        }
        int seen = 0;
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
            ZipEntry entry = all.nextElement();
            if (entry.getName().equals(MANIFEST)) {
                continue;
            }
            Entry expected = listed.get(entry.getName());
            if (expected == null) {
                throw new IOException("entry not in the manifest: " + entry.getName());
            }
            SM3Digest sm3 = new SM3Digest();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sm3.update(buffer, 0, n);
                    size += n;
                }
            }
            if (size != expected.size() || !hex(sm3).equals(expected.sm3())) {
                throw new IOException("entry differs from the manifest (SM3): " + entry.getName());
            }
            seen++;
        }
        if (seen != listed.size()) {
            throw new IOException("the archive lacks " + (listed.size() - seen) + " entries of its manifest");
        }
        return new ArrayList<>(listed.values());
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
        return hex(sm3);
    }

    private static String hex(SM3Digest sm3) {
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
