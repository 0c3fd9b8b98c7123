package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The township officer records a 中心组 study session with attendance (one member on leave with a
 * reason) and a photo, finds it again through the list filters, corrects it with a reason and reads
 * its history.
 */
class LedgerBrowserTest extends BrowserJourney {

    static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 236, 245));
        g.fillRect(0, 0, 120, 80);
        g.setColor(new Color(32, 107, 196));
        g.fillRect(10, 10, 60, 8);
        g.fillRect(10, 30, 90, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void officerRecordsFindsCorrectsAndTracesAStudySession() throws Exception {
        LocalDate today = org.luoshi.TestClock.today();
        String on = today.minusDays(3).toString();
        String title = "中心组集中学习" + UUID.randomUUID().toString().substring(0, 6);
        page.onDialog(dialog -> dialog.accept());

        signIn("officer", "Luoshi@2026");
        page.navigate(url("/ledger/study-session/new"));
        page.fill("#occurredOn", on);
        page.fill("#title", title);
        page.selectOption("#field-subKind", "CENTRAL_GROUP");
        page.fill("#field-topic", "学习意识形态工作责任制有关规定");
        page.fill("#field-materials", "责任制实施办法及解读");
        assertCleanPage();
        assertThat(page.locator("#att-person-1")).isVisible();
        String leaveName = page.locator("#att-person-1 option:checked").textContent().split("·")[0].trim();
        page.selectOption("#att-status-1", "LEAVE");
        page.fill("#att-reason-1", "在县里参加培训");
        page.check("#att-spoke-0");
        screenshot("ledger-1-new-study-session");
        page.click("#save-record");

        assertThat(page.locator("h2.page-title")).containsText(title);
        assertThat(page.locator("#record-fields")).containsText("理论学习中心组学习");
        assertThat(page.locator("#attendance")).containsText("在县里参加培训");
        assertThat(page.locator("#attendance")).containsText(leaveName);
        String recordUrl = page.url();

        page.setInputFiles("#file", new FilePayload("签到照片.png", "image/png", photo()));
        page.click("#upload-submit");
        assertThat(page.locator("#attachments")).containsText("签到照片.png");
        assertThat(page.locator("#attachments img")).hasCount(1);
        screenshot("ledger-2-recorded-with-photo");

        page.navigate(url("/ledger"));
        page.locator("#kind-counts a:has([data-kind=STUDY_SESSION])").click();
        page.waitForURL(u -> u.contains("/ledger/study-session"));
        page.fill("#f-q", title);
        page.fill("#f-from", today.minusDays(7).toString());
        page.fill("#f-to", today.toString());
        page.click("#filter-submit");
        page.waitForURL(u -> u.contains("q="));
        assertThat(page.locator("#records tbody tr")).hasCount(1);
        assertCleanPage();
        assertThat(page.locator("[data-kind=STUDY_SESSION]")).hasText("1");
        screenshot("ledger-3-found-by-filters");
        // Outside the date range it is not listed.
        page.fill("#f-from", today.minusDays(60).toString());
        page.fill("#f-to", today.minusDays(30).toString());
        page.click("#filter-submit");
        assertThat(page.locator("#records")).hasCount(0);
        page.goBack();
        page.click("#records a:text('" + title + "')");
        assertThat(page).hasURL(recordUrl);

        page.click("#edit-record");
        page.fill("#field-topic", "学习意识形态工作责任制实施细则");
        page.fill("#reason", "学习主题写得不准确");
        page.click("#save-record");
        assertThat(page.locator("#record-fields")).containsText("实施细则");
        page.click("#history-link");
        assertThat(page.locator(".revision")).hasCount(1);
        assertThat(page.locator(".revision .reason")).hasText("学习主题写得不准确");
        assertThat(page.locator(".revision")).containsText("学习意识形态工作责任制有关规定");
        assertThat(page.locator(".revision")).containsText("学习意识形态工作责任制实施细则");
        screenshot("ledger-4-history");
        assertThat(page.url()).endsWith("/history");
    }

    /**
     * The unit field searches as one types: the county reviewer finds a village of another township by
     * part of its name, picks it in the list and filters by it; the count is announced beside the field.
     */
    @Test
    void countyReviewerFindsAUnitByTypingPartOfItsName() {
        signIn("county", "Luoshi@2026");
        page.navigate(url("/ledger"));
        assertThat(page.locator("#f-unit-search")).hasAttribute("aria-controls", "f-unit");
        assertThat(page.locator("#f-unit-search")).hasAttribute("aria-label", "查找单位");
        page.fill("#f-unit-search", "石桥村");
        assertThat(page.locator("#f-unit option", new com.microsoft.playwright.Page.LocatorOptions().setHasText("石桥村（石桥乡）")))
                .hasCount(1);
        assertThat(page.locator("#f-unit + .form-text")).containsText("找到");
        assertCleanPage();
        screenshot("ledger-5-unit-picker");
        page.selectOption("#f-unit", new com.microsoft.playwright.options.SelectOption().setLabel("石桥村（石桥乡）"));
        page.click("#filter-submit");
        page.waitForURL(u -> u.contains("unitId="));
        assertThat(page.locator("#f-unit option:checked")).containsText("石桥村");
        // a name outside the reviewer's reach is announced as not found
        page.fill("#f-unit-search", "不存在的单位名");
        assertThat(page.locator("#f-unit + .form-text")).containsText("没有");
    }
}
