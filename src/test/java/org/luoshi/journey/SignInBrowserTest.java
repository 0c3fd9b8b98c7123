package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** A township officer signs in, reaches the home page in Chinese, and signs out. */
class SignInBrowserTest extends BrowserJourney {

    @Test
    void officerSignsInAndOut() {
        page.navigate(url("/login"));
        assertThat(page.locator("h2")).hasText("登录");
        page.fill("#username", "officer");
        page.fill("#password", "wrong-Password1");
        page.click("button[type=submit]");
        assertThat(page.locator(".alert-danger")).containsText("用户名或密码错误");
        // the name stays, only the password is typed again
        assertThat(page.locator("#username")).hasValue("officer");
        assertThat(page.locator("#password")).hasValue("");

        signIn("officer", "Luoshi@2026");
        assertThat(page.locator("#user-menu")).containsText("柳溪镇");
        screenshot("home-officer");

        // a mistyped address says so, rather than blaming the system
        page.navigate(url("/no-such-page"));
        assertThat(page.locator("main")).containsText("页面不存在");
        assertThat(page.locator("main")).not().containsText("系统出错");
        page.navigate(url("/"));

        page.click("#user-menu");
        page.click("#logout");
        assertThat(page.locator(".alert-info")).containsText("已安全退出");
    }
}
