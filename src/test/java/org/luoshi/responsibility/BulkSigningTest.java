package org.luoshi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 集中签订: a township's three villages sign at one meeting. The form lists the unsigned letters checked;
 * one letter recorded by someone else meanwhile (a stale copy) and one blank signer are refused beside
 * their rows, with the typed input kept and nothing saved; after correcting, one submit signs the rest
 * with the date and the meeting. A meeting of another township is refused. Not in a test transaction:
 * the refused submit must roll back on its own, as it does for a user; the units are new and uniquely named.
 */
@LuoshiTest
class BulkSigningTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnitService units;
    @Autowired LetterService letters;
    @Autowired LedgerService ledger;
    @Autowired Clock clock;

    OrgUnit create(OrgUnit parent, OrgUnitKind kind, String name) {
        return units.create(units.systemScope("test"), new OrgUnitCommand(parent.getId(), kind, name, null, null, 0));
    }

    long meeting(OrgUnit unit, String title) {
        return ledger.create(units.systemScope("test"), "MEETING", new RecordCommand(unit.getId(), LocalDate.now(clock), null,
                title, null, List.of(), Map.of("subKind", "JOINT", "topics", "签订意识形态工作责任书"), List.of())).id();
    }

    MockHttpServletRequestBuilder submit(OrgUnit township, int year, LocalDate on, Long meeting, Object[][] rows) {
        MockHttpServletRequestBuilder request = post("/responsibility/letters/sign-all").with(csrf())
                .with(TestUsers.as(users, "admin")).header("Accept-Language", "zh-CN")
                .param("townshipId", township.getId().toString()).param("year", String.valueOf(year))
                .param("signedOn", on.toString()).param("meetingRecordId", meeting == null ? "" : meeting.toString());
        for (int i = 0; i < rows.length; i++) {
            request.param("rows[" + i + "].counterpartUnitId", rows[i][0].toString())
                    .param("rows[" + i + "].version", rows[i][1].toString())
                    .param("rows[" + i + "].signerName", (String) rows[i][2])
                    .param("_rows[" + i + "].selected", "on");
            if ((Boolean) rows[i][3]) {
                request.param("rows[" + i + "].selected", "true");
            }
        }
        return request;
    }

    @Test
    void lettersSignedAtOneMeetingAreRegisteredTogetherAndRefusalsStandBesideTheirRows() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        OrgUnit township = create(units.root().orElseThrow(), OrgUnitKind.TOWNSHIP, "集签镇" + tag);
        OrgUnit east = create(township, OrgUnitKind.VILLAGE, "东头村");
        OrgUnit west = create(township, OrgUnitKind.VILLAGE, "西头村");
        OrgUnit south = create(township, OrgUnitKind.VILLAGE, "南头村");
        OrgUnit elsewhere = create(units.root().orElseThrow(), OrgUnitKind.TOWNSHIP, "别处镇" + tag);
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        long meeting = meeting(township, "责任书签订大会");
        long foreignMeeting = meeting(elsewhere, "别处的会议");

        String form = mvc.perform(get("/responsibility/letters/sign-all").with(TestUsers.as(users, "admin"))
                        .header("Accept-Language", "zh-CN").param("townshipId", township.getId().toString())
                        .param("year", String.valueOf(year)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("东头村").contains("西头村").contains("南头村").contains("责任书签订大会")
                .doesNotContain("别处的会议").contains("checked=\"checked\"").contains("value=\"" + today + "\"");

        // someone records 西头村's letter after the form was opened
        letters.sign(units.systemScope("test"), new LetterService.LetterCommand(township.getId(), west.getId(), year, today,
                "先登记的人", null), null, LetterService.UNSIGNED);
        long westVersion = letters.row(units.systemScope("test"), township.getId(), west.getId(), year).version();
        long unsigned = LetterService.UNSIGNED;
        String refused = mvc.perform(submit(township, year, today, meeting, new Object[][] {
                        {east.getId(), unsigned, "张东", true}, {west.getId(), unsigned, "李西", true},
                        {south.getId(), unsigned, "王南", true}}))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("其他人已修改并保存").contains("先登记的人")
                .contains("value=\"张东\"").contains("value=\"李西\"").contains("value=\"王南\"")
                // the stale row now carries the saved version: submitting again is deliberate
                .contains("value=\"" + westVersion + "\"");
        // nothing of the refused submit was saved
        assertThat(letters.row(units.systemScope("test"), township.getId(), east.getId(), year).signed()).isFalse();
        assertThat(letters.row(units.systemScope("test"), township.getId(), west.getId(), year).signerName())
                .isEqualTo("先登记的人");

        // a checked row without a signer is told beside its row; an unchecked one is left alone
        String blank = mvc.perform(submit(township, year, today, meeting, new Object[][] {
                        {east.getId(), unsigned, " ", true}, {west.getId(), westVersion, "李西", false},
                        {south.getId(), unsigned, "王南", true}}))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(blank).contains("is-invalid").contains("value=\"王南\"");
        assertThat(letters.row(units.systemScope("test"), township.getId(), south.getId(), year).signed()).isFalse();

        // another township's meeting is refused beside the meeting field
        mvc.perform(submit(township, year, today, foreignMeeting, new Object[][] {{east.getId(), unsigned, "张东", true}}))
                .andExpect(status().isConflict());

        // corrected, 西头村 left out: one submit signs the two others with the date and the meeting
        mvc.perform(submit(township, year, today, meeting, new Object[][] {
                        {east.getId(), unsigned, "张东", true}, {west.getId(), westVersion, "李西", false},
                        {south.getId(), unsigned, "王南", true}}))
                .andExpect(status().is3xxRedirection());
        LetterService.LetterRow eastRow = letters.row(units.systemScope("test"), township.getId(), east.getId(), year);
        assertThat(eastRow.signerName()).isEqualTo("张东");
        assertThat(eastRow.signedOn()).isEqualTo(today);
        assertThat(eastRow.meetingRecordId()).isEqualTo(meeting);
        assertThat(letters.row(units.systemScope("test"), township.getId(), south.getId(), year).signerName()).isEqualTo("王南");
        assertThat(letters.row(units.systemScope("test"), township.getId(), west.getId(), year).signerName())
                .isEqualTo("先登记的人");
        assertThat(letters.status(units.systemScope("test"), township.getId(), year).signed()).isEqualTo(3);

        // a village clerk may not open the form
        mvc.perform(get("/responsibility/letters/sign-all").with(TestUsers.as(users, "clerk"))
                .param("townshipId", township.getId().toString()).param("year", String.valueOf(year)))
                .andExpect(status().isForbidden());
    }
}
