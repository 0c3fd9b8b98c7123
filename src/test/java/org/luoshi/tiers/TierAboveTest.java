package org.luoshi.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Putting a city above the demo county through the API and the org page, as the whole tree's
 * administrator: the county moves below it, the administrator moves up, other roles are refused,
 * and a wrong tier is refused with a Chinese reason. In the test's transaction, so it rolls back.
 */
@LuoshiTest
@Transactional
class TierAboveTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrgUnitService units;
    @Autowired
    TierFixture fixture;

    @Test
    void theAdministratorPutsACityAboveTheCountyThroughTheApi() throws Exception {
        OrgUnit county = units.root().orElseThrow();
        mvc.perform(post("/api/v1/org/units/{id}/above", county.getId()).with(csrf()).with(TestUsers.as(users, "county"))
                .contentType("application/json").content("{\"kind\":\"CITY\",\"name\":\"越权市\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/org/units/{id}/above", county.getId()).with(csrf()).with(TestUsers.as(users, "admin"))
                .header("Accept-Language", "zh-CN").contentType("application/json")
                .content("{\"kind\":\"TOWNSHIP\",\"name\":\"错层镇\"}"))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(Matchers.containsString("之上只能增设其上级")));
        mvc.perform(post("/api/v1/org/units/{id}/above", county.getId()).with(csrf()).with(TestUsers.as(users, "admin"))
                .contentType("application/json").content("{\"kind\":\"CITY\",\"name\":\"锡林郭勒盟\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("CITY"))
                .andExpect(jsonPath("$.tierName").value("盟")).andExpect(jsonPath("$.parentId").isEmpty());
        OrgUnit city = units.root().orElseThrow();
        assertThat(city.getName()).isEqualTo("锡林郭勒盟");
        assertThat(units.getUnchecked(county.getId()).getParentId()).isEqualTo(city.getId());
        assertThat(fixture.scopeOf("admin").unitId()).isEqualTo(city.getId());
        // and a further county below the city
        mvc.perform(post("/api/v1/org/units").with(csrf()).with(TestUsers.as(users, "admin"))
                .contentType("application/json")
                .content("{\"parentId\":" + city.getId() + ",\"kind\":\"COUNTY\",\"name\":\"第二旗\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.tierName").value("旗"));
        assertThat(units.ofKind(units.systemReader("test"), OrgUnitKind.COUNTY)).hasSize(2);
    }

    @Test
    void theOrgPageOffersATierAboveToTheAdministratorAndExplainsARefusal() throws Exception {
        OrgUnit county = units.root().orElseThrow();
        mvc.perform(get("/org/units/{id}", county.getId()).with(TestUsers.as(users, "admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("增设上级单位")));
        mvc.perform(get("/org/units/{id}", county.getId()).with(TestUsers.as(users, "county")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("增设上级单位"))));
        // no name: the page again, with the reason, 4xx
        mvc.perform(post("/org/units/{id}/above", county.getId()).with(csrf()).with(TestUsers.as(users, "admin"))
                .header("Accept-Language", "zh-CN").param("kind", "PROVINCE").param("name", " "))
                .andExpect(status().is4xxClientError()).andExpect(content().string(Matchers.containsString("请填写单位名称")));
        mvc.perform(post("/org/units/{id}/above", county.getId()).with(csrf()).with(TestUsers.as(users, "admin"))
                .param("kind", "PROVINCE").param("name", "示范自治区")).andExpect(status().is3xxRedirection());
        assertThat(units.root().orElseThrow().getTierName()).isEqualTo("自治区");
        mvc.perform(get("/org/units").with(TestUsers.as(users, "admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("自治区")));
    }
}
