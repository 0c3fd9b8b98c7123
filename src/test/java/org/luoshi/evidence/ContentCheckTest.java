package org.luoshi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luoshi.web.UploadException;
import org.springframework.http.HttpStatus;

/** The one content check, file by file: what the probe of issue 15 (M3) got accepted is refused, good files still pass. */
class ContentCheckTest {

    private final ContentCheck check = new ContentCheck(200L * 1024 * 1024);

    private FileType evidence(String name, byte[] content) {
        return check.check(content, name, FileType.EVIDENCE);
    }

    private void refused(String name, byte[] content, HttpStatus status, String key) {
        assertThatThrownBy(() -> evidence(name, content)).isInstanceOf(UploadException.class)
                .satisfies(e -> {
                    assertThat(((UploadException) e).messageKey()).isEqualTo(key);
                    assertThat(((UploadException) e).status()).isEqualTo(status);
                });
    }

    @Test
    void goodFilesAreTypedByTheirContent() {
        assertThat(evidence("签到表.jpg", HostileFiles.jpeg())).isEqualTo(FileType.JPEG);
        assertThat(evidence("签到表.JPEG", HostileFiles.jpeg())).isEqualTo(FileType.JPEG);
        assertThat(evidence("照片.png", HostileFiles.png())).isEqualTo(FileType.PNG);
        assertThat(evidence("纪要.pdf", HostileFiles.pdf())).isEqualTo(FileType.PDF);
        assertThat(evidence("方案.docx", HostileFiles.docx())).isEqualTo(FileType.DOCX);
        assertThat(evidence("台账.xlsx", HostileFiles.xlsx())).isEqualTo(FileType.XLSX);
    }

    @Test
    void randomBytesNamedPdfAreRefused() {
        refused("会议纪要.pdf", HostileFiles.randomBytes(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
    }

    @Test
    void aZipNamedDocxIsRefused() {
        refused("方案.docx", HostileFiles.plainZip(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
    }

    @Test
    void aWorkbookNamedDocxIsRefusedAsAMismatch() {
        refused("方案.docx", HostileFiles.xlsx(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeMismatch");
    }

    @Test
    void anEncryptedOfficeFileIsRefusedWhateverItsName() {
        refused("台账.xls", HostileFiles.encryptedOoxml(), HttpStatus.BAD_REQUEST, "evidence.encrypted");
        refused("台账.xlsx", HostileFiles.encryptedOoxml(), HttpStatus.BAD_REQUEST, "evidence.encrypted");
    }

    @Test
    void aGifJavaScriptPolyglotIsRefused() {
        refused("照片.gif", HostileFiles.gifJsPolyglot(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
        refused("照片.jpg", HostileFiles.gifJsPolyglot(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
    }

    @Test
    void aPdfWithJavaScriptIsRefusedHoweverItIsWritten() {
        refused("通知.pdf", HostileFiles.pdfWithOpenActionJavaScript(), HttpStatus.BAD_REQUEST, "evidence.activeContent");
        refused("通知.pdf", HostileFiles.pdfWithEscapedJavaScriptName(), HttpStatus.BAD_REQUEST, "evidence.activeContent");
        refused("通知.pdf", HostileFiles.pdfWithJavaScriptInObjectStream(), HttpStatus.BAD_REQUEST, "evidence.activeContent");
    }

    @Test
    void anEncryptedPdfIsRefused() {
        refused("通知.pdf", HostileFiles.encryptedPdf(), HttpStatus.BAD_REQUEST, "evidence.encrypted");
    }

    @Test
    void truncatedPhotosAreRefused() {
        refused("照片.png", HostileFiles.truncatedPng(), HttpStatus.BAD_REQUEST, "evidence.damagedImage");
        refused("照片.jpg", HostileFiles.truncatedJpeg(), HttpStatus.BAD_REQUEST, "evidence.damagedImage");
        // the PNG the demo data carried until now: whole in its chunks, but its pixels do not inflate
        refused("照片.png", HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                + "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"), HttpStatus.BAD_REQUEST,
                "evidence.damagedImage");
    }

    @Test
    void aPdfCutShortIsRefused() {
        byte[] pdf = HostileFiles.pdf();
        refused("纪要.pdf", java.util.Arrays.copyOf(pdf, pdf.length - 20), HttpStatus.BAD_REQUEST, "evidence.damaged");
    }

    @Test
    void officeFilesWithMacrosAreRefused() throws Exception {
        byte[] docx = HostileFiles.docx();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(in.readAllBytes());
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("word/vbaProject.bin"));
            zip.write(new byte[16]);
        }
        refused("方案.docx", out.toByteArray(), HttpStatus.BAD_REQUEST, "evidence.macros");
    }

    @Test
    void onlyWhatThePathAcceptsPasses() {
        // a report template is a .docx and nothing else, though a PDF is fine as evidence
        assertThatThrownBy(() -> check.check(HostileFiles.pdf(), "模板.docx", Set.of(FileType.DOCX)))
                .isInstanceOf(UploadException.class)
                .extracting(e -> ((UploadException) e).messageKey()).isEqualTo("evidence.typeNotAccepted");
        assertThat(check.check(HostileFiles.xlsx(), null, Set.of(FileType.XLSX))).isEqualTo(FileType.XLSX);
    }

    @Test
    void namesLoseControlBidiAndZeroWidthCharactersAndKeepTheirChinese() {
        assertThat(ContentCheck.safeName(HostileFiles.RTL_NAME)).isEqualTo("gpj.exe.png");
        assertThat(ContentCheck.safeName("柳溪镇\u200B党委会\u2066纪要\u2069\u200E\u200F\u202A\u202B\u202C\u202D\uFEFF.pdf"))
                .isEqualTo("柳溪镇党委会纪要.pdf");
        assertThat(ContentCheck.safeName("C:\\Users\\王\\签到\u0000表\u0085\n.jpg")).isEqualTo("签到表.jpg");
        assertThatThrownBy(() -> ContentCheck.safeName("\u202E\u200B")).isInstanceOf(UploadException.class)
                .extracting(e -> ((UploadException) e).messageKey()).isEqualTo("evidence.noName");
    }
}
