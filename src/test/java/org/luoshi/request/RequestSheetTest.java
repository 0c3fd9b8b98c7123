package org.luoshi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.TestUsers;
import org.luoshi.XlsxDownload;
import org.luoshi.ledger.LedgerKind;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.LedgerTerms;
import org.luoshi.ledger.Selection;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * An Excel-template request round trip: the county's template (made here with POI) names two cells after
 * measures; 柳溪镇 downloads it with those cells holding its ledger figures, fills another cell and uploads
 * it; the county reads the file and the summary. And the refusals: no named cell, not an .xlsx, a named
 * cell changed without a reason, a named cell lost.
 */
@LuoshiTest
class RequestSheetTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final LocalDate TODAY = TestClock.today();
    /** Twelve months back, not 1 January: on 2 January a period from New Year holds no records to fill in. */
    static final LocalDate FROM = TODAY.minusMonths(11).withDayOfMonth(1);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnitService units;
    @Autowired LedgerStatistics ledger;
    @Autowired TaskAnswerRepository answers;

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.as(users, user)).with(csrf()));
    }

    OrgUnit liuxi() {
        return units.ofKind(units.systemReader("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(t -> t.getName().equals("柳溪镇")).findFirst().orElseThrow();
    }

    /** A county's template: labels in column A, the measures' cells named in B, a cell for the township in B3. */
    static byte[] template(boolean named) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("报送表");
            String[] labels = {"中心组学习次数", "上稿篇数", "特色工作"};
            for (int i = 0; i < labels.length; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(labels[i]);
            }
            if (named) {
                name(book, "CENTRAL_GROUP_SESSIONS", "'报送表'!$B$1");
                name(book, "ARTICLES_PUBLISHED", "'报送表'!$B$2");
            }
            name(book, "特色工作", "'报送表'!$B$3");
            book.write(out);
            return out.toByteArray();
        }
    }

    static void name(XSSFWorkbook book, String name, String ref) {
        Name n = book.createName();
        n.setNameName(name);
        n.setRefersToFormula(ref);
    }

    MockMultipartHttpServletRequestBuilder send(String title, byte[] template, String fileName) {
        MockMultipartHttpServletRequestBuilder post = multipart("/requests");
        post.file(new MockMultipartFile("template", fileName, XLSX, template));
        post.param("title", title).param("from", FROM.toString()).param("to", TODAY.toString())
                .param("deadline", TODAY.plusDays(7).toString()).param("townshipIds", liuxi().getId().toString());
        return post;
    }

    static XSSFWorkbook open(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static byte[] bytes(XSSFWorkbook book) throws Exception {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        }
    }

    MockMultipartHttpServletRequestBuilder upload(long answerId, byte[] file) {
        MockMultipartHttpServletRequestBuilder post = multipart("/requests/answers/" + answerId + "/sheet");
        post.file(new MockMultipartFile("file", "柳溪镇报送表.xlsx", XLSX, file));
        return post;
    }

    @Test
    void aTemplateIsFilledFromTheLedgerFilledInByTheTownshipAndReadByTheCounty() throws Exception {
        String title = "模板报送-" + UUID.randomUUID().toString().substring(0, 8);
        as("county", send(title, template(false), "模板.xlsx")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("模板中没有以度量代码命名的单元格")));
        as("county", send(title, "不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8), "模板.xlsx"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("请上传 Excel（.xlsx）文件")));

        String location = as("county", send(title, template(true), "模板.xlsx")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long taskId = Long.parseLong(location.substring("/requests/".length()));
        OrgUnit liuxi = liuxi();
        long answerId = answers.findByTaskIdAndTownshipId(taskId, liuxi.getId()).orElseThrow().getId();

        // the township's download holds its ledger figures in the named cells
        as("officer", get("/requests/answers/" + answerId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sheet-form\"")));
        byte[] downloaded = as("officer", get("/requests/answers/" + answerId + "/sheet.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        long sessions = ledger.count(Selection.of(liuxi.getPath(), LedgerKind.STUDY_SESSION, FROM, TODAY)
                .where(LedgerTerms.SUB_KIND, LedgerTerms.CENTRAL_GROUP));
        BigDecimal placed = ledger.sum(Selection.of(liuxi.getPath(), LedgerKind.MEDIA_PLACEMENT, FROM, TODAY)
                .where(LedgerTerms.STATE, LedgerTerms.PUBLISHED), LedgerTerms.ARTICLE_COUNT);
        assertThat(sessions).isPositive();
        XSSFWorkbook book = open(downloaded);
        Sheet sheet = book.getSheet("报送表");
        assertThat(sheet.getRow(0).getCell(1).getNumericCellValue()).isEqualTo(sessions);
        assertThat(BigDecimal.valueOf(sheet.getRow(1).getCell(1).getNumericCellValue())).isEqualByComparingTo(placed);
        as("officer2", get("/requests/answers/" + answerId + "/sheet.xlsx")).andExpect(status().isNotFound());

        // a named cell changed without a reason is refused beside the explanation; a lost name, beside the file
        sheet.getRow(0).getCell(1).setCellValue(sessions + 2);
        as("officer", upload(answerId, bytes(book))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("与台账数字不同，请在补充说明中写明原因")));
        XSSFWorkbook lost = open(downloaded);
        lost.removeName(lost.getName("ARTICLES_PUBLISHED"));
        as("officer", upload(answerId, bytes(lost))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("找不到“上稿篇数”的命名单元格")));
        as("officer2", upload(answerId, downloaded)).andExpect(status().isNotFound());

        // filled in as downloaded, with the township's own cell: submitted, nothing typed over
        book = open(downloaded);
        book.getSheet("报送表").getRow(2).createCell(1).setCellValue("新时代文明实践站全覆盖");
        as("officer", upload(answerId, bytes(book))).andExpect(status().is3xxRedirection());
        TaskAnswer answered = answers.findById(answerId).orElseThrow();
        assertThat(answered.getStatus()).isEqualTo(AnswerStatus.SUBMITTED);
        assertThat(answered.getFigures()).hasSize(2).noneMatch(TaskFigure::isTypedOver);

        // the county downloads the township's file and the summary
        byte[] received = as("county", get("/requests/answers/" + answerId + "/sheet.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(open(received).getSheet("报送表").getRow(2).getCell(1).getStringCellValue()).isEqualTo("新时代文明实践站全覆盖");
        List<List<String>> rows = XlsxDownload.rows(as("county", get("/requests/" + taskId + "/answers.xlsx"))
                .andExpect(status().isOk()).andReturn());
        int column = rows.get(0).indexOf("中心组学习次数");
        assertThat(new BigDecimal(rows.get(1).get(column))).isEqualByComparingTo(BigDecimal.valueOf(sessions));
    }
}
