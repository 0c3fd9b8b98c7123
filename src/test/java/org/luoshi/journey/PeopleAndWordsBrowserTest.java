package org.luoshi.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.account.ActorNames;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 16, technical text: the one who recorded is a person's name, evidence is picked from the township's
 * records by title, and the audit reads as actions in words — at 1366 px and on a phone.
 */
class PeopleAndWordsBrowserTest extends BrowserJourney {

    @Autowired LedgerService ledger;
    @Autowired UserDetailsService users;
    @Autowired ActorNames actors;

    private LedgerRecord media(String title) {
        SignedInUser officer = (SignedInUser) users.loadUserByUsername("officer");
        long township = officer.scope().unitId();
        return ledger.create(officer.scope(), "MEDIA_PLACEMENT", new RecordCommand(township,
                org.luoshi.TestClock.today(), null, title, null, List.of(),
                Map.of("outlet", "青禾日报", "level", "COUNTY", "medium", "PRINT", "articleCount", 1), List.of()));
    }

    @Test
    void recordsNamePeopleEvidenceIsPickedByTitleAndTheAuditReadsInWords() {
        String title = "宣讲稿件" + UUID.randomUUID().toString().substring(0, 6);
        LedgerRecord record = media(title);
        String officerName = actors.name("officer");
        // the demo officer's account names the person in 柳溪镇's 宣传委员 post
        assertThat(officerName).isNotEqualTo("柳溪镇宣传委员").isNotBlank();

        onDesktop();
        signIn("officer", "Luoshi@2026");
        page.navigate(url("/ledger/records/" + record.id()));
        assertThat(page.locator("main")).containsText(officerName);
        assertThat(page.locator("main")).not().containsText("officer");
        assertCleanPage();
        screenshot("words-1-recorded-by-person");

        // a self-inspection's evidence: searched by title, picked, linked
        page.navigate(url("/inspection/checklists"));
        page.click("text=意识形态工作责任制落实情况检查清单");
        page.click("#start-self");
        String firstResult = page.locator("select[id^=answer-result-]").first().getAttribute("id");
        String itemId = firstResult.substring("answer-result-".length());
        page.selectOption("#" + firstResult, "MEETS");
        page.fill("#answer-statement-" + itemId, "按要求开展宣讲，稿件在县级媒体刊发。");
        page.click("#save-answers");
        // htmx (a deferred script) listens once the page has loaded: typing before that would go unheard
        assertThat(page.locator(".alert-success")).containsText("项作答");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.fill("#picker-" + itemId + "-q", title.substring(0, 6));
        // Enter searches at once (and the form around it is not sent)
        page.press("#picker-" + itemId + "-q", "Enter");
        page.locator("#picker-" + itemId + "-results").getByText(title).waitFor();
        assertCleanPage();
        screenshot("words-2-evidence-picker");
        page.check("#picker-" + itemId + "-" + record.id());
        page.locator("#picker-" + itemId + "-results").locator("xpath=ancestor::form").locator("button[type=submit]").click();
        assertThat(page.locator("a[href='/ledger/records/" + record.id() + "']")).hasCount(1);
        assertCleanPage();

        // the officer deletes the record; the administrator reads it in words
        page.onDialog(d -> d.accept());
        page.navigate(url("/ledger/records/" + record.id()));
        page.fill("#delete-reason", "重复登记");
        page.click("form[action$='/delete'] button[type=submit]");

        onPhone();
        signIn("admin", "Luoshi@2026");
        page.navigate(url("/admin/audit?event=" + java.net.URLEncoder.encode("删除台账", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.locator("#audit-events")).containsText("删除台账记录 #" + record.id() + " 《" + title + "》");
        assertThat(page.locator("#audit-events")).containsText(officerName);
        assertThat(page.locator("#audit-events")).not().containsText("HTTP 302");
        assertThat(page.locator("#audit-events")).not().containsText("POST /ledger");
        assertCleanPage();
        screenshot("words-3-audit-phone");
        Object wide = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
        assertThat(wide).isEqualTo(true);
    }
}
