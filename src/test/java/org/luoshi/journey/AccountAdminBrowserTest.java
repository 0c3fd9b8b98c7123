package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.RequestOptions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The administrator creates an account for a new propaganda officer; the officer must change the
 * password set by someone else before anything else, then creates an access token on the profile
 * page and calls the API with it, and revokes it.
 */
class AccountAdminBrowserTest extends BrowserJourney {

    @Test
    void adminCreatesAccountOfficerChangesPasswordAndUsesToken() {
        // Unique per run: a PostgreSQL test database may be kept between runs.
        String username = "xc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        signIn("admin", "Luoshi@2026");
        page.navigate(url("/admin/accounts/new"));
        page.fill("#username", username);
        page.fill("#displayName", "新任宣传干事");
        page.selectOption("#role", "TOWNSHIP_OFFICER");
        String unitId = page.locator("#orgUnitId option").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(Pattern.compile("^[- ]*柳溪镇$")))
                .first().getAttribute("value");
        page.selectOption("#orgUnitId", unitId);

        // A weak password is refused with the rule, and the form keeps what was typed.
        page.fill("#password", "abcdefgh");
        page.click("main button[type=submit]");
        assertThat(page.locator(".invalid-feedback").first()).isVisible();
        assertThat(page.locator("main form.card")).containsText("至少三类");
        assertThat(page.locator("#username")).hasValue(username);

        page.fill("#password", "Qinghe#Start26");
        page.click("main button[type=submit]");
        assertThat(page.locator("body")).containsText("账号“" + username + "”已创建");
        // The list is shared with other tests' accounts: narrow it to the unit, the role and the name.
        page.navigate(url("/admin/accounts?unit=" + unitId + "&role=TOWNSHIP_OFFICER&q=" + username));
        assertThat(page.locator("main table")).containsText(username);
        assertThat(page.locator("main table")).containsText("新任宣传干事");
        screenshot("account-created");

        // The new officer signs in and is held on the password page until the password is changed.
        context.clearCookies();
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", "Qinghe#Start26");
        page.click("button[type=submit]");
        page.waitForURL(u -> u.contains("/account/password"));
        assertThat(page.locator("#forced")).isVisible();
        page.navigate(url("/ledger"));
        assertThat(page).hasURL(Pattern.compile(".*/account/password.*"));

        page.fill("#currentPassword", "Qinghe#Start26");
        page.fill("#newPassword", "Liuxi!Ledger2026");
        page.fill("#repeatPassword", "Liuxi!Ledger2026-typo");
        page.click("main button[type=submit]");
        assertThat(page.locator("#repeatPassword")).hasClass(Pattern.compile(".*is-invalid.*"));

        page.fill("#currentPassword", "Qinghe#Start26");
        page.fill("#newPassword", "Liuxi!Ledger2026");
        page.fill("#repeatPassword", "Liuxi!Ledger2026");
        page.click("main button[type=submit]");
        page.waitForURL(u -> !u.contains("/account/password"));
        assertThat(page.locator("#user-menu")).containsText("柳溪镇");

        // A personal access token, shown once, works for the API until it is revoked.
        page.navigate(url("/account/profile"));
        page.fill("#name", "台账同步脚本");
        page.click("form[action$='/account/profile/tokens'] button[type=submit]");
        String token = page.locator("#token-secret").textContent().trim();
        assertThat(token).isNotBlank();
        assertThat(page.locator("main table")).containsText("台账同步脚本");
        screenshot("token-created");

        APIRequestContext api = playwright.request().newContext();
        try {
            APIResponse me = api.get(url("/api/v1/me"),
                    RequestOptions.create().setHeader("Authorization", "Bearer " + token));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.text()).contains("\"username\":\"" + username + "\"").contains("柳溪镇");

            page.onDialog(dialog -> dialog.accept());
            page.click("form[action*='/revoke'] button[type=submit]");
            assertThat(page.locator("main table")).containsText("已撤销");

            APIResponse revoked = api.get(url("/api/v1/me"),
                    RequestOptions.create().setHeader("Authorization", "Bearer " + token));
            assertThat(revoked.status()).isEqualTo(401);
            assertThat(revoked.headers().get("content-type")).startsWith("application/problem+json");
        } finally {
            api.dispose();
        }
    }
}
