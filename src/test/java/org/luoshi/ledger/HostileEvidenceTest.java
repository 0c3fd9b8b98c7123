package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.HostileFiles;
import org.luoshi.evidence.HostileFiles.Upload;
import org.luoshi.org.OrgUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15, M3 and M6 through the ledger's evidence form and API: each hostile file of the probe is
 * refused with a Chinese reason (problem+json 400/415 on the API, beside the field on the page) and
 * leaves no row and no file; good files are still taken; a storage fault speaks of the storage.
 */
@LuoshiTest
class HostileEvidenceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JdbcClient jdbc;
    @Value("${luoshi.data-dir}")
    Path dataDir;

    static final List<Upload> HOSTILE = List.of(
            new Upload("random bytes named .pdf", "会议纪要.pdf", HostileFiles.randomBytes()),
            new Upload("a zip named .docx", "工作方案.docx", HostileFiles.plainZip()),
            new Upload("an encrypted OOXML named .xls", "签到台账.xls", HostileFiles.encryptedOoxml()),
            new Upload("a GIF/JS polyglot", "活动照片.gif", HostileFiles.gifJsPolyglot()),
            new Upload("a PDF with OpenAction JavaScript", "通知.pdf", HostileFiles.pdfWithOpenActionJavaScript()),
            new Upload("a PDF with JavaScript in an object stream", "通知.pdf", HostileFiles.pdfWithJavaScriptInObjectStream()),
            new Upload("an encrypted PDF", "通知.pdf", HostileFiles.encryptedPdf()),
            new Upload("a truncated PNG", "签到表.png", HostileFiles.truncatedPng()),
            new Upload("a truncated JPEG", "签到表.jpg", HostileFiles.truncatedJpeg()));

    LedgerRecord record() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        return ledger.create(fx.scope("admin"), "MEDIA_PLACEMENT", LedgerFixtures.media(unit.getId(), LedgerFixtures.TODAY, "COUNTY", 1));
    }

    long rows() {
        return jdbc.sql("select count(*) from attachment").query(Long.class).single();
    }

    long files() throws IOException {
        Path root = dataDir.resolve("attachments");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void everyHostileFileIsRefusedOnTheApiWithAChineseReasonAndNothingIsStored() throws Exception {
        LedgerRecord record = record();
        long rows = rows();
        long files = files();
        for (Upload upload : HOSTILE) {
            String body = mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", upload.name(), null, upload.content())).with(as(users, "officer")))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn().getResponse().getContentAsString();
            int status = mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", upload.name(), null, upload.content())).with(as(users, "officer")))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(upload.what()).isIn(400, 415);
            assertThat(body).as(upload.what()).containsPattern("\"detail\":\"[^\"]*[\\u4e00-\\u9fff]");
        }
        assertThat(rows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
        assertThat(ledger.attachments(fx.scope("officer"), record.id())).isEmpty();
    }

    @Test
    void eachRefusalSaysWhatIsWrong() throws Exception {
        LedgerRecord record = record();
        String[][] expected = {
            {"会议纪要.pdf", "不支持该类型的文件"},
            {"工作方案.docx", "不支持该类型的文件"},
            {"签到台账.xls", "设置了打开密码"},
            {"活动照片.gif", "不支持该类型的文件"},
            {"通知.pdf", "含有脚本"},
            {"签到表.png", "图片不完整或已损坏"},
        };
        List<byte[]> contents = List.of(HostileFiles.randomBytes(), HostileFiles.plainZip(), HostileFiles.encryptedOoxml(),
                HostileFiles.gifJsPolyglot(), HostileFiles.pdfWithOpenActionJavaScript(), HostileFiles.truncatedPng());
        for (int i = 0; i < expected.length; i++) {
            mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", expected[i][0], null, contents.get(i))).with(as(users, "officer")))
                    .andExpect(jsonPath("$.detail").value(containsString(expected[i][1])));
        }
    }

    @Test
    void theFormShowsTheReasonBesideTheFileField() throws Exception {
        LedgerRecord record = record();
        long rows = rows();
        mvc.perform(multipart("/ledger/records/{id}/attachments", record.id())
                        .file(new MockMultipartFile("file", "通知.pdf", "application/pdf", HostileFiles.pdfWithOpenActionJavaScript()))
                        .with(as(users, "officer")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("PDF 中含有脚本或打开时自动执行的动作")));
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void goodFilesAreStillTakenAndANameLosesItsDirectionTricks() throws Exception {
        LedgerRecord record = record();
        List<Upload> good = List.of(new Upload("JPEG", "签到表.jpg", HostileFiles.jpeg()), new Upload("PNG", "现场照片.png", HostileFiles.png()),
                new Upload("PDF", "会议纪要.pdf", HostileFiles.pdf()), new Upload("DOCX", "工作方案.docx", HostileFiles.docx()),
                new Upload("XLSX", "签到台账.xlsx", HostileFiles.xlsx()), new Upload("RTL", HostileFiles.RTL_NAME, HostileFiles.png()));
        for (Upload upload : good) {
            mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", upload.name(), null, upload.content())).with(as(users, "officer")))
                    .andExpect(status().isCreated());
        }
        List<Attachment> stored = ledger.attachments(fx.scope("officer"), record.id());
        assertThat(stored).extracting(Attachment::getContentType).containsExactlyInAnyOrder("image/jpeg", "image/png", "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png");
        assertThat(stored).extracting(Attachment::getFileName).contains("gpj.exe.png")
                .allSatisfy(name -> assertThat(name).doesNotContain("\u202E"));
    }

    /**
     * A storage fault made for real: the attachment directory is replaced by a regular file, so that
     * no directory can be made below it (this works as root, where a mode of 555 would not stop
     * anything). Restored afterwards; the tests of one context run one at a time.
     */
    @Test
    void aStorageFaultSpeaksOfTheStorageAndLeavesNothing() throws Exception {
        LedgerRecord record = record();
        long rows = rows();
        Path root = dataDir.resolve("attachments");
        Files.createDirectories(root);
        Path moved = dataDir.resolve("attachments-moved-" + System.nanoTime());
        Files.move(root, moved);
        Files.writeString(root, "the disk is not writable here");
        try {
            mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", "签到表.png", null, HostileFiles.png())).with(as(users, "officer")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("服务器存储空间已满或不可写入")))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("文件读取失败"))));
            mvc.perform(multipart("/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", "签到表.png", "image/png", HostileFiles.png()))
                            .with(as(users, "officer")).with(csrf()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("服务器存储空间已满或不可写入")));
            assertThat(Files.readString(root)).isEqualTo("the disk is not writable here");
        } finally {
            Files.delete(root);
            Files.move(moved, root);
        }
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void aBodyOfTheWrongTypeGets415InChinese() throws Exception {
        LedgerRecord record = record();
        mvc.perform(post("/api/v1/ledger/records/{id}/attachments", record.id()).with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"file\":\"x\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.detail").value(containsString("不支持以这种格式")))
                .andExpect(jsonPath("$.detail").value(containsString("multipart/form-data")));
    }
}
