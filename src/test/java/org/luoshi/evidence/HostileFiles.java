package org.luoshi.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The files of the upload probe (issue 15, M3), made in the test: each hostile one beside the good
 * ones it imitates. Shared by the content-check unit test and the upload tests through the pages and the API.
 */
public final class HostileFiles {

    /** A name and content, as a browser would send it. */
    public record Upload(String what, String name, byte[] content) {
    }

    private HostileFiles() {
    }

    // ---- good files ----

    public static byte[] jpeg() {
        return image("jpg");
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] pdf() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>");
    }

    public static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("党委会会议纪要");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("签到表").createRow(0).createCell(0).setCellValue("姓名");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- hostile files ----

    public static byte[] randomBytes() {
        byte[] bytes = new byte[4096];
        new Random(15).nextBytes(bytes);
        return bytes;
    }

    /** A zip that is no office document (no [Content_Types].xml). */
    public static byte[] plainZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a document".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A password-protected .xlsx: an OLE container with EncryptionInfo and EncryptedPackage. */
    public static byte[] encryptedOoxml() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("Luoshi@2026");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx())); OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GIF header that is also a JavaScript comment: valid as both. */
    public static byte[] gifJsPolyglot() {
        byte[] head = "GIF89a/*".getBytes(StandardCharsets.ISO_8859_1);
        byte[] rest = {0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x21,
            (byte) 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02,
            0x44, 0x01, 0x00, 0x3b};
        byte[] js = "*/=1;alert(document.domain);".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + rest.length + js.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        System.arraycopy(js, 0, all, head.length + rest.length, js.length);
        return all;
    }

    public static byte[] pdfWithOpenActionJavaScript() {
        return pdf("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>");
    }

    /** The same, the names spelt with #-escapes, which PDF readers decode: "/J#61vaScript" is "/JavaScript". */
    public static byte[] pdfWithEscapedJavaScriptName() {
        return pdf("<< /Type /Catalog /Pages 2 0 R /Open#41ction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> >>");
    }

    /** The catalog, with its /OpenAction, packed in a Flate-compressed object stream (PDF 1.5), where a raw scan does not see it. */
    public static byte[] pdfWithJavaScriptInObjectStream() {
        byte[] packed = deflate("1 0 << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>"
                .getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.5\n3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + packed.length + " >>\nstream\n");
        out.writeBytes(packed);
        write(out, "\nendstream\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return out.toByteArray();
    }

    public static byte[] encryptedPdf() {
        byte[] plain = pdf("<< /Type /Catalog /Pages 2 0 R >>");
        String text = new String(plain, StandardCharsets.ISO_8859_1)
                .replace("<< /Root 1 0 R >>", "<< /Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >> >>");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A photo cut off half-way, as a broken transfer leaves it. */
    public static byte[] truncatedPng() {
        byte[] whole = image("png");
        return Arrays.copyOf(whole, whole.length / 2);
    }

    public static byte[] truncatedJpeg() {
        byte[] whole = image("jpg");
        return Arrays.copyOf(whole, whole.length * 2 / 3);
    }

    /** A right-to-left override: shown as "gnp.exe.jpg"-like text, really a PNG named "gpj\u202Eexe.png". */
    public static final String RTL_NAME = "gpj.\u202Eexe.png";

    // ---- making them ----

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(9);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(160), random.nextInt(120), 30, 20);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] pdf(String catalog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n1 0 obj\n" + catalog + "\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "4 0 obj\n<< /Length 5 0 R >>\nstream\n");
        // a content stream whose bytes happen to spell a name: skipped, because its length adds up
        byte[] data = "BT /JS 12 Tf ET".getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(data);
        write(out, "\nendstream\nendobj\n5 0 obj\n" + data.length + "\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, n);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
