package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two county editors work on the same draft indicator set from pages opened at the same time: the second
 * rename, and an indicator saved from a page opened before, are refused (409) with the input kept.
 */
@LuoshiTest
class IndicatorSetStaleSaveTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IndicatorSetService sets;
    @Autowired
    OrgUnitService units;

    @Test
    void aSecondSaveFromTheSameCopyOfASetOrIndicatorIsRefusedKeepingTheInput() throws Exception {
        Cookie county = TestUsers.signIn(mvc, "county");
        Cookie admin = TestUsers.signIn(mvc, "admin");
        String name = IndicatorSetPagesTest.unique("并发表");
        String location = mvc.perform(post("/assessment/sets").cookie(county).with(csrf()).param("year", "2026").param("name", name))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/assessment/sets/".length()));
        String base = "/assessment/sets/" + id;
        mvc.perform(IndicatorSetPagesTest.seminarForm(base + "/indicators", "BF-01", "5").cookie(county).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long opened = version(id);
        long indicatorId = sets.get(units.systemScope("test"), id).getIndicators().get(0).getId();
        mvc.perform(get(base + "/indicators/" + indicatorId + "/edit").cookie(county))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + opened + "\"")));

        // one editor renames the set; the other's rename and indicator change were made on the older page
        mvc.perform(post(base).cookie(county).with(csrf()).param("year", "2026").param("name", name + "甲")
                .param("version", String.valueOf(opened))).andExpect(status().is3xxRedirection());
        mvc.perform(post(base).cookie(admin).with(csrf()).param("year", "2026").param("name", name + "乙")
                        .param("version", String.valueOf(opened)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("其他人已修改并保存")))
                .andExpect(content().string(containsString("value=\"" + name + "乙\"")));
        String page = mvc.perform(IndicatorSetPagesTest.seminarForm(base + "/indicators/" + indicatorId, "BF-01", "7")
                        .param("version", String.valueOf(opened)).cookie(admin).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(name + "甲")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"7\"").contains("name=\"version\" value=\"" + version(id) + "\"");
        IndicatorSet saved = sets.get(units.systemScope("test"), id);
        assertThat(saved.getName()).isEqualTo(name + "甲");
        assertThat(saved.getIndicators().get(0).definition().weight()).isEqualByComparingTo("5");

        // saved again from the refreshed page: deliberate, and it goes through
        mvc.perform(IndicatorSetPagesTest.seminarForm(base + "/indicators/" + indicatorId, "BF-01", "7")
                .param("version", String.valueOf(version(id))).cookie(admin).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(sets.get(units.systemScope("test"), id).getIndicators().get(0).definition().weight()).isEqualByComparingTo("7");
    }

    private long version(long id) {
        return sets.get(units.systemScope("test"), id).getVersion();
    }
}
