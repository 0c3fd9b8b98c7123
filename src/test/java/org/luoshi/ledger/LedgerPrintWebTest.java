package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The ledger's print views: the sign-in sheet and the record sheet, with the record page's scope. */
@LuoshiTest
class LedgerPrintWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    RecordKinds kinds;

    static final Pattern ATTENDEE_ROW = Pattern.compile(
            "<tr class=\"attendee\">\\s*<td class=\"num\">(\\d+)</td>\\s*<td class=\"name\">([^<]*)</td>\\s*<td>[^<]*</td>\\s*"
                    + "<td class=\"signature\">(.*?)</td>", Pattern.DOTALL);

    @Test
    void signInSheetListsTheSessionsAttendeesEachWithAnEmptySignatureCell() throws Exception {
        OrgUnit village = fx.freshVillage("柳溪镇");
        Person a = fx.person(village.getId());
        Person b = fx.person(village.getId());
        LedgerRecord study = ledger.create(fx.scope("officer"), "STUDY_SESSION", LedgerFixtures.study(village.getId(),
                LedgerFixtures.TODAY, List.of(new AttendanceEntry(a.getId(), AttendanceEntry.PRESENT, null, false, false),
                        new AttendanceEntry(b.getId(), AttendanceEntry.PRESENT, null, false, false))));
        String html = mvc.perform(get("/ledger/records/{id}/sign-in-sheet", study.id()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签到表")))
                .andExpect(content().string(containsString("中心组学习")))
                .andExpect(content().string(containsString(LedgerFixtures.TODAY.toString())))
                .andExpect(content().string(containsString("window.print()")))
                .andExpect(content().string(containsString("应到 2 人")))
                // no navigation on a sheet
                .andExpect(content().string(not(containsString("navbar"))))
                .andReturn().getResponse().getContentAsString();
        Matcher rows = ATTENDEE_ROW.matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (rows.find()) {
            names.add(rows.group(2));
            assertThat(rows.group(3)).as("signature cell of " + rows.group(2)).isBlank();
        }
        assertThat(names).containsExactly(a.getName(), b.getName());

        mvc.perform(get("/ledger/records/{id}", study.id()).with(as(users, "officer")))
                .andExpect(content().string(containsString("/ledger/records/" + study.id() + "/sign-in-sheet")))
                .andExpect(content().string(containsString("打印签到表")));
    }

    @Test
    void anotherTownshipsRecordIsNotFoundOnEveryPrintView() throws Exception {
        OrgUnit village = fx.freshVillage("柳溪镇");
        LedgerRecord study = ledger.create(fx.scope("officer"), "STUDY_SESSION",
                LedgerFixtures.study(village.getId(), LedgerFixtures.TODAY, List.of()));
        for (String path : List.of("/ledger/records/{id}/sign-in-sheet", "/ledger/records/{id}/print")) {
            mvc.perform(get(path, study.id()).with(as(users, "officer2"))).andExpect(status().isNotFound());
            mvc.perform(get(path, study.id()).with(as(users, "officer"))).andExpect(status().isOk());
            mvc.perform(get(path, study.id()).with(as(users, "county"))).andExpect(status().isOk());
        }
        mvc.perform(get("/ledger/study-session/sign-in-sheet").param("unitId", village.getId().toString())
                .with(as(users, "officer2"))).andExpect(status().isNotFound());
    }

    @Test
    void aPlannedSessionsSheetIsForWritersAndListsTheSuggestedAttendees() throws Exception {
        OrgUnit township = fx.township("柳溪镇");
        List<Person> expected = ledger.suggestedAttendees(fx.scope("officer"), township.getId(), kinds.get("study-session"));
        String html = mvc.perform(get("/ledger/study-session/sign-in-sheet").param("unitId", township.getId().toString())
                        .param("title", "理论学习中心组第三次集体学习").param("occurredOn", LedgerFixtures.TODAY.toString())
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("理论学习中心组第三次集体学习")))
                .andReturn().getResponse().getContentAsString();
        Matcher rows = ATTENDEE_ROW.matcher(html);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertThat(count).isEqualTo(expected.size());
        mvc.perform(get("/ledger/study-session/sign-in-sheet").with(as(users, "leader"))).andExpect(status().isForbidden());
        // a kind without attendance has no sign-in sheet
        mvc.perform(get("/ledger/directive/sign-in-sheet").with(as(users, "officer"))).andExpect(status().isNotFound());
    }

    @Test
    void recordSheetShowsFieldsAndCaptionsWithoutNavigation() throws Exception {
        OrgUnit village = fx.freshVillage("柳溪镇");
        LedgerRecord study = ledger.create(fx.scope("officer"), "STUDY_SESSION",
                LedgerFixtures.study(village.getId(), LedgerFixtures.TODAY, List.of()));
        var photo = ledger.attach(fx.scope("officer"), study.id(),
                new org.springframework.mock.web.MockMultipartFile("file", "宣讲现场.png", "image/png", LedgerWebTest.PNG));
        mvc.perform(get("/ledger/records/{id}/print", study.id()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/ledger/attachments/" + photo.getId() + "/thumbnail")))
                .andExpect(content().string(containsString("宣讲现场.png")))
                .andExpect(content().string(containsString("学习党的创新理论")))
                .andExpect(content().string(containsString(village.getName())))
                .andExpect(content().string(containsString("print.css")))
                .andExpect(content().string(not(containsString("navbar"))));
    }
}
