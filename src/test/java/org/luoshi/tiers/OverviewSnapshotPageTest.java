package org.luoshi.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A province's overview served from its snapshot says when its figures were taken and how often they are
 * refreshed (here every tree of two or more townships is "large"); a city below the threshold is computed
 * for the view and says nothing of the kind.
 */
@LuoshiTest
@Transactional
@TestPropertySource(properties = {"luoshi.assessment.overview-snapshot.min-townships=4",
        "luoshi.assessment.overview-snapshot.max-age=PT15M"})
class OverviewSnapshotPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    TierFixture fixture;

    @Test
    void theProvinceOverviewSaysWhenItsFiguresWereTaken() throws Exception {
        fixture.build();
        String province = mvc.perform(get("/assessment/overview").with(TestUsers.as(users, "provrev"))
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(province).contains("id=\"overview-snapshot\"").contains("数据截至").contains("每 15 分钟更新")
                .contains("邻县", "柳溪镇");
        // 邻州 holds one township: below the threshold, computed for the view
        String small = mvc.perform(get("/assessment/overview").with(TestUsers.as(users, "othercityrev"))
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(small).contains("邻县").doesNotContain("overview-snapshot");
    }
}
