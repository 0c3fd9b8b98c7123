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

        signIn("officer", "Luoshi@2026");
        assertThat(page.locator("#user-menu")).containsText("柳溪镇");
        screenshot("home-officer");

        page.click("#user-menu");
        page.click("#logout");
        assertThat(page.locator(".alert-info")).containsText("已安全退出");
    }
}
