package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may upload, replace and delete custom templates, through the page and in the service: a township
 * officer their own township's only, the administrator every unit's, the county reviewer none.
 */
@LuoshiTest
class ReportTemplatesPageTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnitService units;
    @Autowired ReportTemplateRepository templates;
    @Autowired ReportDocuments documents;

    OrgUnit liuxi;
    OrgUnit shiqiao;
    OrgUnit village;
    OrgUnit county;
    long before;

    @BeforeEach
    void units() {
        var system = units.systemScope("test");
        liuxi = units.ofKind(system, OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals("柳溪镇")).findFirst().orElseThrow();
        shiqiao = units.ofKind(system, OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals("石桥乡")).findFirst().orElseThrow();
        village = units.ofKind(system, OrgUnitKind.VILLAGE).stream().filter(u -> u.getPath().startsWith(liuxi.getPath()))
                .findFirst().orElseThrow();
        county = units.getUnchecked(scopeOf("county").unitId());
        before = templates.findAll().stream().mapToLong(ReportTemplate::getId).max().orElse(0);
    }

    /** Other tests download 柳溪镇's reports: the templates made here are retired again. */
    @AfterEach
    void retireWhatWasUploaded() {
        templates.findAll().stream().filter(t -> t.getId() > before && t.isActive()).forEach(t -> {
            t.retire();
            templates.save(t);
        });
    }

    RequestPostProcessor as(String username) {
        return TestUsers.as(users, username);
    }

    DataScope scopeOf(String username) {
        return ((SignedInUser) users.loadUserByUsername(username)).scope();
    }

    ResultActions upload(String user, OrgUnit unit, MockMultipartFile file) throws Exception {
        var request = multipart("/report/templates");
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request.param("orgUnitId", unit.getId().toString()).param("kind", "PROPAGANDA_SUMMARY")
                .with(as(user)).with(csrf()));
    }

    static MockMultipartFile docx(String name) {
        return new MockMultipartFile("file", name, ReportDocuments.DOCX, CustomTemplates.example());
    }

    String page(String user) throws Exception {
        return mvc.perform(get("/report/templates").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    List<ReportTemplate> active(OrgUnit unit) {
        return templates.findByOrgUnitIdAndKindAndActiveTrue(unit.getId(), ReportKind.PROPAGANDA_SUMMARY);
    }

    @Test
    void anOfficerUploadsReplacesAndDeletesTheirOwnTownshipsTemplateOnly() throws Exception {
        String page = page("officer");
        // the form, in Chinese, offers their township only
        assertThat(page).contains("id=\"template-upload\"").contains(">适用单位<").contains(">报告类型<")
                .contains(">模板文件（.docx）<").contains(">上传<")
                .contains("<option value=\"" + liuxi.getId() + "\"").doesNotContain("<option value=\"" + shiqiao.getId() + "\"")
                .doesNotContain("<option value=\"" + village.getId() + "\"");

        // a bad file: the page again, the reason beside the file field
        String refused = upload("officer", liuxi, new MockMultipartFile("file", "模板.txt", "text/plain", "x".getBytes()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).containsPattern(Pattern.compile("id=\"file\"[^>]*is-invalid|is-invalid[^>]*id=\"file\""))
                .containsPattern(Pattern.compile("id=\"file-error\">\\s*<span>只能上传 Word 文档（.docx）。</span>"))
                .doesNotContain("id=\"rule-error\"");
        // no file: the same place says to choose one
        assertThat(upload("officer", liuxi, null).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString()).containsPattern("id=\"file-error\">\\s*<span>请选择要上传的模板文件（.docx）。</span>");
        assertThat(active(liuxi)).isEmpty();

        upload("officer", liuxi, docx("本镇模板.docx")).andExpect(status().is3xxRedirection());
        long first = active(liuxi).get(0).getId();
        // uploading again replaces it
        upload("officer", liuxi, docx("本镇模板（修订）.docx")).andExpect(status().is3xxRedirection());
        assertThat(active(liuxi)).singleElement().satisfies(t -> {
            assertThat(t.getFileName()).isEqualTo("本镇模板（修订）.docx");
            assertThat(t.getUploadedBy()).isEqualTo("officer");
        });
        long second = active(liuxi).get(0).getId();
        assertThat(templates.findById(first).orElseThrow().isActive()).isFalse();
        // the page lists it with a delete button that asks first
        assertThat(page("officer")).contains("本镇模板（修订）.docx")
                .contains("action=\"/report/templates/" + second + "/retire\"")
                .contains("data-confirm=\"删除柳溪镇的模板“本镇模板（修订）.docx”？");

        // not another township's (404), nor a village's below or the county's above (403)
        upload("officer", shiqiao, docx("他乡.docx")).andExpect(status().isNotFound());
        upload("officer", village, docx("村.docx")).andExpect(status().isForbidden());
        upload("officer", county, docx("县.docx")).andExpect(status().isNotFound());
        mvc.perform(post("/report/templates/" + second + "/retire").with(as("officer2")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(active(shiqiao)).isEmpty();
        assertThat(active(village)).isEmpty();

        mvc.perform(post("/report/templates/" + second + "/retire").with(as("officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(active(liuxi)).isEmpty();
    }

    @Test
    void theCountyReviewerReadsTheAdministratorDoesAll() throws Exception {
        upload("officer", liuxi, docx("本镇模板.docx")).andExpect(status().is3xxRedirection());
        long own = active(liuxi).get(0).getId();

        // the county reviewer sees the templates, no form and no delete button, and cannot post either
        String read = page("county");
        assertThat(read).contains("本镇模板.docx").contains("id=\"templates-read-only\"").doesNotContain("id=\"template-upload\"")
                .doesNotContain("/report/templates/" + own + "/retire");
        upload("county", liuxi, docx("县审.docx")).andExpect(status().isForbidden());
        mvc.perform(post("/report/templates/" + own + "/retire").with(as("county")).with(csrf()))
                .andExpect(status().isForbidden());
        // the leader has no templates page
        mvc.perform(get("/report/templates").with(as("leader"))).andExpect(status().isForbidden());

        // the administrator sets the county's template; the officer sees it, above their own, read-only
        upload("admin", county, docx("全县模板.docx")).andExpect(status().is3xxRedirection());
        long countyTemplate = active(county).get(0).getId();
        String officers = page("officer");
        assertThat(officers).contains("全县模板.docx").contains(">上级单位<")
                .doesNotContain("/report/templates/" + countyTemplate + "/retire");
        mvc.perform(post("/report/templates/" + countyTemplate + "/retire").with(as("officer")).with(csrf()))
                .andExpect(status().isForbidden());
        // and may replace or delete any township's
        upload("admin", shiqiao, docx("石桥乡模板.docx")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/report/templates/" + own + "/retire").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/report/templates/" + countyTemplate + "/retire").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(active(liuxi)).isEmpty();
        assertThat(active(county)).isEmpty();
        assertThat(active(shiqiao)).hasSize(1);
    }

    @Test
    void theServiceRefusesWhateverThePageWouldShow() {
        // a village clerk may write records, not templates; a township leader reads only
        DataScope clerk = scopeOf("clerk");
        OrgUnit clerksUnit = units.getUnchecked(clerk.unitId());
        assertThatThrownBy(() -> documents.upload(clerk, clerksUnit.getId(), ReportKind.PROPAGANDA_SUMMARY, docx("村.docx")))
                .isInstanceOf(AccessDeniedException.class);
        DataScope leader = scopeOf("leader");
        assertThatThrownBy(() -> documents.upload(leader, liuxi.getId(), ReportKind.PROPAGANDA_SUMMARY, docx("书记.docx")))
                .isInstanceOf(AccessDeniedException.class);
        // an officer's rights are their township's, not their scope's
        DataScope officer = scopeOf("officer");
        assertThatThrownBy(() -> documents.upload(officer, village.getId(), ReportKind.PROPAGANDA_SUMMARY, docx("村.docx")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(documents.templateUnits(officer)).extracting(OrgUnit::getId).containsExactly(liuxi.getId());
        assertThat(documents.templateUnits(scopeOf("county"))).isEmpty();
        assertThat(active(village)).isEmpty();
        assertThat(active(clerksUnit)).isEmpty();
    }
}
