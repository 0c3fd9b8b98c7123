package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.Test;

/**
 * The county reviewer signs in and lands on the county home: the four panels load (reports waiting,
 * overdue rectifications by township, townships not reported, the ranking), the waiting count agrees
 * with the inbox it links to, and the page reads cleanly at 1366 px and on a phone (390 × 844) without
 * sideways scrolling.
 */
class CountyHomeBrowserTest extends BrowserJourney {

    static final String[] PANELS = {"#home-review", "#home-overdue", "#home-unreported", "#home-ranking"};

    @Test
    void theReviewerSeesTheCountyHomeOnADesktopAndAPhone() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1366, 768)
                .setReducedMotion(ReducedMotion.REDUCE));
        page = context.newPage();
        signIn("county", "Luoshi@2026");
        page.navigate(url("/"));
        for (String panel : PANELS) {
            assertThat(page.locator(panel)).isVisible();
        }
        assertThat(page.locator("#county-home")).containsText("待审核报告");
        assertThat(page.locator("#assessment-panel")).hasCount(0);
        assertCleanPage();
        screenshot("county-home-1366");

        // the count on the panel is the inbox's number of rows
        String summary = page.locator("#home-review .card-body").first().textContent();
        int waiting = Integer.parseInt(summary.replaceAll("\\D", ""));
        page.click("#home-review a[href='/report/inbox']");
        page.waitForURL(u -> u.endsWith("/report/inbox"));
        assertCleanPage();
        // an empty inbox has no table, so no rows: the same number either way
        assertThat(page.locator("main table tbody tr").count()).isEqualTo(waiting);

        onPhone();
        signIn("county", "Luoshi@2026");
        page.navigate(url("/"));
        for (String panel : PANELS) {
            assertThat(page.locator(panel)).isVisible();
        }
        assertCleanPage();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling on a phone").isLessThanOrEqualTo(0);
        screenshot("county-home-390");
    }
}
