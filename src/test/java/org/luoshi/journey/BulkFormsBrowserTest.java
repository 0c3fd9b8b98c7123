package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two forms that do several things in one submit, walked where they refuse: letters signed at one
 * meeting with one signer left blank, and a new record with a file that is not what its name says. Each
 * comes back as the same form with the message beside the row or field and everything typed still there,
 * and nothing is saved (the demo data other journeys read stays as it was).
 */
class BulkFormsBrowserTest extends BrowserJourney {

    @Test
    void lettersSignedAtOneMeetingComeBackWithTheBlankSignerMarkedAndNothingSigned() {
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/responsibility/letters"));
        page.click("#sign-all");
        assertCleanPage();
        String formUrl = page.url();
        Locator rows = page.locator("#bulk-rows tbody tr");
        int unsigned = rows.count();
        java.util.List<String> units = rows.evaluateAll("rows => rows.map(r => r.dataset.unit)", null) instanceof java.util.List<?> l
                ? l.stream().map(String::valueOf).toList() : java.util.List.of();
        assertThat(unsigned).as("the demo township has unsigned letters").isGreaterThan(0);
        assertThat(rows.first().locator("input[type=checkbox]")).isChecked();

        rows.first().locator("input[name$='.signerName']").fill("");
        String kept = "集中签订" + UUID.randomUUID().toString().substring(0, 4);
        if (unsigned > 1) {
            rows.nth(1).locator("input[name$='.signerName']").fill(kept);
        }
        page.click("#bulk-letters button[type=submit]");

        assertCleanPage();
        assertThat(page.locator("#bulk-rows tbody tr").first().locator(".invalid-feedback")).containsText("请填写签订人");
        if (unsigned > 1) {
            assertThat(page.locator("#bulk-rows tbody tr").nth(1).locator("input[name$='.signerName']")).hasValue(kept);
        }
        screenshot("bulk-letters-refused");
        // all or nothing: the same letters are still unsigned (compared by unit: the shared database may have
        // gained units from other tests meanwhile, whose letters are unsigned too)
        page.navigate(formUrl);
        java.util.List<?> after = (java.util.List<?>) page.locator("#bulk-rows tbody tr")
                .evaluateAll("rows => rows.map(r => r.dataset.unit)", null);
        assertThat(units).hasSize(unsigned);
        assertThat(after.stream().map(String::valueOf).toList()).containsAll(units);
    }

    @Test
    void aNewRecordWithAFileThatIsNotWhatItsNameSaysKeepsTheTypedFieldsAndSavesNothing() {
        onPhone();
        signIn("officer", "Luoshi@2026");
        String title = "带附件的学习-" + UUID.randomUUID().toString().substring(0, 6);
        page.navigate(url("/ledger/study-session/new"));
        page.fill("#occurredOn", org.luoshi.TestClock.today().minusDays(1).toString());
        page.fill("#title", title);
        page.selectOption("#field-subKind", "CENTRAL_GROUP");
        page.fill("#field-topic", "学习意识形态工作责任制有关规定");
        page.setInputFiles("#files", new FilePayload("签到照片.jpg", "image/jpeg",
                "这不是一张照片".getBytes(StandardCharsets.UTF_8)));
        page.click("#save-record");

        assertCleanPage();
        assertThat(page.locator("#files-error")).isVisible();
        assertThat(page.locator("#files-error")).containsText("签到照片.jpg");
        assertThat(page.locator("#title")).hasValue(title);
        assertThat(page.locator("#field-topic")).hasValue("学习意识形态工作责任制有关规定");
        screenshot("record-files-refused-390");
        // one transaction: the record was not saved without its file
        page.navigate(url("/ledger?q=" + title));
        assertThat(page.locator("main")).not().containsText(title);
    }
}
