package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The work calendar: the officer reaches it from the menu, reads the month and moves through the year;
 * the county reviewer picks a township; on a phone the page fits the screen.
 */
class CalendarBrowserTest extends BrowserJourney {

    @Test
    void officerReadsTheMonthAndAReviewerPicksATownship() {
        page.setViewportSize(1366, 900);
        signIn("officer", "Luoshi@2026");
        page.click("#nav-calendar");
        assertThat(page.locator("#calendar-heading")).containsText("柳溪镇");
        // the demo county's default set gives every month its 中心组学习: this month has entries
        assertThat(page.locator("#entries .entry").first()).isVisible();
        assertThat(page.locator("#months a")).hasCount(12);
        assertThat(page.locator("#feed-url")).containsText("/calendar/feed.ics?townshipId=");
        assertCleanPage();
        screenshot("calendar-officer-1366");

        page.click("#month-3");
        assertThat(page.locator("#calendar-heading")).containsText("3月");
        assertThat(page.locator("#entries .entry[data-code=LL-01]").first()).isVisible();
        assertCleanPage();
        page.click("#next-month");
        assertThat(page.locator("#calendar-heading")).containsText("4月");
        assertCleanPage();

        page.click("#user-menu");
        page.click("#logout");
        signIn("county", "Luoshi@2026");
        page.navigate(url("/calendar"));
        assertThat(page.locator("#no-township")).containsText("请先选择");
        page.selectOption("#townshipId", new com.microsoft.playwright.options.SelectOption().setLabel("石桥乡"));
        page.click("#pick button[type=submit]");
        assertThat(page.locator("#calendar-heading")).containsText("石桥乡");
        assertCleanPage();
        screenshot("calendar-county-1366");

        onPhone();
        signIn("leader", "Luoshi@2026");
        page.navigate(url("/calendar"));
        assertThat(page.locator("#calendar-heading")).containsText("柳溪镇");
        assertThat(page.locator("#entries .entry").first()).isVisible();
        assertCleanPage();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow").isLessThanOrEqualTo(0);
        screenshot("calendar-leader-390");
    }
}
