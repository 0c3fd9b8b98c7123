package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.inspection.Notifications;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bell in the header on an office screen and on a phone: the unread count as a badge, the list behind it,
 * and 全部已读 clearing the badge. A fresh township's officer, so only this journey's notices count.
 */
class NotificationBellBrowserTest extends BrowserJourney {

    @Autowired Notifications notifications;
    @Autowired AccountService accounts;
    @Autowired OrgUnitService units;

    @Test
    void theBellShowsTheUnreadCountAndAllReadClearsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var system = units.systemScope("test");
        OrgUnit township = units.create(system, new OrgUnitCommand(units.root().orElseThrow().getId(),
                OrgUnitKind.TOWNSHIP, "铃铛" + tag + "镇", null, 10_000, 99));
        String officer = "bell-" + tag;
        accounts.create(system, officer, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
        notifications.notify(township.getId(), "TOWNSHIP_OFFICER", "县委宣传部已退回《宣传思想工作总结》：请补充数据", "/report");
        notifications.notify(township.getId(), "TOWNSHIP_OFFICER", "整改期限已过：宣传栏内容更新", "/inspection/findings");

        onDesktop();
        signIn(officer, "Luoshi@2026");
        page.navigate(url("/ledger"));
        assertThat(page.locator("#bell-count")).hasText("2");
        assertCleanPage();
        screenshot("bell-desktop");
        page.click("#bell");
        page.waitForURL(u -> u.endsWith("/inspection/notifications"));
        assertThat(page.locator("text=整改期限已过：宣传栏内容更新")).isVisible();
        assertThat(page.locator("#read-all")).hasText("全部已读");
        assertCleanPage();
        screenshot("bell-list-desktop");
        page.click("#read-all");
        assertThat(page.locator(".alert-success")).containsText("已将 2 条通知标为已读");
        assertThat(page.locator("#bell-count")).hasCount(0);
        assertThat(page.locator("#read-all")).hasCount(0);

        notifications.notify(township.getId(), "TOWNSHIP_OFFICER", "报送任务《一季度情况》将于三日后截止", "/request");
        onPhone();
        signIn(officer, "Luoshi@2026");
        page.navigate(url("/ledger"));
        assertThat(page.locator("#bell-count")).isVisible();
        assertThat(page.locator("#bell-count")).hasText("1");
        assertCleanPage();
        screenshot("bell-phone");
        page.locator("#bell").tap();
        page.waitForURL(u -> u.endsWith("/inspection/notifications"));
        assertCleanPage();
        screenshot("bell-list-phone");
        page.locator("#read-all").tap();
        assertThat(page.locator("#bell-count")).hasCount(0);
    }
}
