package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PersonService;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The traditional and OFD downloads through the pages and the API: names from the person records and the org
 * tree kept, the variant asked or the deployment's default, the same checks as the other downloads.
 */
@LuoshiTest
@Import(RecordedFigures.Config.class)
class ReportTraditionalTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnitService units;
    @Autowired PersonService people;
    @Autowired AccountService accounts;
    @Autowired RecordedFigures ledger;
    @Autowired ObjectMapper json;
    @Autowired PdfConverter pdf;

    OrgUnit township;
    String officer;
    String stranger;
    String village;
    long id;

    @BeforeEach
    void report() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var system = units.systemScope("test");
        long root = units.root().orElseThrow().getId();
        township = units.create(system, new OrgUnitCommand(root, OrgUnitKind.TOWNSHIP, "松溪" + tag + "镇", null, 20_000, 99));
        village = "后台" + tag + "村";
        long villageId = units.create(system, new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE, village, null,
                2_000, 1)).getId();
        people.create(system, township.getId(), "秦杰", null, null, null);
        people.create(system, villageId, "范余发", null, null, null);
        OrgUnit other = units.create(system, new OrgUnitCommand(root, OrgUnitKind.TOWNSHIP, "别处" + tag + "镇", null, 9_000, 99));
        officer = "trad-off-" + tag;
        stranger = "trad-other-" + tag;
        accounts.create(system, officer, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
        accounts.create(system, stranger, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, other.getId(), false);
        ledger.put(township.getId(), RecordedFigures.demoYear(2025, township.getId()));

        String location = mvc.perform(post("/report").with(TestUsers.as(users, officer)).with(csrf())
                        .param("kind", "RESPONSIBILITY").param("year", "2025")
                        .param("townshipId", township.getId().toString()).param("directiveNumber", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonNode view = json.readTree(mvc.perform(get("/api/v1/reports/" + id).with(TestUsers.as(users, officer)))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(post("/report/" + id).with(TestUsers.as(users, officer)).with(csrf())
                        .param("title", view.get("report").get("title").asText()).param("unitName", "中共" + township.getName() + "委员会")
                        .param("reportDate", "2026-01-15").param("addressee", "中共青禾县委宣传部")
                        .param("expectedVersion", view.get("version").asText())
                        .param("texts[problems]", "秦杰同志带头发现问题，范余发在" + village + "里不准迟到。学习《关于加强和改进意识形态工作的意见》。"))
                .andExpect(status().is3xxRedirection());
    }

    private MockHttpServletResponse download(String path, String user) throws Exception {
        return mvc.perform(get(path).with(TestUsers.as(users, user))).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return new XWPFWordExtractor(doc).getText();
        }
    }

    private static String ofdText(byte[] ofd) throws Exception {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            return String.join("", new ContentExtractor(reader).extractAll());
        }
    }

    @Test
    void traditionalKeepsNamesAndReadsAsInTaiwanByDefault() throws Exception {
        MockHttpServletResponse docx = download("/report/" + id + "/docx?traditional=true", officer);
        assertThat(docx.getHeader("Content-Disposition")).contains(java.net.URLEncoder.encode("（繁體）", StandardCharsets.UTF_8)
                .replace("+", "%20"));
        String text = docxText(docx.getContentAsByteArray());
        // people (township and village), units (the township, its village, the committee), titles: as recorded
        assertThat(text).contains("秦杰同志帶頭發現問題，范余发在" + village + "裡不准遲到")
                .contains("《关于加强和改进意识形态工作的意见》").contains("中共" + township.getName() + "委员会")
                .contains("中共青禾县委宣传部").contains("作為黨的建設").doesNotContain("秦傑").doesNotContain("爲");
        // the title may be broken into lines (at a phrase, GB/T 9704); read as one
        assertThat(text.replace("\n", "")).contains("關於" + township.getName() + "2025年落實意識形態工作責任制情況的報告");

        String hk = docxText(download("/report/" + id + "/docx?variant=HK", officer).getContentAsByteArray());
        assertThat(hk).contains(village + "裏不准遲到").contains("秦杰");
        mvc.perform(get("/report/" + id + "/docx?variant=XX").with(TestUsers.as(users, officer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void ofdOnThePageAndTheApiWithTheChecksOfThePdf() throws Exception {
        MockHttpServletResponse ofd = download("/report/" + id + "/ofd", officer);
        assertThat(ofd.getContentType()).isEqualTo(OfdWriter.CONTENT_TYPE);
        assertThat(ofdText(ofd.getContentAsByteArray())).contains("落实意识形态工作责任制情况")
                .contains("秦杰同志带头发现问题");
        String traditional = ofdText(download("/api/v1/reports/" + id + "/ofd?traditional=true", officer)
                .getContentAsByteArray());
        assertThat(traditional).contains("落實意識形態工作責任制情況").contains("秦杰同志帶頭發現問題");
        mvc.perform(get("/report/" + id + "/ofd").with(TestUsers.as(users, stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + id + "/ofd").with(TestUsers.as(users, stranger)))
                .andExpect(status().isNotFound());

        String page = download("/report/" + id, officer).getContentAsString();
        assertThat(page).contains("id=\"download-ofd\"").contains("id=\"traditional-variant\"")
                .contains("<option value=\"TW\" selected=\"selected\">");
    }

    /** LibreOffice makes the PDF: skipped where it or pdftotext is missing, unless LUOSHI_PDF_TESTS=required. */
    @Test
    void theTraditionalPdfIsTraditional() throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!pdf.available() || !Files.isExecutable(pdftotext)) {
            String message = "PDF test skipped: LibreOffice (soffice) or poppler-utils (pdftotext) is not installed";
            if ("required".equals(System.getenv("LUOSHI_PDF_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        MockHttpServletResponse response = download("/report/" + id + "/pdf?traditional=true", officer);
        assertThat(response.getHeader("Content-Disposition")).contains(".pdf");
        Path file = Files.createTempFile("luoshi-trad", ".pdf");
        Files.write(file, response.getContentAsByteArray());
        Process p = new ProcessBuilder(pdftotext.toString(), file.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", "");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.delete(file);
        assertThat(text).contains("落實意識形態工作責任制情況").contains("秦杰同志帶頭發現問題").doesNotContain("落实意识形态");
    }
}
