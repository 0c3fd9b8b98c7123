package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo officer opens the org tree and the township's leading group, as on a first visit. */
class OrgAndGroupBrowserTest extends BrowserJourney {

    @Test
    void officerSeesOrgTreeAndLeadingGroup() {
        signIn("officer", "Luoshi@2026");

        page.click("text=组织架构");
        assertThat(page.locator("#unit-tree")).containsText("柳溪镇");
        assertThat(page.locator("#unit-tree")).containsText("柳溪村");
        // Data scope: another township is not in the officer's tree.
        assertThat(page.locator("#unit-tree")).not().containsText("石桥乡");
        screenshot("org-tree-officer");

        page.click("text=责任体系");
        assertThat(page.locator("h2.page-title")).hasText("意识形态工作领导小组");
        assertThat(page.locator("#seats")).containsText("党委书记");
        assertThat(page.locator("#seats")).containsText("宣传委员");
        screenshot("leading-group-officer");

        page.click("text=首页");
        assertThat(page.locator("#inspection-panel")).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        screenshot("home-officer-panels");
    }
}
