package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The township officer's home page is the township dashboard: scores, warnings, what is due, the
 * latest records and the four charts; the evaluation page draws the same charts.
 */
class TownshipDashboardBrowserTest extends BrowserJourney {

    @Test
    void officerSeesScoresWarningsRecentRecordsAndCharts() {
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/"));
        assertThat(page.locator("#assessment-panel .panel-total").first()).isVisible();
        // warnings of the running year, or, for a year just ended (January, February) that met everything, the all-clear
        assertThat(page.locator("#assessment-panel .panel-warning, #assessment-panel .panel-all-met").first()).isVisible();
        assertThat(page.locator("#recent-records .list-group-item").first()).isVisible();
        // ECharts draws each chart into its own canvas once the data has arrived
        assertThat(page.locator("#assessment-panel [data-chart] canvas")).hasCount(4);
        assertThat(page.locator("#assessment-panel [data-charts-url][data-drawn=done]")).hasCount(1);
        page.waitForTimeout(1200); // let the chart animation finish for the screenshot
        screenshot("township-dashboard");

        page.click("#assessment-panel .card-actions a");
        assertThat(page.locator(".set-evaluation").first()).isVisible();
        assertThat(page.locator("[data-chart] canvas")).hasCount(4);
        page.waitForTimeout(1200);
        screenshot("township-evaluation");

        // the top menu leads to the scores too, not only the home page
        page.navigate(url("/ledger"));
        page.click("#nav-assessment");
        page.click("#nav-assessment-menu >> text=考评结果");
        assertThat(page.locator(".set-evaluation").first()).isVisible();
    }
}
