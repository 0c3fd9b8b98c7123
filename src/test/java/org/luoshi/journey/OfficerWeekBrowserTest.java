package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The officer's and the clerk's week as issue 16's walk-through found it, one journey per defect,
 * each page passed through the shared check (no escape text, raw key or error page).
 */
class OfficerWeekBrowserTest extends BrowserJourney {

    private static String unique(String title) {
        return title + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A 中心组 study session of {@code on} titled {@code title}, saved through the form; ends on the form or the record. */
    private void recordStudySession(String on, String title) {
        page.navigate(url("/ledger/study-session/new"));
        page.fill("#occurredOn", on);
        page.fill("#title", title);
        page.selectOption("#field-subKind", "CENTRAL_GROUP");
        page.fill("#field-topic", "学习意识形态工作责任制有关规定");
        page.click("#save-record");
    }

    /** Defects 1 and 2: unit pickers read as names, and attendance is one card per person at 390 px. */
    @Test
    void aClerkRecordsAttendanceOnAPhone() {
        onPhone();
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/ledger/study-session/new"));
        assertCleanPage();
        assertThat(page.locator("#unitId option").first().textContent()).doesNotContain("\\u").contains("柳溪镇");

        // each person a card: the selects take the card's width and show the whole choice
        Locator person = page.locator("#att-person-0");
        Locator status = page.locator("#att-status-0");
        assertThat(person).isVisible();
        assertThat(person.boundingBox().width).isGreaterThan(250);
        assertThat(status.boundingBox().width).isGreaterThan(250);
        assertThat(page.locator("#att-row-0").boundingBox().width).isLessThanOrEqualTo(390);
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        assertThat(page.locator("#att-row-0 td[data-label]").first()).isVisible();
        // the second card sits below the first, not beside it
        assertThat(page.locator("#att-row-1").boundingBox().y)
                .isGreaterThan(page.locator("#att-row-0").boundingBox().y + page.locator("#att-row-0").boundingBox().height - 1);
        page.selectOption("#att-status-1", "LEAVE");
        page.fill("#att-reason-1", "在县里参加培训");
        screenshot("week-1-attendance-phone");

        page.navigate(url("/ledger/study-session"));
        assertCleanPage();
    }

    /** Defect 7: an exact duplicate is refused beside the title, with what was typed kept. */
    @Test
    void theFormRefusesAnExactDuplicateBesideTheTitle() {
        String on = org.luoshi.TestClock.today().minusDays(2).toString();
        String title = unique("中心组集中学习重复");
        signIn("officer", "Luoshi@2026");
        recordStudySession(on, title);
        assertThat(page.locator("h2.page-title")).containsText(title);

        recordStudySession(on, title);
        assertCleanPage();
        assertThat(page.locator("#title")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#title + .invalid-feedback")).hasText("同一单位、同一日期、同一标题的记录已存在。");
        assertThat(page.locator("#title")).hasValue(title);
        assertThat(page.locator("#field-topic")).hasValue("学习意识形态工作责任制有关规定");
        screenshot("week-2-duplicate-refused");
    }

    /** Defect 6: the administrator opens a deleted record, reads it, and restores it from there. */
    @Test
    void anAdministratorOpensADeletedRecordBeforeRestoringIt() {
        String title = unique("中心组集中学习删除");
        page.onDialog(dialog -> dialog.accept());
        signIn("officer", "Luoshi@2026");
        recordStudySession(org.luoshi.TestClock.today().minusDays(4).toString(), title);
        assertThat(page.locator("h2.page-title")).containsText(title);
        String recordUrl = page.url();
        page.fill("#delete-reason", "误录");
        page.locator("form:has(#delete-reason) button[type=submit]").click();
        page.waitForURL(u -> !u.equals(recordUrl));

        context.clearCookies();
        signIn("admin", "Luoshi@2026");
        page.navigate(url("/ledger/deleted"));
        page.click("text=" + title);
        assertCleanPage();
        assertThat(page.locator("#deleted-notice")).containsText("误录");
        assertThat(page.locator("#record-fields")).containsText("理论学习中心组学习");
        screenshot("week-3-deleted-record");
        page.fill("#restore-form input[name=reason]", "确认并非误录");
        page.click("#restore-form button[type=submit]");
        assertThat(page.locator("#deleted-notice")).hasCount(0);
        assertThat(page.locator("h2.page-title")).containsText(title);
    }

    /** Defect 3: a refused rule re-renders the form with the input and the reason beside the field. */
    @Test
    void aSecondPrimaryResponsibilityIsRefusedBesideTheKind() {
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/responsibility/duties"));
        page.click("#add-duty");
        // the demo's 宣传委员 post by its name, not by position: posts other tests add to the township (kept in a
        // shared PostgreSQL database) would otherwise move into the first place
        String post = page.locator("#postId option", new com.microsoft.playwright.Page.LocatorOptions().setHasText("宣传委员"))
                .first().getAttribute("value");
        page.selectOption("#postId", post);
        page.selectOption("#kind", "PRIMARY");
        page.fill("#scope", "全面负责本镇意识形态工作");
        page.click("button[type=submit].btn-primary");
        assertCleanPage();
        assertThat(page.locator("#kind")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#kind ~ .invalid-feedback")).hasText("每个乡镇（街道）只能有一名第一责任人。");
        assertThat(page.locator("#kind")).hasValue("PRIMARY");
        assertThat(page.locator("#scope")).hasValue("全面负责本镇意识形态工作");
        screenshot("week-4-rule-refused-beside-field");
    }

    /** Defect 10: the top menu leads each role to its own assessment page; the tables only for editors. */
    @Test
    void theAssessmentMenuLeadsEachRoleToItsOwnPage() {
        signIn("county", "Luoshi@2026");
        page.click("#nav-assessment");
        assertThat(page.locator("#nav-assessment-menu a").first()).hasId("nav-assessment-county");
        page.click("#nav-assessment-county");
        page.waitForURL(u -> u.contains("/assessment/county"));
        assertCleanPage();

        context.clearCookies();
        signIn("leader", "Luoshi@2026");
        page.click("#nav-assessment");
        assertThat(page.locator("#nav-assessment-menu a").first()).hasId("nav-assessment-evaluation");
        assertThat(page.locator("#nav-assessment-sets")).hasCount(0);
        page.click("#nav-assessment-evaluation");
        assertThat(page.locator(".set-evaluation").first()).isVisible();
        assertCleanPage();

        context.clearCookies();
        signIn("clerk", "Luoshi@2026");
        assertThat(page.locator("#nav-assessment")).hasCount(0);
    }

    /** Defects 5 and 11: the home page has a report card; several photos go up at once, from the gallery. */
    @Test
    void theHomePageShowsReportsAndSeveralPhotosGoUpAtOnce() throws Exception {
        signIn("officer", "Luoshi@2026");
        assertThat(page.locator("#report-panel")).isVisible();
        assertCleanPage();

        String title = unique("中心组集中学习照片");
        recordStudySession(org.luoshi.TestClock.today().minusDays(1).toString(), title);
        assertThat(page.locator("h2.page-title")).containsText(title);
        assertThat(page.locator("#file")).not().hasAttribute("capture", java.util.regex.Pattern.compile(".*"));
        byte[] png = LedgerBrowserTest.photo();
        page.setInputFiles("#file", new FilePayload[] {new FilePayload("签到表.png", "image/png", png),
                new FilePayload("会场.png", "image/png", png)});
        page.click("#upload-submit");
        assertThat(page.locator("#attachments img")).hasCount(2);
        assertThat(page.locator("#attachments")).containsText("签到表.png");
        assertThat(page.locator("#attachments")).containsText("会场.png");
        assertCleanPage();
        screenshot("week-5-two-photos");

        // the page loads thumbnails, not the full photos
        String src = page.locator("#attachments img").first().getAttribute("src");
        assertThat(src).endsWith("/thumbnail");
        var thumbnail = page.request().get(url(src));
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.headers().get("content-type")).isEqualTo("image/jpeg");

        // a wrong photo is taken off with a reason, which the history keeps with the file's name
        Locator second = page.locator("#attachments .list-group-item:has-text('会场.png')");
        second.locator("summary.text-danger").click();
        second.locator("button[type=submit]").click();
        assertCleanPage();
        assertThat(page.locator("#attachments .invalid-feedback:visible")).hasText("请填写原因。");
        second = page.locator("#attachments .list-group-item:has-text('会场.png')");
        second.locator("input[name=reason]").fill("照片拍错，重新上传");
        second.locator("button[type=submit]").click();
        assertThat(page.locator("#attachments img")).hasCount(1);
        assertThat(page.locator("#attachments")).not().containsText("会场.png");
        page.navigate(page.url().replaceAll("#.*", "") + "/history");
        assertThat(page.locator(".revision").last()).containsText("移除附件");
        assertThat(page.locator(".revision").last()).containsText("会场.png：照片拍错，重新上传");
        assertCleanPage();
    }

    /** Defect 9: at 1366 and 1920 px the header buttons stay in one row and every kind tab is in view. */
    @Test
    void headerButtonsAndKindTabsFitADesktop() {
        signIn("officer", "Luoshi@2026");
        for (int width : new int[] {1366, 1920}) {
            page.setViewportSize(width, 900);
            for (String path : new String[] {"/ledger", "/ledger/study-session", "/org/people", "/report"}) {
                page.navigate(url(path));
                assertCleanPage();
                Locator buttons = page.locator(".page-header .btn:visible");
                assertThat(buttons.count()).as("buttons on %s", path).isPositive();
                double top = buttons.first().boundingBox().y;
                for (int i = 1; i < buttons.count(); i++) {
                    assertThat(buttons.nth(i).boundingBox().y).as("button %d of %s at %d px", i, path, width)
                            .isCloseTo(top, org.assertj.core.data.Offset.offset(4.0));
                }
                if (!path.startsWith("/ledger")) {
                    continue;
                }
                Locator tabs = page.locator("#kind-counts .nav-link");
                assertThat(tabs.count()).isGreaterThan(10);
                for (int i = 0; i < tabs.count(); i++) {
                    var box = tabs.nth(i).boundingBox();
                    assertThat(box.x + box.width).as("tab %d of %s at %d px", i, path, width).isLessThanOrEqualTo(width);
                }
            }
            screenshot("week-6-ledger-tabs-" + width);
        }
    }

    /** Defect 14: an en-US browser gets Chinese; English only by the switch, which is remembered. */
    @Test
    void anEnglishBrowserGetsChineseUntilTheUserSwitches() {
        context.close();
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("en-US")
                .setExtraHTTPHeaders(java.util.Map.of("Accept-Language", "en-US,en;q=0.9")).setViewportSize(1366, 900));
        page = context.newPage();
        page.navigate(url("/login"));
        assertThat(page.locator("h2")).hasText("登录");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        page.click("#lang-en");
        assertThat(page.locator("h2")).hasText("Sign in");
        signIn("officer", "Luoshi@2026");
        assertThat(page.locator("#navbar-menu")).containsText("Work ledger");
        page.click("#user-menu");
        page.click("#lang-zh");
        assertThat(page.locator("#navbar-menu")).containsText("工作台账");
        page.navigate(url("/ledger"));
        assertThat(page.locator("#navbar-menu")).containsText("工作台账");
        assertCleanPage();
    }

    /** Defect 13: an unknown address says the page does not exist, not that the system failed. */
    @Test
    void anUnknownAddressSaysThePageDoesNotExist() {
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/no-such-page"));
        assertThat(page.locator("#error-page")).containsText("页面不存在");
        assertThat(page.locator("#error-page")).not().containsText("系统出错");
    }

    /** Defect 15: a paged list goes back with 上一页, page by page, to the first. */
    @Test
    void aPagedListGoesBackPageByPage() {
        signIn("admin", "Luoshi@2026");
        page.navigate(url("/ledger"));
        assertThat(page.locator("#prev-page")).hasCount(0);
        String firstRow = page.locator("#records tbody tr").first().getAttribute("data-id");
        page.click("#next-page");
        String secondRow = page.locator("#records tbody tr").first().getAttribute("data-id");
        assertThat(secondRow).isNotEqualTo(firstRow);
        page.click("#next-page");
        assertThat(page.locator("#records tbody tr").first()).not().hasAttribute("data-id", secondRow);
        assertCleanPage();
        page.click("#prev-page");
        assertThat(page.locator("#records tbody tr").first()).hasAttribute("data-id", secondRow);
        page.click("#prev-page");
        assertThat(page.locator("#records tbody tr").first()).hasAttribute("data-id", firstRow);
        assertThat(page.locator("#prev-page")).hasCount(0);
    }

    /** Defect 12: 舆情 cases offer common channels and categories; the list says which are open and filters them. */
    @Test
    void openOpinionCasesShowAndFilterAsSuch() {
        LocalDate today = org.luoshi.TestClock.today();
        String open = unique("村民反映道路施工扬尘");
        String closed = unique("网传停水通知");
        signIn("officer", "Luoshi@2026");
        for (String title : new String[] {open, closed}) {
            page.navigate(url("/ledger/opinion-case/new"));
            assertCleanPage();
            assertThat(page.locator("#suggest-channel option").count()).isGreaterThan(3);
            assertThat(page.locator("#field-channel")).hasAttribute("list", "suggest-channel");
            page.fill("#occurredOn", today.minusDays(3).toString());
            page.fill("#title", title);
            page.fill("#field-channel", "网络平台");
            page.fill("#field-category", "社会民生");
            page.selectOption("#field-level", "GENERAL");
            if (title.equals(closed)) {
                page.fill("#field-closedOn", today.minusDays(2).toString());
                page.check("#field-onTime");
            }
            page.click("#save-record");
            assertThat(page.locator("h2.page-title")).containsText(title);
        }
        page.navigate(url("/ledger/opinion-case?q=" + open.substring(0, 4)));
        page.check("#f-open");
        page.click("#filter-submit");
        page.waitForURL(u -> u.contains("open=true"));
        assertCleanPage();
        Locator rows = page.locator("#records tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(open))).hasCount(1);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(open)).locator(".case-state")).containsText("未办结");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(closed))).hasCount(0);
        screenshot("week-7-open-opinion-cases");
        page.navigate(url("/ledger/opinion-case?q=" + closed));
        assertThat(page.locator("#records .case-state").first()).containsText("已办结");
    }
}
