package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The county sends a request, a township answers it without typing a figure (every figure taken from
 * its ledger), and the county accepts the answer, which is then locked.
 */
class RequestBrowserTest extends BrowserJourney {

    @Test
    void countyAsksTownshipAnswersFromItsRecordsCountyAccepts() {
        page.onDialog(dialog -> dialog.accept());
        String title = "季度报送-" + UUID.randomUUID().toString().substring(0, 6);

        signIn("county", "Luoshi@2026");
        page.navigate(url("/requests"));
        page.click("#new-request");
        assertCleanPage();
        page.fill("#title", title);
        page.check("input[name=measures][value=CENTRAL_GROUP_SESSIONS]");
        page.check("input[name=measures][value=VILLAGES_REACHED]");
        // only 柳溪镇: the other demo townships are left alone
        page.locator("label.form-check", new com.microsoft.playwright.Page.LocatorOptions().setHasText("柳溪镇"))
                .locator("input[type=checkbox]").check();
        page.click("#send");
        assertThat(page.locator("#answers")).containsText("柳溪镇");
        assertThat(page.locator("#answers")).containsText("未报送");
        String taskUrl = page.url();

        context.clearCookies();
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/requests"));
        page.locator("#received-table a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title)).click();
        // the figures are there already, with the records behind them; the officer types nothing
        String sessions = page.inputValue("#value-CENTRAL_GROUP_SESSIONS");
        assertThat(sessions).matches("\\d+");
        assertThat(page.locator("#figure-CENTRAL_GROUP_SESSIONS .from-records")).hasText(sessions);
        assertThat(page.locator("#figure-CENTRAL_GROUP_SESSIONS .records-link")).hasAttribute("href",
                java.util.regex.Pattern.compile("/ledger/study-session\\?unitId=\\d+"));
        assertCleanPage();
        screenshot("request-answer");
        page.click("#submit-answer");
        assertThat(page.locator("#status")).hasText("已报送");
        assertThat(page.locator("#submitted-figures")).not().containsText("手工改填");

        context.clearCookies();
        signIn("county", "Luoshi@2026");
        page.navigate(taskUrl);
        assertThat(page.locator("#answers")).containsText("已报送");
        page.locator("#answers a").first().click();
        assertThat(page.locator("#figure-CENTRAL_GROUP_SESSIONS")).containsText(sessions);
        assertCleanPage();
        page.click("#accept");
        assertThat(page.locator("#answers")).containsText("已采用");
        assertCleanPage();
        screenshot("request-accepted");
    }

    /**
     * A report request: the township opening it finds its report of the year generated from its records
     * and linked, and opens it from the request; until it answers, the county sees that nothing came yet.
     */
    @Test
    void aReportRequestOpensTheTownshipsGeneratedReport() {
        String title = "总结报送-" + UUID.randomUUID().toString().substring(0, 6);
        signIn("county", "Luoshi@2026");
        page.navigate(url("/requests/new"));
        page.fill("#title", title);
        page.selectOption("#reportKind", "PROPAGANDA_SUMMARY");
        page.locator("label.form-check", new com.microsoft.playwright.Page.LocatorOptions().setHasText("柳溪镇"))
                .locator("input[type=checkbox]").check();
        page.click("#send");
        assertThat(page.locator("#report-kind")).containsText("宣传思想工作总结");
        assertCleanPage();
        String taskUrl = page.url();

        context.clearCookies();
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/requests"));
        page.locator("#received-table a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title)).click();
        assertThat(page.locator("#report-link")).isVisible();
        assertThat(page.locator("#submit-answer")).hasText("报送报告");
        assertCleanPage();
        screenshot("request-report");
        page.click("#report-link");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/report/\\d+$"));
        assertCleanPage();

        context.clearCookies();
        signIn("county", "Luoshi@2026");
        page.navigate(taskUrl);
        page.locator("#answers a").first().click();
        assertThat(page.locator("#report-answer")).containsText("宣传思想工作总结");
        assertThat(page.locator("#status")).hasText("未报送");
        assertCleanPage();
    }
}
