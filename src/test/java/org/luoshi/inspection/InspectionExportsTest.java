package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.XlsxDownload;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The findings, checklists and inspections lists as .xlsx: the page's filters, order and columns, and the scope. */
@LuoshiTest
class InspectionExportsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired FindingService findings;
    @Autowired ChecklistService checklists;
    @Autowired InspectionService inspections;
    @Autowired OrgUnitService units;

    Actor actor(String username, String role) {
        return new Actor(((SignedInUser) users.loadUserByUsername(username)).scope(), role);
    }

    /** What the findings page lists over all its pages for the filter, by title. */
    List<String> listed(Actor actor, FindingFilter filter) {
        List<String> titles = new ArrayList<>();
        String after = null;
        do {
            FindingPage page = findings.search(actor, filter, after, FindingPage.SIZE);
            page.rows().forEach(r -> titles.add(r.finding().getTitle()));
            after = page.next();
        } while (after != null);
        return titles;
    }

    @Test
    void theFindingsExportHonoursThePagesFiltersAndScope() throws Exception {
        mvc.perform(get("/inspection/findings").param("source", "VISIT").with(as(users, "county")))
                .andExpect(content().string(containsString("/inspection/findings.xlsx?x=1&amp;source=VISIT")));
        Actor county = actor("county", Actor.COUNTY_REVIEWER);
        List<List<String>> all = XlsxDownload.rows(mvc.perform(get("/inspection/findings.xlsx").with(as(users, "county")))
                .andExpect(status().isOk()).andReturn());
        assertThat(all.get(0)).containsExactly("问题", "单位", "来源", "责任岗位", "整改期限", "期限情况", "状态");
        assertThat(XlsxDownload.column(all, 0)).containsExactlyElementsOf(listed(county, FindingFilter.none()));

        FindingFilter visits = new FindingFilter(FindingSource.VISIT, null, null, null, null);
        List<List<String>> visitRows = XlsxDownload.rows(mvc.perform(get("/inspection/findings.xlsx").param("source", "VISIT")
                .with(as(users, "county"))).andExpect(status().isOk()).andReturn());
        assertThat(XlsxDownload.column(visitRows, 0)).containsExactlyElementsOf(listed(county, visits))
                .contains("乡农家书屋借阅登记两个月空白");
        assertThat(XlsxDownload.column(visitRows, 2)).containsOnly("督导检查");
        assertThat(visitRows.size()).isLessThan(all.size());

        // A township officer gets the township's findings only, not another township's.
        List<List<String>> officer = XlsxDownload.rows(mvc.perform(get("/inspection/findings.xlsx").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn());
        assertThat(XlsxDownload.column(officer, 0)).containsExactlyElementsOf(
                listed(actor("officer", Actor.TOWNSHIP_OFFICER), FindingFilter.none()))
                .doesNotContain("乡农家书屋借阅登记两个月空白");
        assertThat(XlsxDownload.column(officer, 1)).doesNotContain("石桥乡");
    }

    @Test
    void theChecklistsAndInspectionsExportsListWhatThePagesList() throws Exception {
        mvc.perform(get("/inspection/checklists").with(as(users, "officer")))
                .andExpect(content().string(containsString("href=\"/inspection/checklists/export\"")));
        mvc.perform(get("/inspection/visits").with(as(users, "officer2")))
                .andExpect(content().string(containsString("href=\"/inspection/visits/export\"")));
        mvc.perform(get("/inspection/self-inspections").with(as(users, "officer")))
                .andExpect(content().string(containsString("href=\"/inspection/self-inspections/export\"")));
        List<List<String>> lists = XlsxDownload.rows(mvc.perform(get("/inspection/checklists/export").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn());
        assertThat(lists.get(0)).containsExactly("清单名称", "依据文件", "制定单位", "创建日期");
        assertThat(XlsxDownload.column(lists, 0)).containsExactlyElementsOf(
                checklists.list(actor("officer", Actor.TOWNSHIP_OFFICER)).stream().map(Checklist::getTitle).toList());

        Actor officer2 = actor("officer2", Actor.TOWNSHIP_OFFICER);
        List<String> expected = new ArrayList<>();
        org.springframework.data.domain.Page<Inspection> page;
        int n = 0;
        do {
            page = inspections.list(officer2, InspectionKind.VISIT, n++);
            page.getContent().forEach(i -> expected.add(i.getHeldOn().toString()));
        } while (page.hasNext());
        assertThat(expected).isNotEmpty();
        List<List<String>> visits = XlsxDownload.rows(mvc.perform(get("/inspection/visits/export").with(as(users, "officer2")))
                .andExpect(status().isOk()).andReturn());
        assertThat(visits.get(0)).hasSize(4);
        assertThat(XlsxDownload.column(visits, 0)).containsExactlyElementsOf(expected);

        List<List<String>> self = XlsxDownload.rows(mvc.perform(get("/inspection/self-inspections/export").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn());
        assertThat(self.get(0)).hasSize(3);
        assertThat(XlsxDownload.column(self, 1)).doesNotContain("石桥乡");
    }
}
