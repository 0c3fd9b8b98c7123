package org.luoshi.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Looks at an uploaded file before any spreadsheet parser does: the kind of container, and for a
 * zip the real (not declared) uncompressed size of every entry and any DOCTYPE in its XML, so that
 * a zip bomb or an XXE attempt is refused with bounded memory and time. Part of the module's API:
 * every .xlsx upload (ledger exchange, checklist import) goes through it.
 */
@Component
public class FileGuard {

    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final long maxUncompressed;

    public FileGuard(@Value("${luoshi.exchange.max-uncompressed-bytes:209715200}") long maxUncompressed) {
        this.maxUncompressed = maxUncompressed;
    }

    /** Refuses the file with an {@link ExchangeFileException} naming the reason (message key in the exchange bundle). */
    public void check(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new ExchangeFileException("exchange.file.empty");
        }
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 8);
            if (n == 8 && startsWith(head, OLE)) {
                throw new ExchangeFileException(oleKind(file));
            }
            if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                throw new ExchangeFileException("exchange.file.notXlsx");
            }
        }
        scanZip(file);
    }

    private void scanZip(Path file) throws IOException {
        long total = 0;
        boolean workbook = false;
        byte[] buffer = new byte[64 * 1024];
        // ZipFile reads the central directory; entries are still unpacked and counted, never trusted by their declared size.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            java.util.Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.equals("xl/workbook.xml")) {
                    workbook = true;
                }
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                byte[] start = new byte[0];
                int n;
                InputStream in = zip.getInputStream(entry);
                while ((n = in.read(buffer)) > 0) {
                    if (xml && start.length < 2048) {
                        int take = Math.min(n, 2048 - start.length);
                        byte[] joined = new byte[start.length + take];
                        System.arraycopy(start, 0, joined, 0, start.length);
                        System.arraycopy(buffer, 0, joined, start.length, take);
                        start = joined;
                    }
                    total += n;
                    if (total > maxUncompressed) {
                        throw new ExchangeFileException("exchange.file.tooLarge", maxUncompressed / (1024 * 1024));
                    }
                }
                in.close();
                if (xml && new String(start, StandardCharsets.UTF_8).toUpperCase().contains("<!DOCTYPE")) {
                    throw new ExchangeFileException("exchange.file.doctype");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ExchangeFileException("exchange.file.notXlsx");
        }
        if (!workbook) {
            throw new ExchangeFileException("exchange.file.notXlsx");
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * What an OLE compound file is, by the stream names in its directory: a password-protected .xlsx
     * holds "EncryptedPackage", an old .xls a "Workbook" (or "Book", Excel 5/95) stream; anything else
     * (a renamed Word .doc, PowerPoint …) is not a spreadsheet at all. Only the directory is read.
     */
    private static String oleKind(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                return "exchange.file.encrypted";
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book") || root.hasEntry("WORKBOOK") || root.hasEntry("BOOK")) {
                return "exchange.file.xls";
            }
            return "exchange.file.notXlsx";
        } catch (IOException | RuntimeException e) {
            return "exchange.file.notXlsx";
        }
    }
}
