package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * 柳溪镇's officer downloads the meeting template, fills in two rows (one with a bad date), uploads
 * it, reads the error in the preview and downloads the rows with errors.
 */
class ExchangeBrowserTest extends BrowserJourney {

    @Test
    void uploadWithErrorsShowsPreviewAndErrorFile() throws Exception {
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/ledger/meeting"));
        page.click("#import-xlsx");
        Download template = page.waitForDownload(() -> page.click("#template-meeting"));
        List<String> headers = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(template.path()));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Row header = rows.findFirst().orElseThrow();
            for (int c = 0; c < header.getCellCount(); c++) {
                headers.add(header.getCell(c).getText());
            }
        }
        org.assertj.core.api.Assertions.assertThat(headers).startsWith("单位", "日期", "结束日期", "标题");

        String title = "浏览器导入" + UUID.randomUUID().toString().substring(0, 6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("台账");
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
        }
        String[][] rows = {{"柳溪村", "2025-05-06", title + "好"}, {"柳溪村", "五月六日", title + "坏"}};
        for (int r = 0; r < rows.length; r++) {
            ws.value(r + 1, 0, rows[r][0]);
            ws.value(r + 1, 1, rows[r][1]);
            ws.value(r + 1, 3, rows[r][2]);
            ws.value(r + 1, headers.indexOf("会议类型") >= 0 ? headers.indexOf("会议类型") : 6, "党委会专题研究意识形态工作");
            for (int c = 6; c < headers.size(); c++) {
                if (headers.get(c).contains("议题")) {
                    ws.value(r + 1, c, "研究意识形态工作");
                }
            }
        }
        wb.finish();

        page.selectOption("#x-kind", "MEETING");
        page.setInputFiles("#x-file", new FilePayload("meetings.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray()));
        page.click("#upload");
        assertThat(page.locator("#error-rows")).containsText("“五月六日”不是可识别的日期");
        assertThat(page.locator("#error-rows .error-row").first()).containsText("3");
        assertThat(page.locator("#confirm-import")).hasCount(0);
        screenshot("exchange-1-preview-errors");

        Download errors = page.waitForDownload(() -> page.click("#download-errors"));
        List<List<String>> errorRows = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(Files.newInputStream(errors.path()));
                Stream<Row> stream = book.getFirstSheet().openStream()) {
            stream.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCell(c) == null ? "" : row.getCell(c).getText());
                }
                errorRows.add(cells);
            });
        }
        org.assertj.core.api.Assertions.assertThat(errorRows).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(errorRows.get(0)).last().isEqualTo("错误原因");
        org.assertj.core.api.Assertions.assertThat(errorRows.get(1).get(3)).isEqualTo(title + "坏");
    }
}
