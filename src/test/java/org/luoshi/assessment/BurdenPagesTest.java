package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The 2024 rules on the pages: the volume warning in the editor, the reason kept, basis and informational figures shown. */
@LuoshiTest
class BurdenPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    IndicatorSetRepository sets;

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.as(users, user)).with(csrf()));
    }

    static MockHttpServletRequestBuilder placements(String url) {
        return post(url).param("code", "XW-09").param("name", "省级媒体上稿").param("category", "新闻宣传")
                .param("weight", "10").param("target", "8").param("periodMode", "YEAR").param("scoring", "PROPORTIONAL")
                .param("aggregation", "SUM").param("kind", "MEDIA_PLACEMENT").param("sumField", "articleCount")
                .param("comparison", "AT_LEAST").param("fieldValues", "level=PROVINCIAL")
                .param("basis", "市委宣传部考核细则");
    }

    @Test
    void aScoredVolumeIndicatorIsWarnedAgainstAndKeptOnlyWithItsReason() throws Exception {
        String location = as("county", post("/assessment/sets").param("year", "2026")
                .param("name", IndicatorSetPagesTest.unique("减负")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/assessment/sets/".length()));
        String base = "/assessment/sets/" + id;

        as("county", placements(base + "/indicators")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"volume-warning\"")))
                .andExpect(content().string(containsString("《整治形式主义为基层减负若干规定》（2024年）")))
                .andExpect(content().string(containsString("媒体上稿篇数")));
        assertThat(sets.findById(id).orElseThrow().getIndicators()).isEmpty();

        as("county", placements(base + "/indicators").param("volumeReason", "市委年度考核明确要求上稿"))
                .andExpect(status().is3xxRedirection());
        IndicatorDefinition saved = sets.findById(id).orElseThrow().definition().indicators().get(0);
        assertThat(saved.volumeReason()).isEqualTo("市委年度考核明确要求上稿");
        assertThat(saved.basis()).isEqualTo("市委宣传部考核细则");
        assertThat(saved.informational()).isFalse();
        as("county", get(base)).andExpect(status().isOk())
                .andExpect(content().string(containsString("计分理由：市委年度考核明确要求上稿")))
                .andExpect(content().string(containsString("依据：市委宣传部考核细则")))
                // explained, so not among the unexplained volume indicators of an old set
                .andExpect(content().string(not(containsString("id=\"unexplained-volume\""))));

        // made informational, it needs no reason and has no points
        long indicatorId = sets.findById(id).orElseThrow().getIndicators().get(0).getId();
        as("county", placements(base + "/indicators/" + indicatorId).param("informational", "true"))
                .andExpect(status().is3xxRedirection());
        IndicatorDefinition info = sets.findById(id).orElseThrow().definition().indicators().get(0);
        assertThat(info.informational()).isTrue();
        assertThat(info.weight()).isZero();
        assertThat(info.volumeReason()).isNull();
        as("county", post(base + "/delete")).andExpect(status().is3xxRedirection());
    }

    @Autowired
    IndicatorSetService service;

    @Autowired
    org.luoshi.org.OrgUnitService units;

    @Test
    void aSetPublishedBeforeTheRulesIsNamedNotChangedAndCanBeBroughtIntoLine() throws Exception {
        // a set as counties had them before 2024: provincial placements scored, no reason given
        org.luoshi.org.OrgUnit county = units.root().orElseThrow();
        IndicatorSet old = new IndicatorSet(county.getId(), 2026, IndicatorSetPagesTest.unique("旧表"), "county",
                org.luoshi.TestClock.now());
        old.add(new IndicatorDefinition("XW-01", "省级及以上媒体上稿", "新闻宣传", java.math.BigDecimal.TEN,
                java.math.BigDecimal.valueOf(8), PeriodMode.YEAR, ScoringMode.PROPORTIONAL, List.of(),
                BurdenRulesTest.PROVINCIAL_ARTICLES, false, null), org.luoshi.TestClock.now());
        old.setPublished(true, org.luoshi.TestClock.now());
        long id = sets.saveAndFlush(old).getId();
        String base = "/assessment/sets/" + id;

        as("county", get(base)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unexplained-volume\"")))
                .andExpect(content().string(containsString("指标 XW-01 按数量计分")))
                // published: nothing changes by itself, and there is no button until withdrawn
                .andExpect(content().string(not(containsString("id=\"apply-burden-rules\""))));
        as("county", post(base + "/burden-rules")).andExpect(status().isConflict());
        as("county", post(base + "/publish").param("published", "false")).andExpect(status().is3xxRedirection());
        as("county", get(base)).andExpect(content().string(containsString("id=\"apply-burden-rules\"")));
        // a township does not even see the county's draft
        as("officer", post(base + "/burden-rules")).andExpect(status().isNotFound());
        as("county", post(base + "/burden-rules")).andExpect(status().is3xxRedirection());
        IndicatorDefinition now = sets.findById(id).orElseThrow().definition().indicators().get(0);
        assertThat(now.informational()).isTrue();
        assertThat(now.weight()).isZero();
        as("county", get(base)).andExpect(content().string(not(containsString("id=\"unexplained-volume\""))));
        as("county", post(base + "/delete")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theEvaluationShowsBasisFormulaAndInformationalFiguresApart() throws Exception {
        int year = evaluation.today().getYear();
        as("officer", get("/assessment/evaluation").param("year", String.valueOf(year))).andExpect(status().isOk())
                .andExpect(content().string(containsString("依据：《党委（党组）意识形态工作责任制实施办法》")))
                .andExpect(content().string(containsString("计分：")))
                .andExpect(content().string(containsString("仅作参考的数量指标（不计分，不计入总分和排名）")))
                .andExpect(content().string(containsString("id=\"info-")));

        // the API carries the basis, whether an indicator is informational, and the score's formula
        String api = as("officer", get("/api/v1/assessment/evaluations").param("year", String.valueOf(year)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"basis\":\"《党委（党组）意识形态工作责任制实施办法》").contains("\"informational\":true")
                .contains("\"formula\":\"不计分，仅作参考\"");

        byte[] xlsx = as("county", get("/assessment/county.xlsx").param("year", String.valueOf(year)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> ranking = workbook.getFirstSheet().read();
            // informational figures have no column in the ranking
            assertThat(ranking.get(0).stream().map(c -> c == null ? "" : c.getText()).toList()).doesNotContain("新闻宣传");
            List<Row> indicators = workbook.getSheets().skip(1).findFirst().orElseThrow().read();
            assertThat(indicators.get(0).getCellText(5)).isEqualTo("依据");
            Row placements = indicators.stream().filter(r -> "XW-01".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(placements.getCellText(3)).isEqualTo("不计分（仅作参考）");
            Row studies = indicators.stream().filter(r -> "ZZ-01".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(studies.getCellText(5)).contains("每年至少两次专题研究意识形态工作");
        }
    }
}
