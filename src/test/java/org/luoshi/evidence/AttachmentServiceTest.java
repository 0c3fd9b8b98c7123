package org.luoshi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

@LuoshiTest
class AttachmentServiceTest {

    /** A whole 1×1 PNG: content detection decodes it, so it must be valid to the last chunk. */
    static final byte[] PNG = HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154785e636000020000050001061475a30000000049454e44ae426082");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    AttachmentService attachments;

    @Autowired
    OrgUnitService units;

    long unit() {
        return units.root().orElseThrow().getId();
    }

    @Test
    void storesAPhotoWithItsHashAndContentType() throws Exception {
        Attachment stored = attachments.store(unit(), "officer", new MockMultipartFile("file", "签到表.png", "image/png", PNG));
        assertThat(stored.getContentType()).isEqualTo("image/png");
        assertThat(stored.getSizeBytes()).isEqualTo(PNG.length);
        assertThat(stored.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
        assertThat(attachments.download(stored, true).getBody().getContentAsByteArray()).isEqualTo(PNG);
    }

    @Test
    void detectsTheTypeFromContentNotFromTheDeclaredType() {
        Attachment stored = attachments.store(unit(), "officer", new MockMultipartFile("file", "纪要.pdf", "image/png", PDF));
        assertThat(stored.getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void refusesAFileWhoseNameClaimsAnotherType() {
        assertThatThrownBy(() -> attachments.store(unit(), "officer", new MockMultipartFile("file", "照片.jpg", "image/jpeg", PDF)))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("evidence.typeMismatch");
    }

    @Test
    void refusesExecutablesAndPlainText() {
        byte[] elf = HexFormat.of().parseHex("7f454c460201010000000000000000000200");
        assertThatThrownBy(() -> attachments.store(unit(), "officer", new MockMultipartFile("file", "a.pdf", null, elf)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> attachments.store(unit(), "officer",
                new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("evidence.typeNotAccepted");
    }

    @Test
    void refusesEmptyFiles() {
        assertThatThrownBy(() -> attachments.store(unit(), "officer", new MockMultipartFile("file", "a.png", null, new byte[0])))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("evidence.empty");
    }

    @Test
    void acceptsAWordDocument() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Attachment stored = attachments.store(unit(), "officer", "方案.docx", new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(stored.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }
}
