package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The org pages for each role: what they show, what they refuse (403, 404) and how they report errors (400, 409). */
@LuoshiTest
@Import(OrgFixtures.class)
class OrgPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgFixtures fx;

    @Autowired
    OrgUnitService units;

    @Autowired
    PostService posts;

    @Test
    void theOfficerSeesTheirTownshipOnlyInTheTree() throws Exception {
        mvc.perform(get("/org/units").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("柳溪镇")))
                .andExpect(content().string(containsString("柳溪村")))
                .andExpect(content().string(not(containsString("石桥乡"))))
                .andExpect(content().string(not(containsString("青禾县"))))
                .andExpect(content().string(containsString("id=\"new-unit\"")));
    }

    @Test
    void theOfficerOfOneTownshipCannotReadOrChangeAnother() throws Exception {
        OrgUnit shiqiao = fx.township("石桥乡");
        OrgUnit shiqiaoVillage = fx.child(shiqiao, "石桥村");
        Post post = fx.firstPost(shiqiao);
        Person person = fx.firstPerson(shiqiao);
        mvc.perform(get("/org/units/" + shiqiao.getId()).with(as(users, "officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/org/units/" + shiqiaoVillage.getId()).with(as(users, "officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/org/people").param("unitId", shiqiao.getId().toString()).with(as(users, "officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/people/" + person.getId()).with(as(users, "officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/org/posts").param("unitId", shiqiao.getId().toString()).with(as(users, "officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/posts/" + post.getId()).with(as(users, "officer"))).andExpect(status().isNotFound());
        mvc.perform(post("/org/units/" + shiqiaoVillage.getId()).with(as(users, "officer")).with(csrf())
                .param("name", "改名").param("sortOrder", "0").param("parentId", shiqiao.getId().toString())
                .param("kind", "VILLAGE")).andExpect(status().isNotFound());
        mvc.perform(post("/org/units/" + shiqiaoVillage.getId() + "/delete").with(as(users, "officer")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/org/units").with(as(users, "officer")).with(csrf())
                .param("parentId", shiqiao.getId().toString()).param("kind", "VILLAGE")
                .param("name", OrgFixtures.unique("村")).param("sortOrder", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/org/posts/" + post.getId() + "/vacate").with(as(users, "officer")).with(csrf())
                .param("lastDay", "2030-01-01")).andExpect(status().isNotFound());
        mvc.perform(post("/org/people/" + person.getId()).with(as(users, "officer")).with(csrf())
                .param("unitId", shiqiao.getId().toString()).param("name", "改名")).andExpect(status().isNotFound());
        assertThat(fx.firstPerson(shiqiao).getName()).isEqualTo(person.getName());
        assertThat(units.getUnchecked(shiqiaoVillage.getId()).getName()).isEqualTo("石桥村");
    }

    @Test
    void theCountyReviewerReadsEveryTownshipButChangesNothing() throws Exception {
        OrgUnit shiqiao = fx.township("石桥乡");
        Post post = fx.firstPost(shiqiao);
        Person person = fx.firstPerson(shiqiao);
        mvc.perform(get("/org/units").with(as(users, "county")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("柳溪镇")))
                .andExpect(content().string(containsString("石桥乡")))
                .andExpect(content().string(containsString("东城街道")))
                .andExpect(content().string(not(containsString("id=\"new-unit\""))));
        mvc.perform(get("/org/units/" + shiqiao.getId()).with(as(users, "county")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("石桥村")))
                .andExpect(content().string(not(containsString("id=\"edit-unit\""))));
        mvc.perform(get("/org/posts/" + post.getId()).with(as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"assign-form\""))));
        mvc.perform(get("/org/people/" + person.getId()).with(as(users, "county"))).andExpect(status().isOk());

        mvc.perform(get("/org/units/new").with(as(users, "county"))).andExpect(status().isForbidden());
        mvc.perform(post("/org/units").with(as(users, "county")).with(csrf())
                .param("parentId", shiqiao.getId().toString()).param("kind", "VILLAGE")
                .param("name", OrgFixtures.unique("村")).param("sortOrder", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/org/units/" + shiqiao.getId() + "/deactivate").with(as(users, "county")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/org/units/" + shiqiao.getId() + "/delete").with(as(users, "county")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/org/people").with(as(users, "county")).with(csrf())
                .param("unitId", shiqiao.getId().toString()).param("name", "某人")).andExpect(status().isForbidden());
        mvc.perform(post("/org/posts/" + post.getId() + "/holder").with(as(users, "county")).with(csrf())
                .param("personId", person.getId().toString()).param("from", "2030-01-01")).andExpect(status().isForbidden());
        assertThat(units.getUnchecked(shiqiao.getId()).isActive()).isTrue();
    }

    @Test
    void theTownshipLeaderReadsTheTownshipButChangesNothing() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        Post post = fx.firstPost(liuxi);
        mvc.perform(get("/org/units/" + liuxi.getId()).with(as(users, "leader")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"edit-unit\""))));
        mvc.perform(post("/org/units/" + liuxi.getId()).with(as(users, "leader")).with(csrf())
                .param("name", "改名").param("sortOrder", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/org/posts").with(as(users, "leader")).with(csrf())
                .param("unitId", liuxi.getId().toString()).param("title", "岗位").param("kind", "OTHER")
                .param("sortOrder", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/org/posts/" + post.getId() + "/vacate").with(as(users, "leader")).with(csrf())
                .param("lastDay", "2030-01-01")).andExpect(status().isForbidden());
        assertThat(units.getUnchecked(liuxi.getId()).getName()).isEqualTo("柳溪镇");
    }

    @Test
    void theVillageClerkSeesOnlyTheirVillageAndCannotChangeTheOrgTree() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        OrgUnit own = fx.child(liuxi, "柳溪村");
        OrgUnit neighbour = fx.child(liuxi, "上塘村");
        mvc.perform(get("/org/units").with(as(users, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("柳溪村")))
                .andExpect(content().string(not(containsString("上塘村"))))
                .andExpect(content().string(not(containsString("柳溪镇"))));
        mvc.perform(get("/org/units/" + own.getId()).with(as(users, "clerk"))).andExpect(status().isOk());
        mvc.perform(get("/org/units/" + neighbour.getId()).with(as(users, "clerk"))).andExpect(status().isNotFound());
        mvc.perform(get("/org/units/" + liuxi.getId()).with(as(users, "clerk"))).andExpect(status().isNotFound());
        mvc.perform(get("/org/people").param("unitId", neighbour.getId().toString()).with(as(users, "clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/people").with(as(users, "clerk")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(fx.firstPerson(own).getName())));
        mvc.perform(post("/org/units/" + own.getId()).with(as(users, "clerk")).with(csrf())
                .param("name", "改名").param("sortOrder", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/org/people").with(as(users, "clerk")).with(csrf())
                .param("unitId", own.getId().toString()).param("name", "某人")).andExpect(status().isForbidden());
        mvc.perform(post("/org/posts/" + fx.firstPost(own).getId() + "/deactivate").with(as(users, "clerk")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficerCreatesEditsMovesAndDeletesAUnitThroughThePages() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        String name = OrgFixtures.unique("测试站");
        String location = mvc.perform(post("/org/units").with(as(users, "officer")).with(csrf())
                        .param("parentId", liuxi.getId().toString()).param("kind", "DEPARTMENT").param("name", name)
                        .param("registeredPopulation", "").param("sortOrder", "90"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/org/units/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("id=\"edit-unit\"")));

        String renamed = OrgFixtures.unique("改名站");
        mvc.perform(post("/org/units/" + id).with(as(users, "officer")).with(csrf())
                        .param("parentId", liuxi.getId().toString()).param("kind", "DEPARTMENT")
                        .param("name", renamed).param("registeredPopulation", "1200").param("sortOrder", "91"))
                .andExpect(status().is3xxRedirection());
        assertThat(units.getUnchecked(id).getName()).isEqualTo(renamed);
        assertThat(units.getUnchecked(id).getRegisteredPopulation()).isEqualTo(1200);

        OrgUnit section = fx.newUnit(units.getUnchecked(id), OrgUnitKind.DEPARTMENT, "科");
        mvc.perform(post("/org/units/" + id + "/move").with(as(users, "officer")).with(csrf())
                        .param("parentId", String.valueOf(section.getId())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("不能把单位移动到它自己的下级之下")));
        mvc.perform(post("/org/units/" + id + "/delete").with(as(users, "officer")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("下还有下级单位")));
        mvc.perform(post("/org/units/" + section.getId() + "/delete").with(as(users, "officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/org/units/" + id + "/delete").with(as(users, "officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/org/units/" + id).with(as(users, "officer"))).andExpect(status().isNotFound());
    }

    @Test
    void deletingTheDemoTownshipIsRefusedWithTheReason() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        OrgUnit office = fx.child(liuxi, "党政办");
        mvc.perform(post("/org/units/" + office.getId() + "/delete").with(as(users, "officer")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("下还有人员或岗位")));
        mvc.perform(post("/org/units/" + liuxi.getId() + "/delete").with(as(users, "admin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("下还有下级单位")));
    }

    @Test
    void invalidUnitFormsAreShownAgainWithMessagesBesideTheFields() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        mvc.perform(post("/org/units").with(as(users, "officer")).with(csrf())
                        .param("parentId", liuxi.getId().toString()).param("kind", "VILLAGE")
                        .param("name", " ").param("code", "a b").param("registeredPopulation", "-5").param("sortOrder", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写单位名称")))
                .andExpect(content().string(containsString("户籍人口不能为负数")))
                .andExpect(content().string(containsString("单位代码只能包含字母、数字、连字符和下划线")));
        mvc.perform(post("/org/units").with(as(users, "officer")).with(csrf())
                        .param("parentId", liuxi.getId().toString()).param("kind", "TOWNSHIP")
                        .param("name", OrgFixtures.unique("镇")).param("sortOrder", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该类别的单位不能设在“柳溪镇”之下")));
        mvc.perform(post("/org/units").with(as(users, "officer")).with(csrf())
                        .param("parentId", liuxi.getId().toString()).param("kind", "VILLAGE")
                        .param("name", "上塘村").param("sortOrder", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("同级已有名为“上塘村”的单位")));
    }

    @Test
    void peopleArePagedPerUnitAndValidated() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        mvc.perform(get("/org/people").param("unitId", liuxi.getId().toString()).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(fx.firstPerson(liuxi).getName())));
        mvc.perform(post("/org/people").with(as(users, "officer")).with(csrf())
                        .param("unitId", liuxi.getId().toString()).param("name", "").param("phone", "12345"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写姓名")))
                .andExpect(content().string(containsString("请填写 11 位手机号码")));
        String name = OrgFixtures.unique("王");
        String location = mvc.perform(post("/org/people").with(as(users, "officer")).with(csrf())
                        .param("unitId", liuxi.getId().toString()).param("name", name).param("gender", "FEMALE")
                        .param("phone", "0571-12345678").param("note", "包村干部"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("0571-12345678")))
                .andExpect(content().string(containsString("暂无任职记录")));
    }

    @Test
    void theOfficerCreatesAPostAppointsHoldersAndSeesTheHistory() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        String title = OrgFixtures.unique("宣传干事");
        String location = mvc.perform(post("/org/posts").with(as(users, "officer")).with(csrf())
                        .param("unitId", liuxi.getId().toString()).param("title", title)
                        .param("kind", "PROPAGANDA_OFFICER").param("sortOrder", "20"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long postId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Person first = fx.newPerson(liuxi);
        Person second = fx.newPerson(liuxi);

        mvc.perform(post(location + "/holder").with(as(users, "officer")).with(csrf())
                .param("personId", first.getId().toString()).param("from", "2024-01-01"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/holder").with(as(users, "officer")).with(csrf())
                .param("personId", second.getId().toString()).param("from", "2023-12-01"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("新任职日期须晚于现任者的任职日期（2024-01-01）")));
        mvc.perform(post(location + "/holder").with(as(users, "officer")).with(csrf())
                .param("personId", "").param("from", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择任职人员")))
                .andExpect(content().string(containsString("请填写任职日期")));
        mvc.perform(post(location + "/holder").with(as(users, "officer")).with(csrf())
                .param("personId", second.getId().toString()).param("from", "2025-06-01"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get(location).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.getName())))
                .andExpect(content().string(containsString("2025-05-31")))
                .andExpect(content().string(containsString(second.getName())));
        mvc.perform(get("/org/people/" + first.getId()).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("2024-01-01")))
                .andExpect(content().string(containsString("2025-05-31")));
        mvc.perform(get("/org/units/" + liuxi.getId()).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(title)));

        mvc.perform(post(location + "/vacate").with(as(users, "officer")).with(csrf()).param("lastDay", "2026-01-31"))
                .andExpect(status().is3xxRedirection());
        assertThat(posts.currentHolder(postId)).isEmpty();
        assertThat(posts.history(fx.system(), postId).get(0).getEndDate()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    /** The people list says who is who: the posts each person holds today. */
    @Test
    void thePeopleListShowsEachPersonsCurrentPosts() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        String page = mvc.perform(get("/org/people").param("unitId", liuxi.getId().toString()).with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("现任岗位").containsPattern("class=\"person-posts\">[^<]*党委书记");
    }

    DataScope scope(String username) {
        return ((org.luoshi.account.SignedInUser) users.loadUserByUsername(username)).scope();
    }

    @Test
    void theUnitPickerFindsUnitsInTheCallersScopeOnly() throws Exception {
        String own = mvc.perform(get("/org/units/search").param("q", "村").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("柳溪村").doesNotContain("石桥");
        // another township's units never appear, even asked for by name
        mvc.perform(get("/org/units/search").param("q", "石桥").with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
        mvc.perform(get("/org/units/search").param("q", "石桥").with(as(users, "clerk")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
        mvc.perform(get("/org/units/search").param("q", "柳溪镇").with(as(users, "clerk")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
        // the county reviewer finds them, each with its parent's name; a blank text finds nothing
        String county = mvc.perform(get("/org/units/search").param("q", "石桥").with(as(users, "county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        OrgUnit shiqiao = fx.township("石桥乡");
        assertThat(county).contains("\"id\":" + shiqiao.getId() + ",\"name\":\"石桥乡\"")
                .contains("\"name\":\"石桥村\",\"kind\":\"VILLAGE\",\"parent\":\"石桥乡\"");
        mvc.perform(get("/org/units/search").param("q", " ").with(as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
        // wildcards are text: "%" matches only a name that holds it
        mvc.perform(get("/org/units/search").param("q", "%").with(as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
    }

    @Test
    void theUnitPickerOffersAtMostTwentyUnits() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        for (int i = 0; i < OrgUnitController.PICKER_LIMIT + 2; i++) {
            units.create(units.systemScope("test"), new OrgUnitCommand(liuxi.getId(), OrgUnitKind.VILLAGE,
                    "选择器测试村" + i + "-" + java.util.UUID.randomUUID().toString().substring(0, 6), null, null, 99));
        }
        String found = mvc.perform(get("/org/units/search").param("q", "选择器测试村").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found.split("选择器测试村", -1)).hasSize(OrgUnitController.PICKER_LIMIT + 1);
    }

    @Test
    void aLargeScopesSelectorHoldsTheUnitsNearTheUserAndTheSelectedOneOnly() {
        DataScope county = scope("county");
        OrgUnit shiqiao = fx.township("石桥乡");
        OrgUnit village = fx.child(shiqiao, "石桥村");
        // with room for the whole tree, the whole tree
        assertThat(units.selectorUnits(county, null, 100_000)).hasSameSizeAs(units.tree(county));
        // with room for 3: the county and its townships, plus the selected village's township and the village
        java.util.List<OrgUnit> near = units.selectorUnits(county, village.getId(), 3);
        assertThat(near).extracting(OrgUnit::getId).contains(county.unitId(), shiqiao.getId(), village.getId())
                .doesNotHaveDuplicates();
        assertThat(near.get(0).getId()).isEqualTo(county.unitId());
        assertThat(near.size()).isLessThan(units.tree(county).size());
        // the officer's selector never holds a unit outside their township, even when one is asked for
        DataScope officer = scope("officer");
        assertThat(units.selectorUnits(officer, null, 3)).allMatch(officer::covers);
        assertThat(units.selectorUnits(officer, village.getId(), 3)).allMatch(officer::covers)
                .extracting(OrgUnit::getId).doesNotContain(village.getId(), shiqiao.getId());
    }
}
