package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Local names of the media levels (luoshi.ledger.media-level-labels.*) reach the report's list of
 * placements by level without any code of the report module: it asks the application's message source.
 */
@LuoshiTest
class LocalMediaLevelsReportTest {

    @Autowired ReportFigures figures;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void theReportNamesTheLevelsAsConfigured() {
        long liuxi = jdbc.sql("select id from org_unit where name = '柳溪镇'").query(Long.class).single();
        int year = LedgerReportFiguresTest.YEAR;
        Object messages = context.getBean("messageSource");
        ReflectionTestUtils.invokeMethod(messages, "mediaLevels",
                Map.of("NATIONAL", "中央级", "PROVINCIAL", "区级", "MUNICIPAL", "州级", "COUNTY", "旗级"));
        try {
            List<String> labels = figures.figures(liuxi, year).get(FigureName.MEDIA_BY_LEVEL).items().stream()
                    .map(FigureItem::label).toList();
            assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(l).isIn("中央级", "区级", "州级", "旗级"));
        } finally {
            ReflectionTestUtils.invokeMethod(messages, "mediaLevels", Map.of());
        }
        assertThat(figures.figures(liuxi, year).get(FigureName.MEDIA_BY_LEVEL).items()).extracting(FigureItem::label)
                .allSatisfy(l -> assertThat(l).isIn("国家级", "省级", "市级", "县级"));
    }
}
