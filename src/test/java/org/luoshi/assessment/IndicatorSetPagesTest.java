package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The indicator set pages: who sees and edits what, the indicator form, validation, YAML in and out. */
@LuoshiTest
class IndicatorSetPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvaluationService evaluation;

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.as(users, user)).with(csrf()));
    }

    long createSet(String user, String name) throws Exception {
        String location = as(user, post("/assessment/sets").param("year", "2026").param("name", name))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/assessment/sets/");
        return Long.parseLong(location.substring("/assessment/sets/".length()));
    }

    static MockHttpServletRequestBuilder seminarForm(String url, String code, String weight) {
        return form(url, code, weight, "COUNT");
    }

    static MockHttpServletRequestBuilder form(String url, String code, String weight, String aggregation) {
        return post(url).param("code", code).param("name", "专题研讨每季度不少于1次").param("category", "理论学习")
                .param("weight", weight).param("target", "1").param("periodMode", "EACH_QUARTER")
                .param("scoring", "PROPORTIONAL").param("aggregation", aggregation).param("kind", "STUDY_SESSION")
                .param("comparison", "AT_LEAST").param("subKinds", "SEMINAR");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyoneSeesTheCountysPublishedDefaultSet() throws Exception {
        String year = String.valueOf(evaluation.today().getYear());
        for (String user : new String[] {"officer", "leader", "clerk", "county", "officer2"}) {
            as(user, get("/assessment/sets").param("year", year)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("意识形态工作责任制量化考评（默认）")));
        }
        as("leader", get("/assessment/sets")).andExpect(content().string(not(containsString("id=\"create-set\""))));
        as("officer", get("/assessment/sets")).andExpect(content().string(containsString("id=\"create-set\"")))
                .andExpect(content().string(not(containsString("id=\"load-default\""))));
    }

    @Test
    void countyReviewerBuildsTheCountySetWithTheForm() throws Exception {
        long id = createSet("county", unique("县表"));
        String base = "/assessment/sets/" + id;
        as("county", get(base + "/indicators/new")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"aggregation\"")))
                .andExpect(content().string(containsString("<optgroup")));
        as("county", seminarForm(base + "/indicators", "LL-02", "8")).andExpect(status().is3xxRedirection());
        as("county", get(base)).andExpect(status().isOk())
                .andExpect(content().string(containsString("专题研讨每季度不少于1次")))
                .andExpect(content().string(containsString("计数 · 学习 · 专题研讨")))
                .andExpect(content().string(containsString("每季度 \u2265 1")))
                // the draft's rename form, with the set's year and name from the shared fields
                .andExpect(content().string(containsString("id=\"rename-set\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"rename-set\".*id=\"set-year\"[^>]*value=\"2026\".*id=\"set-name\".*")));

        // field errors: bean validation and rule checks, both beside the fields with status 400
        as("county", seminarForm(base + "/indicators", "LL-03", "-1")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("须为不小于0的数")));
        as("county", form(base + "/indicators", "LL-04", "5", "SUM"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("求和字段")));
        as("county", seminarForm(base + "/indicators", "LL-02", "5")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("指标编号 LL-02 重复")));

        // the township cannot see the draft, then reads the published set but cannot change it
        as("officer", get(base)).andExpect(status().isNotFound());
        as("county", post(base + "/publish").param("published", "true")).andExpect(status().is3xxRedirection());
        as("officer", get(base)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"publish\""))));
        as("officer", get(base + "/indicators/new")).andExpect(status().isForbidden());
        as("officer", seminarForm(base + "/indicators", "X-1", "1")).andExpect(status().isForbidden());
        as("officer", post(base + "/publish").param("published", "false")).andExpect(status().isForbidden());
        as("leader", post(base + "/delete")).andExpect(status().isForbidden());

        // published: locked for the county too until withdrawn
        as("county", get(base + "/indicators/new")).andExpect(status().isConflict());
        as("county", post(base + "/delete")).andExpect(status().isConflict());
        as("county", post(base + "/publish").param("published", "false")).andExpect(status().is3xxRedirection());
        as("county", post(base + "/delete")).andExpect(status().is3xxRedirection());
    }

    @Test
    void townshipOfficerKeepsAnInternalSetOthersCannotReach() throws Exception {
        long id = createSet("officer", unique("镇表"));
        String base = "/assessment/sets/" + id;
        as("officer", seminarForm(base + "/indicators", "N-1", "4")).andExpect(status().is3xxRedirection());
        String page = as("officer", get(base)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String editUrl = page.replaceAll("(?s).*href=\"(" + base + "/indicators/\\d+/edit)\".*", "$1");
        as("officer", get(editUrl)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"N-1\"")));
        as("officer", seminarForm(editUrl.replace("/edit", ""), "N-1", "6")).andExpect(status().is3xxRedirection());

        as("officer2", get(base)).andExpect(status().isNotFound());
        as("officer2", get(editUrl)).andExpect(status().isNotFound());
        as("officer2", seminarForm(editUrl.replace("/edit", ""), "N-1", "6")).andExpect(status().isNotFound());
        as("county", get(base)).andExpect(status().isOk());
        as("county", get(editUrl)).andExpect(status().isForbidden());
        as("county", post(editUrl.replace("/edit", "/delete"))).andExpect(status().isForbidden());
        as("leader", get(base)).andExpect(status().isOk());
        as("clerk", get(base)).andExpect(status().isNotFound());

        as("officer", post(base).param("year", "2026").param("name", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("必填")));
        as("officer", post(editUrl.replace("/edit", "/delete"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void createWithoutNameIsRefusedBesideTheField() throws Exception {
        as("officer", post("/assessment/sets").param("year", "1999").param("name", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("年度须在2000至2100之间")))
                .andExpect(content().string(containsString("必填")));
    }

    @Test
    void yamlDownloadAndUpload() throws Exception {
        long id = createSet("officer", unique("导出页"));
        String base = "/assessment/sets/" + id;
        as("officer", seminarForm(base + "/indicators", "Y-1", "3")).andExpect(status().is3xxRedirection());
        String yaml = as("officer", get(base + "/export")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(yaml).contains("code: Y-1").contains("subKind:");

        String copyName = unique("上传");
        byte[] copy = yaml.replaceFirst("(?m)^name: .*$", "name: " + copyName).getBytes(StandardCharsets.UTF_8);
        String location = as("officer", multipart("/assessment/sets/import")
                .file(new MockMultipartFile("file", "set.yaml", "application/yaml", copy)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        as("officer", get(location)).andExpect(content().string(containsString(copyName)))
                .andExpect(content().string(containsString("Y-1")));

        byte[] broken = yaml.replace("weight: 3", "weight: -3").getBytes(StandardCharsets.UTF_8);
        as("officer", multipart("/assessment/sets/import")
                .file(new MockMultipartFile("file", "set.yaml", "application/yaml", broken)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("指标 Y-1：分值须为不小于0的数")));
        as("leader", multipart("/assessment/sets/import")
                .file(new MockMultipartFile("file", "set.yaml", "application/yaml", copy)))
                .andExpect(status().isForbidden());
    }

    @Test
    void countyLoadsTheDefaultSetOncePerYear() throws Exception {
        // the test database may be reused (PostgreSQL): take the first future year the county has no set for
        int year = 2031;
        while (!as("county", get("/assessment/sets").param("year", String.valueOf(year))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).contains("id=\"load-default\"")) {
            year++;
        }
        assertThat(year).isLessThanOrEqualTo(2100);
        String location = as("county", post("/assessment/sets/default").param("year", String.valueOf(year)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        as("county", get(location)).andExpect(content().string(containsString("ZZ-01")))
                .andExpect(content().string(containsString("总分值 100")));
        as("county", post("/assessment/sets/default").param("year", String.valueOf(year)))
                .andExpect(status().isConflict());
        as("officer", post("/assessment/sets/default").param("year", String.valueOf(year)))
                .andExpect(status().isForbidden());
    }
}
