package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/**
 * The county reviewer reads the ranking of all townships, exports it, and publishes it; only then
 * does a township officer see it.
 */
class CountyRankingBrowserTest extends BrowserJourney {

    @Test
    void countyRanksExportsAndPublishes() throws Exception {
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/assessment/county"));
        assertThat(page.locator("body")).containsText("尚未发布本年度的考评排名");
        assertThat(page.locator("#ranking")).hasCount(0);

        context.clearCookies();
        signIn("county", "Luoshi@2026");
        page.navigate(url("/assessment/county"));
        // Other tests add townships to the shared database: the three demo townships are among them.
        Locator rows = page.locator("#ranking tbody tr");
        assertThat(rows.first()).isVisible();
        int count = rows.count();
        assertThat(count).isGreaterThanOrEqualTo(3);
        List<String> names = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Locator cells = rows.nth(i).locator("td");
            ranks.add(Integer.valueOf(cells.nth(0).textContent().trim()));
            names.add(cells.nth(1).textContent().trim());
            totals.add(new BigDecimal(cells.nth(2).textContent().trim()));
        }
        assertThat(names).contains("柳溪镇", "石桥乡", "东城街道").doesNotHaveDuplicates();
        assertThat(ranks.get(0)).isEqualTo(1);
        assertThat(ranks).isSorted();
        assertThat(totals).isSortedAccordingTo((a, b) -> b.compareTo(a));
        // The score distribution chart is drawn from the chart endpoint.
        assertThat(page.locator("#chart-scores canvas")).hasCount(1);
        screenshot("county-ranking");

        // The export lists the same townships in the same order with the same totals.
        Download download = page.waitForDownload(() -> page.click("#export-xlsx"));
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        List<String> exportedNames = new ArrayList<>();
        List<BigDecimal> exportedTotals = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path()); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            try (var stream = sheet.openStream()) {
                stream.forEach((Row row) -> row.getCellAsString(1)
                        .filter(names::contains)
                        .ifPresent(name -> {
                            exportedNames.add(name);
                            exportedTotals.add(new BigDecimal(row.getCellText(2).trim()));
                        }));
            }
        }
        assertThat(exportedNames).isEqualTo(names);
        assertThat(exportedTotals).usingElementComparator(BigDecimal::compareTo).isEqualTo(totals);

        // Published, the ranking opens to the township, read-only.
        page.click("#ranking-toggle");
        assertThat(page.locator("body")).containsText("排名已向各乡镇公开");
        try {
            context.clearCookies();
            signIn("officer", "Luoshi@2026");
            page.navigate(url("/assessment/county"));
            assertThat(page.locator("#ranking tbody tr")).hasCount(count);
            assertThat(page.locator("#ranking-toggle")).hasCount(0);
        } finally {
            // The application context is shared with the other journeys: hide the ranking again.
            context.clearCookies();
            signIn("county", "Luoshi@2026");
            page.navigate(url("/assessment/county"));
            page.click("#ranking-toggle");
            assertThat(page.locator("#ranking-toggle")).hasText("向乡镇公开排名");
        }
    }
}
