package org.luoshi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.org.Post;
import org.luoshi.responsibility.LeadingGroupService.SeatCommand;
import org.luoshi.responsibility.LeadingGroupService.SeatView;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people edit the same letter or leading-group seat from copies opened at the same time, each signed
 * in with their own session: the second save is refused (409) with what is saved now, the typed input
 * stays in the form, and the form takes the saved version so that saving again is deliberate.
 */
@LuoshiTest
class StaleSaveTest extends ResponsibilityTestBase {

    @Autowired
    LetterService letters;
    @Autowired
    LeadingGroupService groups;

    @Test
    void aSecondSigningFromTheSameCopyOfALetterIsRefusedKeepingTheInput() throws Exception {
        long township = fx.township("柳溪镇").getId();
        long village = fx.unit("柳溪镇", "上塘村").getId();
        // a year no demo data and no other test records letters for
        int year = org.luoshi.TestClock.today().getYear() - 4;
        long opened = letters.row(fx.system(), township, village, year).version();
        Cookie officer = TestUsers.signIn(mvc, "officer");
        Cookie admin = TestUsers.signIn(mvc, "admin");

        mvc.perform(sign(officer, township, village, year, "先签的人", opened)).andExpect(status().is3xxRedirection());
        String page = mvc.perform(sign(admin, township, village, year, "后签的人", opened))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("其他人已修改并保存")))
                .andExpect(content().string(containsString("先签的人")))
                .andExpect(content().string(containsString("value=\"后签的人\"")))
                .andReturn().getResponse().getContentAsString();
        LetterService.LetterRow saved = letters.row(fx.system(), township, village, year);
        assertThat(saved.signerName()).isEqualTo("先签的人");
        assertThat(page).contains("name=\"version\" value=\"" + saved.version() + "\"");
        // saving again from the refreshed form is deliberate, and goes through
        mvc.perform(sign(admin, township, village, year, "后签的人", saved.version())).andExpect(status().is3xxRedirection());
        assertThat(letters.row(fx.system(), township, village, year).signerName()).isEqualTo("后签的人");
    }

    @Test
    void aSecondSaveOfASeatFromTheSameCopyIsRefusedKeepingTheInput() throws Exception {
        long township = fx.township("柳溪镇").getId();
        Post post = fx.heldPost("柳溪镇", "席位" + Fixtures.unique());
        long seatId = groups.addSeat(fx.scopeOf("officer"), township, new SeatCommand(SeatRole.MEMBER, post.getId(), "原职责", 900, null));
        try {
            long opened = groups.seat(fx.system(), township, seatId).version();
            Cookie officer = TestUsers.signIn(mvc, "officer");
            Cookie admin = TestUsers.signIn(mvc, "admin");
            String url = "/responsibility/groups/" + township + "/seats/" + seatId;
            mvc.perform(seat(url, officer, post, "先改的职责", opened)).andExpect(status().is3xxRedirection());
            String page = mvc.perform(seat(url, admin, post, "后改的职责", opened))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(containsString("其他人已修改并保存")))
                    .andExpect(content().string(containsString("先改的职责")))
                    .andExpect(content().string(containsString("后改的职责</textarea>")))
                    .andReturn().getResponse().getContentAsString();
            SeatView saved = groups.seat(fx.system(), township, seatId);
            assertThat(saved.duty()).isEqualTo("先改的职责");
            assertThat(page).contains("name=\"version\" value=\"" + saved.version() + "\"");
            mvc.perform(seat(url, admin, post, "后改的职责", saved.version())).andExpect(status().is3xxRedirection());
            assertThat(groups.seat(fx.system(), township, seatId).duty()).isEqualTo("后改的职责");
        } finally {
            // added and removed the same day: deleted, the group as the other tests know it
            groups.removeSeat(fx.system(), township, seatId);
        }
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder sign(Cookie session,
            long township, long village, int year, String signer, long version) {
        return multipart("/responsibility/letters/sign").cookie(session).with(csrf())
                .param("townshipId", String.valueOf(township)).param("counterpartUnitId", String.valueOf(village))
                .param("year", String.valueOf(year)).param("signedOn", LocalDate.of(year, 3, 1).toString())
                .param("signerName", signer).param("version", String.valueOf(version));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder seat(String url, Cookie session,
            Post post, String duty, long version) {
        return post(url).cookie(session).with(csrf()).param("role", "MEMBER").param("postId", post.getId().toString())
                .param("duty", duty).param("sortOrder", "900").param("version", String.valueOf(version));
    }
}
