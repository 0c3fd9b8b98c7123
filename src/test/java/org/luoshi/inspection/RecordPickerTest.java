package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Evidence is picked from the unit's records by title or date, within the picker's data scope only. */
@LuoshiTest
class RecordPickerTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired LedgerService ledger;

    private LedgerRecord media(String username, LocalDate on, String title) {
        SignedInUser user = (SignedInUser) users.loadUserByUsername(username);
        return ledger.create(user.scope(), "MEDIA_PLACEMENT", new RecordCommand(user.scope().unitId(), on, null, title,
                null, List.of(), Map.of("outlet", "青禾日报", "level", "COUNTY", "medium", "PRINT", "articleCount", 1),
                List.of()));
    }

    private String pick(String username, long unitId, String q) throws Exception {
        return mvc.perform(get("/inspection/record-picker").param("unitId", String.valueOf(unitId)).param("q", q)
                        .param("id", "p1").with(as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void findsTheUnitsRecordsByTitleOrDateAndNothingOutsideTheScope() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.of(2019, 6, 17);
        LedgerRecord mine = media("officer", day, "宣讲稿" + tag);
        LedgerRecord other = media("officer2", day, "宣讲稿" + tag);
        long liuxi = mine.unitId();

        String byTitle = pick("officer", liuxi, "宣讲稿" + tag);
        assertThat(byTitle).contains("宣讲稿" + tag).contains("name=\"ledgerRecordId\"").contains("· 上稿")
                .contains("value=\"" + mine.id() + "\"").doesNotContain("value=\"" + other.id() + "\"");
        // case-insensitive words, the day, the month and the year find it; a wrong month does not
        assertThat(pick("officer", liuxi, tag.toUpperCase())).contains("value=\"" + mine.id() + "\"");
        assertThat(pick("officer", liuxi, "2019-06-17")).contains("value=\"" + mine.id() + "\"");
        assertThat(pick("officer", liuxi, "2019-06")).contains("value=\"" + mine.id() + "\"");
        assertThat(pick("officer", liuxi, "2019-07")).doesNotContain("value=\"" + mine.id() + "\"");
        // not a date (month 13): searched as words, found nowhere, said so
        assertThat(pick("officer", liuxi, "2019-13")).contains("没有找到符合条件的台账记录。");

        // another township's officer cannot search 柳溪镇 (404), nor does a search of their own show it
        mvc.perform(get("/inspection/record-picker").param("unitId", String.valueOf(liuxi)).param("q", tag)
                .with(as(users, "officer2"))).andExpect(status().isNotFound());
        assertThat(pick("officer2", other.unitId(), tag)).contains("value=\"" + other.id() + "\"")
                .doesNotContain("value=\"" + mine.id() + "\"");
        // reading roles do not pick evidence
        for (String reader : List.of("county", "leader")) {
            mvc.perform(get("/inspection/record-picker").param("unitId", String.valueOf(liuxi)).with(as(users, reader)))
                    .andExpect(status().isForbidden());
        }
        // the element id the page gives is kept to safe characters
        String odd = mvc.perform(get("/inspection/record-picker").param("unitId", String.valueOf(liuxi)).param("q", tag)
                .param("id", "p\"><script>").with(as(users, "officer"))).andReturn().getResponse().getContentAsString();
        assertThat(odd).doesNotContain("<script>").contains("id=\"pscript-" + mine.id() + "\"");
    }
}
