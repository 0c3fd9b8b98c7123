package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.AttendanceEntry;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The officer prints a study session's 签到表 (on screen, then as print media and as a PDF: no navigation,
 * no 打印 button, every expected attendee with a blank signature cell) and searches from the header, on a
 * desktop (1366 px) and on a phone (390 × 844).
 */
class PrintAndSearchBrowserTest extends BrowserJourney {

    @Autowired
    LedgerService ledger;
    @Autowired
    RecordKinds kinds;
    @Autowired
    UserDetailsService users;

    @Test
    void officerPrintsASignInSheetAndSearchesFromTheHeader() throws Exception {
        DataScope scope = ((SignedInUser) users.loadUserByUsername("officer")).scope();
        String title = "中心组学习" + UUID.randomUUID().toString().substring(0, 6);
        List<Person> expected = ledger.suggestedAttendees(scope, scope.unitId(), kinds.get("study-session"));
        assertThat(expected).isNotEmpty();
        LedgerRecord study = ledger.create(scope, "STUDY_SESSION", new RecordCommand(scope.unitId(), org.luoshi.TestClock.today(),
                null, title, null, List.of(), Map.of("subKind", "CENTRAL_GROUP", "topic", "学习意识形态工作责任制"),
                expected.stream().map(p -> new AttendanceEntry(p.getId(), AttendanceEntry.PRESENT, null, false, false)).toList()));

        page.setViewportSize(1366, 900);
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/ledger/records/" + study.id()));
        assertThat(page.locator("#sign-in-sheet-link")).isVisible();
        page.navigate(url(page.locator("#sign-in-sheet-link").getAttribute("href")));
        assertCleanPage();
        assertThat(page.locator("#print-button")).isVisible();
        String text = page.locator("#sign-in-sheet").innerText();
        assertThat(text).contains(title, "签到表", "主持人", "地点", "应到 " + expected.size() + " 人");
        for (Person p : expected) {
            assertThat(text).contains(p.getName());
        }
        assertThat(page.locator("tr.attendee td.signature")).hasCount(expected.size());
        for (String cell : page.locator("tr.attendee td.signature").allInnerTexts()) {
            assertThat(cell).isBlank();
        }
        screenshot("print-1-sign-in-sheet-screen");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("#print-button")).isHidden();
        assertThat(page.locator("#sign-in-sheet")).isVisible();
        assertThat(page.locator("#print-back")).isHidden();
        assertThat(page.locator("body").innerText()).doesNotContain("返回").contains(title, "签到表");
        screenshot("print-2-sign-in-sheet-print-media");
        Files.createDirectories(SCREENSHOTS);
        byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setPath(SCREENSHOTS.resolve("print-sign-in-sheet.pdf")));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // the record sheet, then the search from the header box
        page.navigate(url("/ledger/records/" + study.id() + "/print"));
        assertCleanPage();
        assertThat(page.locator("#record-sheet")).containsText("学习意识形态工作责任制");
        page.navigate(url("/"));
        page.fill("#header-search-q", title);
        page.press("#header-search-q", "Enter");
        page.waitForURL(u -> u.contains("/search?q="));
        assertCleanPage();
        assertThat(page.locator("#search-q")).hasValue(title);
        assertThat(page.locator("#search-records")).containsText(title);
        screenshot("print-3-search-desktop");

        onPhone();
        signIn("officer", "Luoshi@2026");
        assertThat(page.locator("#header-search-link")).isVisible();
        assertThat(page.locator("#header-search-form")).isHidden();
        page.click("#header-search-link");
        page.waitForURL(u -> u.contains("/search"));
        assertThat(page.locator("#search-hint")).containsText("输入至少 1 个字");
        page.fill("#search-q", "查无此词" + UUID.randomUUID().toString().substring(0, 4));
        page.click("#search-form button[type=submit]");
        page.waitForURL(u -> u.contains("q="));
        assertCleanPage();
        assertThat(page.locator("#search-empty")).containsText("未找到");
        screenshot("print-4-search-phone-empty");
        page.navigate(url("/ledger/records/" + study.id() + "/sign-in-sheet"));
        assertCleanPage();
        assertThat(page.locator("#sign-in-sheet")).containsText(title);
        screenshot("print-5-sign-in-sheet-phone");
    }
}
