package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The county runs a visit to 石桥乡 and records a finding; 石桥乡's officer rectifies it with a
 * photo and submits; the county re-checks and passes it, and the task is locked.
 */
class InspectionBrowserTest extends BrowserJourney {

    static final byte[] PNG = HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154785e636000020000050001061475a30000000049454e44ae426082");

    void switchUser(String username) {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900)
                // Bootstrap scrolls smoothly unless motion is reduced: a click after Playwright scrolled an
                // element into view could land while the page still moved ("did not change its state")
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        page = context.newPage();
        signIn(username, "Luoshi@2026");
    }

    @Test
    void countyVisitsTownshipRectifiesCountyPasses() {
        String title = "宣传栏内容未及时更新-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate deadline = org.luoshi.TestClock.today().plusDays(20);

        signIn("county", "Luoshi@2026");
        page.navigate(url("/inspection/checklists"));
        page.click("text=意识形态工作责任制落实情况检查清单");
        page.click("#start-visit");
        page.fill("#team", "县委宣传部督导组");
        page.selectOption("#unitIds", new SelectOption().setLabel("石桥乡"));
        screenshot("inspection-1-visit-form");
        page.click("#visit-form button[type=submit]");
        assertThat(page.locator("#inspection-status")).hasText("进行中");

        page.selectOption("#unitId", new SelectOption().setLabel("石桥乡"));
        page.fill("#vf-title", title);
        page.fill("#vf-detail", "宣传栏仍张贴去年的内容。");
        page.selectOption("#vf-owner", new SelectOption().setLabel("石桥乡 宣传委员"));
        page.fill("#vf-deadline", deadline.toString());
        page.click("#record-finding");
        assertThat(page.locator("#findings")).containsText(title);
        screenshot("inspection-2-visit-finding");
        page.click("#findings >> text=" + title);
        String findingUrl = page.url();
        assertThat(page.locator("#finding-state")).hasText("待整改");

        switchUser("officer2");
        page.navigate(findingUrl);
        page.click("#start");
        assertThat(page.locator("#finding-state")).hasText("整改中");
        page.fill("#plan-measures", "更换宣传栏内容，明确专人每月检查更新。");
        page.click("#save-plan");
        assertThat(page.locator("#measures")).containsText("专人每月检查");
        page.setInputFiles("#evidence-file", new FilePayload("宣传栏整改照片.png", "image/png", PNG));
        page.click("#upload-evidence");
        assertThat(page.locator("#evidence-list")).containsText("宣传栏整改照片.png");
        page.fill("#submit-note", "已全部更换为今年的内容。");
        page.click("#submit");
        assertThat(page.locator("#finding-state")).hasText("待复查");
        assertThat(page.locator("#recheck-form")).hasCount(0);
        screenshot("inspection-3-township-submitted");

        switchUser("county");
        page.navigate(findingUrl);
        page.fill("#recheck-reason", "现场复查，内容已更新，同意销号。");
        // Passing locks the task, so the page asks first; the county confirms.
        String[] asked = new String[1];
        page.onceDialog(dialog -> {
            asked[0] = dialog.message();
            dialog.accept();
        });
        List<String> passedAt = beijingMinutesOf(() -> {
            page.click("#recheck-pass");
            assertThat(page.locator("#finding-state")).hasText("复查通过");
        });
        org.assertj.core.api.Assertions.assertThat(asked[0]).startsWith("复查通过后任务即销号锁定");
        assertThat(page.locator("#locked")).isVisible();
        assertThat(page.locator("#timeline")).containsText("提交复查");
        assertThat(page.locator("#timeline")).containsText("同意销号");
        // the timeline shows when the county passed it in Beijing time, whatever the server's zone
        org.assertj.core.api.Assertions.assertThat(page.locator("#timeline").innerText()).containsAnyOf(passedAt.toArray(String[]::new));
        screenshot("inspection-4-county-passed");

        page.navigate(url("/inspection/overview"));
        assertThat(page.locator("#rates")).containsText("石桥乡");
        screenshot("inspection-5-overview");
    }

    /**
     * 柳溪镇's officer starts a self-inspection, pre-fills it from the assessment (items linked to
     * indicators get a proposal to confirm), and raises findings from red indicators and venue faults.
     */
    @Test
    void townshipPrefillsFromTheAssessmentAndRaisesSystemFindings() {
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/inspection/checklists"));
        page.click("text=意识形态工作责任制落实情况检查清单");
        page.click("#start-self");
        assertThat(page.locator("#inspection-status")).hasText("进行中");
        page.click("#prefill");
        assertThat(page.locator(".alert-success")).containsText("已预填 6 项");
        assertThat(page.locator("text=考核预填，待确认")).hasCount(6);
        assertThat(page.locator("main")).containsText("党委会专题研究部署意识形态工作：全年目标");
        screenshot("inspection-6-prefilled");

        page.navigate(url("/inspection/findings"));
        page.click("#generate");
        assertThat(page.locator(".alert-success")).containsText("新生成考评指标问题");
        screenshot("inspection-7-system-findings");
    }
}
