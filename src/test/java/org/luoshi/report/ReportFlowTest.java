package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The report workflow through the pages and the API, with its roles, scope, lock and versions. */
@LuoshiTest
@Import(RecordedFigures.Config.class)
class ReportFlowTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnitService units;
    @Autowired AccountService accounts;
    @Autowired RecordedFigures ledger;
    @Autowired ObjectMapper json;
    @Autowired PdfConverter pdf;
    @Autowired ReportService reports;

    OrgUnit township;
    String officer;
    String leader;

    @BeforeEach
    void township() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var system = units.systemScope("test");
        township = units.create(system, new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                "测试" + tag + "镇", null, 20_000, 99));
        officer = "rep-off-" + tag;
        leader = "rep-lead-" + tag;
        accounts.create(system, officer, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
        accounts.create(system, leader, "书记", "Luoshi@2026", Role.TOWNSHIP_LEADER, township.getId(), false);
        ledger.put(township.getId(), RecordedFigures.demoYear(2025, township.getId()));
    }

    RequestPostProcessor as(String username) {
        return TestUsers.as(users, username);
    }

    long createByPage(String kind, String directive) throws Exception {
        String location = mvc.perform(post("/report").with(as(officer)).with(csrf())
                        .param("kind", kind).param("year", "2025").param("townshipId", township.getId().toString())
                        .param("directiveNumber", directive == null ? "" : directive))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** What an officer does before submitting: settle each figure without records, write the problems paragraph. */
    void clearMarkers(long id) throws Exception {
        String page = mvc.perform(get("/report/" + id).with(as(officer))).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher missing = java.util.regex.Pattern.compile(
                "/resolve\"[^>]*>\\s*<input type=\"hidden\" name=\"figure\" value=\"([\\w.]+)\"").matcher(page);
        java.util.Set<String> figures = new java.util.LinkedHashSet<>();
        while (missing.find()) {
            figures.add(missing.group(1));
        }
        for (String figure : figures) {
            mvc.perform(post("/report/" + id + "/resolve").with(as(officer)).with(csrf()).param("figure", figure)
                    .param("resolution", "NONE_THIS_YEAR")).andExpect(status().is3xxRedirection());
        }
        JsonNode view = api(id, officer);
        mvc.perform(post("/report/" + id).with(as(officer)).with(csrf())
                        .param("title", view.get("report").get("title").asText()).param("unitName", "中共测试镇委员会")
                        .param("reportDate", "2026-01-15").param("addressee", "中共青禾县委宣传部")
                        .param("expectedVersion", view.get("version").asText())
                        .param("texts[problems]", "台账资料归档还不够及时。"))
                .andExpect(status().is3xxRedirection());
    }

    JsonNode api(long id, String user) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/reports/" + id).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    String text(JsonNode view, String key) {
        for (JsonNode block : view.get("blocks")) {
            if (block.get("key").asText().equals(key)) {
                return block.get("text").asText();
            }
        }
        throw new AssertionError(key);
    }

    @Test
    void editingSurvivesRegenerationAndVersionsAreKept() throws Exception {
        long id = createByPage("RESPONSIBILITY", null);
        String page = mvc.perform(get("/report/" + id).with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("check-panel").contains("/ledger/records/");
        // where the PDF would be set in substitute faces (as in CI, without the official fonts), the panel says so
        var substituted = pdf.available() ? pdf.substitutions(GbDocumentWriter.Fonts.SIMPLIFIED).orElse(java.util.List.of())
                : java.util.List.<PdfConverter.Substitution>of();
        if (substituted.isEmpty()) {
            assertThat(page).doesNotContain("font-substitutions");
        } else {
            assertThat(page).contains("font-substitutions").contains(substituted.get(0).font() + " → " + substituted.get(0).face());
        }

        mvc.perform(post("/report/" + id).with(as(officer)).with(csrf())
                        .param("title", "关于测试的报告").param("unitName", "中共测试镇委员会").param("reportDate", "2026-01-15")
                        .param("addressee", "中共青禾县委宣传部").param("expectedVersion", "1")
                        .param("texts[theory]", "我们自己写的理论学习段落。")
                        .param("texts[heading.theory]", "坚持学习制度，学深悟透")
                        .param("texts[line.theory.0]", "中心组今年集中学习〔中心组集中学习次数〕次，专题研讨〔中心组专题研讨次数〕次。"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/report/" + id).with(as(officer))).andReturn().getResponse().getContentAsString())
                .containsPattern("中心组今年集中学习(<[^>]+>)*\\d+(<[^>]+>)*次，专题研讨");
        // The ledger changes: regeneration refreshes the figures and keeps the user's paragraph.
        RecordedFigures.Township before = RecordedFigures.demoYear(2025, township.getId());
        ledger.put(township.getId(), new RecordedFigures.Township(before.records().stream()
                .filter(r -> r.kind() != RecordedFigures.Kind.STUDY).toList(), before.members(), before.unmet(),
                before.open(), before.closed(), before.population()));
        mvc.perform(post("/report/" + id + "/regenerate").with(as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String checked = mvc.perform(get("/report/" + id).with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the officer's wording of the sentence stays; its figure, now without records, is the marker
        assertThat(checked).containsPattern("中心组今年集中学习(<[^>]+>)*【待补充：理论学习中心组学习记录】");
        assertThat(checked).contains("【待补充：理论学习中心组学习记录】").contains("marker-list")
                .contains("href=\"#block-theory\">坚持学习制度，学深悟透</a>").doesNotContainIgnoringCase(">xx");
        JsonNode view = api(id, officer);
        assertThat(view.get("version").asInt()).isEqualTo(3);
        assertThat(text(view, "theory")).isEqualTo("我们自己写的理论学习段落。");
        assertThat(view.get("markers").toString()).contains("理论学习中心组学习记录");
        assertThat(view.get("report").get("title").asText()).isEqualTo("关于测试的报告");

        String compare = mvc.perform(get("/report/" + id + "/compare").param("from", "1").param("to", "3").with(as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(compare).contains("我们自己写的理论学习段落。").contains("table-warning").contains(">开头段<")
                .doesNotContain(">opening<");

        // A save against an old version is refused rather than overwriting.
        mvc.perform(put("/api/v1/reports/" + id).with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"unitName\":\"u\",\"reportDate\":\"2026-01-15\",\"expectedVersion\":1}"))
                .andExpect(status().isConflict());
        // Validation: 400 with field errors, page and API.
        mvc.perform(post("/report/" + id).with(as(officer)).with(csrf()).param("title", "").param("unitName", "")
                        .param("reportDate", "2026-01-15"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/reports/" + id).with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"unitName\":\"u\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors").isArray());
    }

    @Test
    void submissionReturnAcceptLockAndNewSubmission() throws Exception {
        long id = createByPage("RESPONSIBILITY", null);
        // The county sees no drafts; other townships see nothing.
        mvc.perform(get("/report/" + id).with(as("county"))).andExpect(status().isNotFound());
        mvc.perform(get("/report/" + id).with(as("officer2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + id + "/figures").with(as("officer2"))).andExpect(status().isNotFound());
        // The leader reads but does not write.
        mvc.perform(get("/report/" + id).with(as(leader))).andExpect(status().isOk());
        mvc.perform(post("/report/" + id + "/submit").with(as(leader)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/reports/" + id + "/regenerate").with(as(leader))).andExpect(status().isForbidden());

        // A report with a 【待补充】 left is refused, naming it, on the page and over the API.
        String refused = mvc.perform(post("/report/" + id + "/submit").with(as(officer)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"rule-error\"").contains("不能报送").contains("问题产生的原因");
        mvc.perform(post("/api/v1/reports/" + id + "/submit").with(as(officer))).andExpect(status().isConflict());
        // only a figure without records can be settled; a stated one is refused, a bad request is 400
        mvc.perform(post("/api/v1/reports/" + id + "/resolve").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"figure\":\"studyCentralGroupCount\",\"resolution\":\"DELETE\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/reports/" + id + "/resolve").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"figure\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/reports/" + id + "/resolve").with(as(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"figure\":\"outreachCount\",\"resolution\":\"DELETE\"}"))
                .andExpect(status().isForbidden());
        // a figure typed over by hand is marked on the page and listed in the check panel; it can be taken back
        mvc.perform(post("/report/" + id + "/override").with(as(officer)).with(csrf()).param("figure", "outreachCount")
                .param("value", "9")).andExpect(status().is3xxRedirection());
        String typed = mvc.perform(get("/report/" + id).with(as(officer))).andReturn().getResponse().getContentAsString();
        assertThat(typed).contains("figure-overridden").contains("id=\"overridden-list\"").contains("理论宣讲场次：9");
        mvc.perform(post("/report/" + id + "/override").with(as(officer)).with(csrf()).param("figure", "outreachCount")
                .param("value", "x".repeat(51))).andExpect(status().isConflict());
        mvc.perform(post("/report/" + id + "/override").with(as(officer)).with(csrf()).param("figure", "noSuchFigure")
                .param("value", "1")).andExpect(status().isConflict());
        mvc.perform(post("/report/" + id + "/override").with(as(officer)).with(csrf()).param("figure", "outreachCount"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/report/" + id).with(as(officer))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"overridden-list\"");
        clearMarkers(id);
        // 审定 first: unapproved, the submission is refused; the officer cannot approve; the leader does
        mvc.perform(post("/api/v1/reports/" + id + "/submit").with(as(officer))).andExpect(status().isConflict());
        assertThat(mvc.perform(post("/report/" + id + "/submit").with(as(officer)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString())
                .contains("报送前须经党委书记审定当前版本。").contains("待党委书记审定");
        mvc.perform(post("/report/" + id + "/approve").with(as(officer)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/reports/" + id + "/approve").with(as("county"))).andExpect(status().isForbidden());
        mvc.perform(post("/report/" + id + "/approve").with(as(leader)).with(csrf()).param("comment", "同意报送"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/report/" + id).with(as(officer))).andReturn().getResponse().getContentAsString())
                .contains("id=\"approval-state\"").contains("已由 书记 于").contains("同意报送")
                .doesNotContain("id=\"approve-form\"");
        assertThat(mvc.perform(get("/inspection/notifications").with(as(officer))).andReturn().getResponse()
                .getContentAsString()).contains("已经党委书记审定，可以报送。");
        // the same version is not approved twice
        mvc.perform(post("/api/v1/reports/" + id + "/approve").with(as(leader))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/reports/" + id + "/submit").with(as(officer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        // nothing submitted is approved
        mvc.perform(post("/api/v1/reports/" + id + "/approve").with(as(leader))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/reports/" + id + "/regenerate").with(as(officer))).andExpect(status().isConflict());
        // The officer cannot review; a return needs a comment.
        mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(officer))).andExpect(status().isForbidden());
        // ... and the page says so beside the 审核意见 field, not a silent reload
        mvc.perform(post("/report/" + id + "/return").with(as("county")).with(csrf()).param("comment", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("退回时须填写意见。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
        mvc.perform(post("/api/v1/reports/" + id + "/return").with(as("county"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/report/" + id + "/return").with(as("county")).with(csrf()).param("comment", "请补充阵地检查情况"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/report/" + id).with(as(officer))).andReturn().getResponse().getContentAsString())
                .contains("请补充阵地检查情况");
        // the township's officer is told, with the comment and a link to the report
        assertThat(mvc.perform(get("/inspection/notifications").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("被退回，请修改后重新报送。审核意见：请补充阵地检查情况").contains("/report/" + id);

        // returned, it is approved again before it goes up again
        mvc.perform(post("/report/" + id + "/submit").with(as(officer)).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/report/" + id + "/approve").with(as(leader)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/report/" + id + "/submit").with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/report/inbox").with(as("county"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("/report/" + id);
        mvc.perform(get("/report/inbox").with(as(officer))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as("county")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        assertThat(mvc.perform(get("/inspection/notifications").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("已被采用。");

        // Accepted is locked; a change is a new, visible submission.
        mvc.perform(post("/report/" + id + "/regenerate").with(as(officer)).with(csrf())).andExpect(status().isConflict());
        mvc.perform(put("/api/v1/reports/" + id).with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"unitName\":\"u\",\"reportDate\":\"2026-01-15\"}"))
                .andExpect(status().isConflict());
        String next = mvc.perform(post("/api/v1/reports/" + id + "/revise").with(as(officer)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.submissionNo").value(2))
                .andExpect(jsonPath("$.previousId").value(id)).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/reports/" + id + "/revise").with(as(officer))).andExpect(status().isConflict());
        String list = mvc.perform(get("/api/v1/reports").with(as(officer))).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(list).findValues("previousId").stream().filter(n -> n.asLong() == id).count()).isEqualTo(1);
    }

    /** Whether the leader's home card marks the report as waiting for their 审定 (the card lists it first). */
    private boolean awaitsApprovalOnCard(long id) throws Exception {
        String card = mvc.perform(get("/report/panel").with(as(leader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int row = card.indexOf("href=\"/report/" + id + "\"");
        assertThat(row).as("the report is on the card").isNotNegative();
        int end = card.indexOf("</a>", row);
        return card.substring(row, end).contains("awaiting-approval");
    }

    @Test
    void nobodyApprovesTheirOwnReportAndAChangeNeedsANewApproval() throws Exception {
        long id = createByPage("RESPONSIBILITY", null);
        clearMarkers(id);
        assertThat(awaitsApprovalOnCard(id)).as("a draft waits for 审定 on the leader's home card").isTrue();
        mvc.perform(post("/api/v1/reports/" + id + "/approve").with(as(leader)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"同意\"}")).andExpect(status().isOk());
        assertThat(awaitsApprovalOnCard(id)).as("approved, it no longer waits").isFalse();
        // the officer saves again: a new version, which waits for a new 审定
        mvc.perform(post("/api/v1/reports/" + id + "/regenerate").with(as(officer))).andExpect(status().isOk());
        assertThat(awaitsApprovalOnCard(id)).as("the new version waits again").isTrue();
        assertThat(mvc.perform(get("/report/" + id).with(as(leader))).andReturn().getResponse().getContentAsString())
                .contains("id=\"approve-form\"").contains("待党委书记审定");
        mvc.perform(post("/api/v1/reports/" + id + "/submit").with(as(officer))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/reports/" + id + "/approve").with(as(leader))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/reports/" + id + "/submit").with(as(officer))).andExpect(status().isOk());

        // one who may both write and approve (here a system scope) does not approve the report they drafted
        var drafter = units.systemScope("drafter");
        Report own = reports.create(drafter, new ReportCommands.Create(township.getId(), ReportKind.RESPONSIBILITY, 2024,
                null, null));
        ReportService.Viewer self = new ReportService.Viewer(drafter);
        assertThatThrownBy(() -> reports.approve(self, own.getId(), null))
                .isInstanceOf(org.luoshi.web.RuleViolationException.class).hasMessageContaining("report.approve.own");
        // another township's leader does not see it at all
        mvc.perform(post("/report/" + own.getId() + "/approve").with(as("leader")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void apiGeneratesFiguresAndDownloads() throws Exception {
        mvc.perform(post("/api/v1/reports").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SELF_INSPECTION\",\"year\":2025,\"townshipId\":" + township.getId() + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/reports").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":1900,\"townshipId\":" + township.getId() + "}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/reports").with(as("officer2")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PROPAGANDA_SUMMARY\",\"year\":2025,\"townshipId\":" + township.getId() + "}"))
                .andExpect(status().isNotFound());
        String created = mvc.perform(post("/api/v1/reports").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PROPAGANDA_SUMMARY\",\"year\":2025,\"townshipId\":" + township.getId()
                                + ",\"addressee\":\"区委宣传部\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("report").get("id").asLong();
        mvc.perform(post("/api/v1/reports").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PROPAGANDA_SUMMARY\",\"year\":2025,\"townshipId\":" + township.getId() + "}"))
                .andExpect(status().isConflict());

        long study = RecordedFigures.demoYear(2025, township.getId()).records().stream()
                .filter(r -> r.kind() == RecordedFigures.Kind.STUDY && r.date().getYear() == 2025).count();
        mvc.perform(get("/api/v1/reports/" + id + "/figures").with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name=='studyCentralGroupCount')].display").value(String.valueOf(study)))
                .andExpect(jsonPath("$[?(@.name=='studyCentralGroupCount')].evidence[0].href").exists());

        byte[] docx = mvc.perform(get("/api/v1/reports/" + id + "/docx").with(as(leader)))
                .andExpect(status().isOk()).andExpect(content().contentType(ReportDocuments.DOCX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("年宣传思想工作总结").contains("区委宣传部：").contains("集中学习" + study + "次");
        }
        byte[] traditional = mvc.perform(get("/report/" + id + "/docx").param("traditional", "true").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(traditional))) {
            assertThat(new XWPFWordExtractor(doc).getText()).contains("宣傳思想工作總結");
        }
        mvc.perform(get("/report/" + id + "/docx").with(as("officer3"))).andExpect(status().isNotFound());
    }

    @Test
    void customTemplatesAreCheckedAndUsed() throws Exception {
        mvc.perform(get("/report/templates").with(as(leader))).andExpect(status().isForbidden());
        byte[] example = mvc.perform(get("/report/templates/example.docx").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart("/report/templates").file(new MockMultipartFile("file", "a.txt", "text/plain", "x".getBytes()))
                        .param("orgUnitId", township.getId().toString()).param("kind", "RESPONSIBILITY")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("只能上传 Word 文档")));
        byte[] unknown = new String(example, java.nio.charset.StandardCharsets.ISO_8859_1).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/report/templates").file(new MockMultipartFile("file", "bad.docx", ReportDocuments.DOCX,
                                withTag("{{secretNumber}}")))
                        .param("orgUnitId", township.getId().toString()).param("kind", "RESPONSIBILITY")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("secretNumber")));
        mvc.perform(multipart("/report/templates").file(new MockMultipartFile("file", "ok.docx", ReportDocuments.DOCX, unknown))
                        .param("orgUnitId", township.getId().toString()).param("kind", "RESPONSIBILITY")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long id = createByPage("RESPONSIBILITY", null);
        byte[] docx = mvc.perform(get("/report/" + id + "/docx").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        long study = RecordedFigures.demoYear(2025, township.getId()).records().stream()
                .filter(r -> r.kind() == RecordedFigures.Kind.STUDY && r.date().getYear() == 2025).count();
        assertThat(study).isPositive();
        assertThat(docxText(docx)).contains("（中心组学习 " + study + " 次").contains("（一）压实责任链条，健全工作体系")
                .doesNotContain("{{");

        // The ledger changes (the study sessions are gone). A version keeps the figures it was written with:
        // downloading it again, in either script, still tells its own count; only a regeneration, a new
        // version, tells the new one.
        RecordedFigures.Township before = RecordedFigures.demoYear(2025, township.getId());
        ledger.put(township.getId(), new RecordedFigures.Township(before.records().stream()
                .filter(r -> r.kind() != RecordedFigures.Kind.STUDY).toList(), before.members(), before.unmet(),
                before.open(), before.closed(), before.population()));
        assertThat(docxText(download(id, ""))).contains("（中心组学习 " + study + " 次");
        assertThat(docxText(download(id, "traditional=true"))).contains("（中心组学习 " + study + " 次"); // the template's own words stay as written
        mvc.perform(post("/report/" + id + "/regenerate").with(as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(docxText(download(id, ""))).doesNotContain("（中心组学习 " + study + " 次")
                .contains("（中心组学习 【待补充");
        assertThat(docxText(download(id, "version=1"))).contains("（中心组学习 " + study + " 次");
    }

    private byte[] download(long id, String query) throws Exception {
        return mvc.perform(get("/report/" + id + "/docx?" + query).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return new XWPFWordExtractor(doc).getText();
        }
    }

    private static byte[] withTag(String tag) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("{{title}}");
            doc.createParagraph().createRun().setText(tag);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
