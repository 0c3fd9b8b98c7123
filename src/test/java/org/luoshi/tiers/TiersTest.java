package org.luoshi.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Several counties under a city and a province in one deployment: a city reviewer reads every county's
 * townships below its city and nothing of another city, writes no township data, and a county below a
 * city still works for its own reviewer and officer. The tree is built in the test's transaction
 * ({@link TierFixture}) and rolls back, so the demo root stays 青禾县 for the other tests.
 */
@LuoshiTest
@Transactional
class TiersTest {

    @Autowired
    TierFixture fixture;
    @Autowired
    OrgUnitService units;
    @Autowired
    LedgerService ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    TierFixture.Tiers tiers;

    @BeforeEach
    void buildTree() {
        tiers = fixture.build();
    }

    @Test
    void theDemoCountyNowLiesBelowTheCityAndTheProvinceIsTheRoot() {
        assertThat(units.root()).get().extracting(OrgUnit::getId).isEqualTo(tiers.province().getId());
        assertThat(tiers.qinghe().getPath()).startsWith(tiers.city().getPath()).startsWith(tiers.province().getPath());
        assertThat(tiers.qinghe().getParentId()).isEqualTo(tiers.city().getId());
        assertThat(tiers.city().getTierName()).isEqualTo("市");
        assertThat(tiers.otherCity().getTierName()).isEqualTo("州");
        assertThat(tiers.province().getTierName()).isEqualTo("省");
        // the townships' own county, not the root
        assertThat(units.countyOf(tiers.hekou())).get().extracting(OrgUnit::getId).isEqualTo(tiers.xinhe().getId());
        OrgUnit liuxi = township(tiers.qinghe(), "柳溪镇");
        assertThat(units.countyOf(liuxi)).get().extracting(OrgUnit::getId).isEqualTo(tiers.qinghe().getId());
        assertThat(units.countyOf(tiers.city())).isEmpty();
        // the demo administrator administers the whole tree from its new root
        assertThat(fixture.scopeOf("admin").unitId()).isEqualTo(tiers.province().getId());
    }

