package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The org list exports: the units, people and posts pages as .xlsx, with the page's unit filter and the user's scope. */
@LuoshiTest
@Import(OrgFixtures.class)
class OrgExportsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgFixtures fx;
    @Autowired OrgUnitService units;
    @Autowired PersonService people;
    @Autowired PostService posts;

    @Test
    void theUnitsPageLinksToTheOrgTreeExportWhichImportsBack() throws Exception {
        mvc.perform(get("/org/units").with(as(users, "officer")))
                .andExpect(content().string(containsString("href=\"/exchange/org/exports/org-units\"")));
        List<List<String>> rows = XlsxDownload.rows(mvc.perform(get("/exchange/org/exports/org-units").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn());
        assertThat(rows.get(0)).containsExactly("上级单位", "名称", "类别", "户籍人口");
        OrgUnit liuxi = fx.township("柳溪镇");
        // The page lists the officer's tree; the sheet has every unit below the officer's own (the own unit is the root of the paths).
        List<String> expected = units.tree(units.systemScope("test")).stream()
                .filter(u -> u.getPath().startsWith(liuxi.getPath()) && !u.getId().equals(liuxi.getId()))
                .map(OrgUnit::getName).toList();
        assertThat(XlsxDownload.column(rows, 1)).containsExactlyElementsOf(expected).contains("柳溪村").doesNotContain("石桥村");
    }

    @Test
    void thePeopleExportHasThePeopleOfThePickedUnitInTheImportColumns() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        OrgUnit village = fx.child(liuxi, "柳溪村");
        mvc.perform(get("/org/people").param("unitId", village.getId().toString()).with(as(users, "officer")))
                .andExpect(content().string(containsString("/exchange/org/exports/people?unitId=" + village.getId())));
        List<List<String>> rows = XlsxDownload.rows(mvc.perform(get("/exchange/org/exports/people")
                .param("unitId", village.getId().toString()).with(as(users, "officer"))).andExpect(status().isOk()).andReturn());
        assertThat(rows.get(0)).containsExactly("单位", "姓名", "性别", "联系电话", "备注", "岗位所在单位", "岗位", "岗位类别", "任职日期");
        List<String> onPage = people.peopleOf(fx.system(), village.getId()).stream().map(Person::getName).toList();
        assertThat(onPage).isNotEmpty();
        assertThat(XlsxDownload.column(rows, 1).stream().distinct().sorted().toList())
                .containsExactlyElementsOf(onPage.stream().distinct().sorted().toList());
        assertThat(XlsxDownload.column(rows, 0)).containsOnly("柳溪镇/柳溪村");
        // The township's own people are not on the village's page, so not in its export either.
        List<String> townshipPeople = people.peopleOf(fx.system(), liuxi.getId()).stream().map(Person::getName)
                .filter(n -> !onPage.contains(n)).toList();
        assertThat(townshipPeople).isNotEmpty();
        assertThat(XlsxDownload.column(rows, 1)).doesNotContainAnyElementsOf(townshipPeople);
    }

    @Test
    void thePostsExportIsThePostsPageOfTheUnit() throws Exception {
        OrgUnit liuxi = fx.township("柳溪镇");
        mvc.perform(get("/org/posts").param("unitId", liuxi.getId().toString()).with(as(users, "leader")))
                .andExpect(content().string(containsString("/org/posts/export?unitId=" + liuxi.getId())));
        List<List<String>> rows = XlsxDownload.rows(mvc.perform(get("/org/posts/export")
                .param("unitId", liuxi.getId().toString()).with(as(users, "leader"))).andExpect(status().isOk()).andReturn());
        assertThat(rows.get(0)).containsExactly("所在单位", "岗位名称", "岗位类别", "现任", "状态");
        List<Post> expected = posts.postsOf(fx.system(), liuxi.getId());
        var holders = posts.currentHolders(expected.stream().map(Post::getId).toList());
        assertThat(XlsxDownload.column(rows, 1)).containsExactlyElementsOf(expected.stream().map(Post::getTitle).toList());
        assertThat(XlsxDownload.column(rows, 3)).containsExactlyElementsOf(expected.stream()
                .map(p -> holders.containsKey(p.getId()) ? holders.get(p.getId()).getName() : "空缺").toList());
        assertThat(XlsxDownload.column(rows, 0)).containsOnly("柳溪镇");
        OrgUnit village = fx.child(liuxi, "柳溪村");
        List<String> villagePosts = posts.postsOf(fx.system(), village.getId()).stream().map(Post::getTitle)
                .filter(t -> expected.stream().noneMatch(p -> p.getTitle().equals(t))).toList();
        assertThat(villagePosts).isNotEmpty();
        assertThat(XlsxDownload.column(rows, 1)).doesNotContainAnyElementsOf(villagePosts);
    }

    @Test
    void anotherTownshipsPeopleAndPostsAreNotExported() throws Exception {
        OrgUnit shiqiao = fx.township("石桥乡");
        mvc.perform(get("/exchange/org/exports/people").param("unitId", shiqiao.getId().toString()).with(as(users, "officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/posts/export").param("unitId", shiqiao.getId().toString()).with(as(users, "officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/posts/export").param("unitId", shiqiao.getId().toString()).with(as(users, "clerk")))
                .andExpect(status().isNotFound());
    }
}