    @Test
    void aCityReviewerReadsEveryCountysTownshipsBelowItsCityAndNothingOfAnotherCity() {
        DataScope city = fixture.scopeOf("cityrev");
        assertThat(titles(city, "层级测试")).containsExactly("河口镇层级测试研讨");
        assertThat(ledger.get(city, tiers.hekouRecord().id()).title()).isEqualTo("河口镇层级测试研讨");
        assertThatThrownBy(() -> ledger.get(city, tiers.otherRecord().id())).isInstanceOf(NotFoundException.class);
        // the demo county's records too: every county below the city
        assertThat(ledger.list(city, filter(null), null, 5).records()).isNotEmpty();
        OrgUnit liuxi = township(tiers.qinghe(), "柳溪镇");
        assertThat(units.get(city, liuxi.getId()).getName()).isEqualTo("柳溪镇");
        assertThatThrownBy(() -> units.get(city, tiers.otherTownship().getId())).isInstanceOf(NotFoundException.class);

        DataScope other = fixture.scopeOf("othercityrev");
        assertThat(titles(other, "层级测试")).containsExactly("邻镇层级测试研讨");
        assertThatThrownBy(() -> ledger.get(other, tiers.hekouRecord().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.get(other, liuxi.getId())).isInstanceOf(NotFoundException.class);

        DataScope province = fixture.scopeOf("provrev");
        assertThat(titles(province, "层级测试")).containsExactlyInAnyOrder("河口镇层级测试研讨", "邻镇层级测试研讨");
    }

    @Test
    void aCityReviewerWritesNoTownshipData() throws Exception {
        DataScope city = fixture.scopeOf("cityrev");
        assertThatThrownBy(() -> ledger.create(city, "STUDY_SESSION", seminar(tiers.hekou(), "市审核人不得记账")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.delete(city, tiers.hekouRecord().id(), "不应允许"))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/api/v1/ledger/records/{id}", tiers.hekouRecord().id()).with(csrf())
                .with(TestUsers.as(users, "cityrev")).contentType("application/json").content("{}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/org/units/{id}/deactivate", tiers.hekou().getId()).with(csrf())
                .with(TestUsers.as(users, "cityrev"))).andExpect(status().isForbidden());
        assertThat(ledger.get(city, tiers.hekouRecord().id()).title()).isEqualTo("河口镇层级测试研讨");
    }

    @Test
    void aCountyBelowACityStillWorksForItsOwnReviewerAndOfficer() throws Exception {
        DataScope xinhe = fixture.scopeOf("xinherev");
        assertThat(titles(xinhe, "层级测试")).containsExactly("河口镇层级测试研讨");
        OrgUnit liuxi = township(tiers.qinghe(), "柳溪镇");
        assertThatThrownBy(() -> units.get(xinhe, liuxi.getId())).isInstanceOf(NotFoundException.class);
        // the demo county's reviewer, signing in after the move, reads its own townships and not 新河县's
        DataScope qinghe = fixture.scopeOf("county");
        assertThat(units.get(qinghe, liuxi.getId()).getName()).isEqualTo("柳溪镇");
        assertThat(titles(qinghe, "层级测试")).isEmpty();

        DataScope officer = fixture.scopeOf("hekouofficer");
        LedgerRecord made = ledger.create(officer, "STUDY_SESSION", seminar(tiers.hekouVillage(), "河口村层级测试学习"));
        assertThat(ledger.get(xinhe, made.id()).title()).isEqualTo("河口村层级测试学习");
        assertThat(ledger.get(fixture.scopeOf("cityrev"), made.id()).title()).isEqualTo("河口村层级测试学习");

        // pages of the county below the city answer for its own users
        mvc.perform(get("/ledger").with(TestUsers.as(users, "hekouofficer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("河口镇层级测试研讨")));
        mvc.perform(get("/requests").with(TestUsers.as(users, "xinherev"))).andExpect(status().isOk());
        // the demo county's ranking is still its own (its set, its townships), not the root's
        mvc.perform(get("/assessment/county").with(TestUsers.as(users, "county"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("柳溪镇")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("河口镇"))));
        mvc.perform(get("/org/units/{id}", tiers.city().getId()).with(TestUsers.as(users, "cityrev")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("新河县")));
        mvc.perform(get("/org/units").with(TestUsers.as(users, "cityrev")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("市委宣传部审核人")));
    }

    @Test
    void aCityRanksItsCountiesAndTheirTownshipsAndAProvinceSeesItsCities() throws Exception {
        String city = mvc.perform(get("/assessment/overview").with(TestUsers.as(users, "cityrev"))
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the demo county's townships are scored against 青禾县's own set; 新河县 has published none this year
        assertThat(city).contains("示范市", "青禾县", "新河县", "柳溪镇", "本年未发布").doesNotContain("邻州", "邻镇");
        String province = mvc.perform(get("/assessment/overview").with(TestUsers.as(users, "provrev"))
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(province).contains("示范市", "邻州", "邻县", "柳溪镇");
        String other = mvc.perform(get("/assessment/overview").with(TestUsers.as(users, "othercityrev"))
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).contains("邻县").doesNotContain("柳溪镇", "新河县");
        // a county keeps its own ranking page; a township has no overview
        mvc.perform(get("/assessment/overview").with(TestUsers.as(users, "county")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/assessment/overview").with(TestUsers.as(users, "hekouofficer"))).andExpect(status().isForbidden());
    }

    @Test
    void aReviewerOfAnotherCityGets404ForThisCitysUnitsAndRecords() throws Exception {
        mvc.perform(get("/api/v1/ledger/records/{id}", tiers.hekouRecord().id()).with(TestUsers.as(users, "othercityrev")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org/units/{id}", tiers.hekou().getId()).with(TestUsers.as(users, "othercityrev")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/units/{id}", tiers.xinhe().getId()).with(TestUsers.as(users, "othercityrev")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ledger/records/{id}", tiers.hekouRecord().id()).with(TestUsers.as(users, "cityrev")))
                .andExpect(status().isOk());
    }

    @Test
    void aCountysIndicatorSetStaysTheCountys() throws Exception {
        String year = String.valueOf(java.time.LocalDate.now(clock).getYear());
        String asCity = mvc.perform(get("/api/v1/assessment/sets").param("year", year).with(TestUsers.as(users, "cityrev")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        com.fasterxml.jackson.databind.JsonNode set = java.util.stream.StreamSupport
                .stream(json.readTree(asCity).spliterator(), false)
                .filter(n -> n.get("ownerUnitId").asLong() == tiers.qinghe().getId()).findFirst().orElseThrow();
        assertThat(set.get("editable").asBoolean()).as("a city reads the county's set").isFalse();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/assessment/sets/{id}", set.get("id").asLong()).with(csrf())
                .with(TestUsers.as(users, "cityrev"))).andExpect(status().isForbidden());
        String asCounty = mvc.perform(get("/api/v1/assessment/sets").param("year", year).with(TestUsers.as(users, "county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(java.util.stream.StreamSupport.stream(json.readTree(asCounty).spliterator(), false)
                .filter(n -> n.get("id").asLong() == set.get("id").asLong()).findFirst().orElseThrow()
                .get("editable").asBoolean()).as("its own county edits it").isTrue();
    }

    @Test
    void reviewersFitACountyCityOrProvinceAndAMisfitIsRefusedWithTheReason() throws Exception {
        DataScope admin = fixture.scopeOf("admin");
        assertThat(accounts.create(admin, "provrev2", "省审核人", TierFixture.PASSWORD, Role.COUNTY_REVIEWER,
                tiers.province().getId(), false).getOrgUnitId()).isEqualTo(tiers.province().getId());
        assertThatThrownBy(() -> accounts.create(admin, "badrev", "乡镇审核人", TierFixture.PASSWORD,
                Role.COUNTY_REVIEWER, tiers.hekou().getId(), false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("account.role.misfit.COUNTY_REVIEWER");
                    assertThat(e.field()).isEqualTo("orgUnitId");
                });
        assertThatThrownBy(() -> accounts.create(admin, "badofficer", "市宣传委员", TierFixture.PASSWORD,
                Role.TOWNSHIP_OFFICER, tiers.city().getId(), false)).isInstanceOf(RuleViolationException.class);
        // through the accounts page: a reviewer at the city is made, one at a township is refused beside the unit
        mvc.perform(post("/admin/accounts").with(TestUsers.as(users, "admin")).with(csrf()).header("Accept-Language", "zh-CN")
                .param("username", "cityrev2").param("displayName", "市审核人二").param("role", "COUNTY_REVIEWER")
                .param("orgUnitId", String.valueOf(tiers.city().getId())).param("password", "Luoshi@2026x"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/accounts").with(TestUsers.as(users, "admin")).with(csrf()).header("Accept-Language", "zh-CN")
                .param("username", "hekourev").param("displayName", "镇审核人").param("role", "COUNTY_REVIEWER")
                .param("orgUnitId", String.valueOf(tiers.hekou().getId())).param("password", "Luoshi@2026x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("“河口镇”不是这三级单位")));
        mvc.perform(get("/admin/accounts").param("q", "provrev").with(TestUsers.as(users, "admin")).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("省委宣传部审核人")));
        // an administrator may sit at a city root
        assertThat(accounts.create(admin, "cityadmin", "市管理员", TierFixture.PASSWORD, Role.ADMIN,
                tiers.city().getId(), false).getRole()).isEqualTo(Role.ADMIN);
    }

    @Test
    void onlyTheWholeTreesAdministratorAddsATierAboveAndOnlyAHigherOne() {
        assertThatThrownBy(() -> units.addRootAbove(fixture.scopeOf("cityrev"), OrgUnitKind.PROVINCE, "越权省", null))
                .isInstanceOf(AccessDeniedException.class);
        // above a province there is nothing
        assertThatThrownBy(() -> units.addRootAbove(fixture.scopeOf("admin"), OrgUnitKind.CITY, "多余市", null))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("org.unit.rootAbove.badKind"));
    }

    private OrgUnit township(OrgUnit county, String name) {
        return units.ofKind(units.systemReader("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(t -> t.getName().equals(name) && t.getPath().startsWith(county.getPath())).findFirst().orElseThrow();
    }

    private List<String> titles(DataScope scope, String q) {
        return ledger.list(scope, filter(q), null, 50).records().stream().map(LedgerRecord::title).toList();
    }

    private static RecordFilter filter(String q) {
        return new RecordFilter(null, null, null, null, q, null, false);
    }

    private static RecordCommand seminar(OrgUnit unit, String title) {
        return new RecordCommand(unit.getId(), LocalDate.of(2025, 4, 1), null, title, null, List.of(),
                Map.of("subKind", "SEMINAR", "topic", title), List.of());
    }
}
