package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Export and import of indicator sets: the round trip, the default set, and every kind of bad file. */
class IndicatorSetYamlTest {

    final ResourceBundleMessageSource messages = EvaluatorTest.messages();

    static String defaultYaml() throws IOException {
        try (InputStream in = IndicatorSetYamlTest.class.getResourceAsStream("/assessment/default-indicator-set.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SetDefinition everyFeature() {
        return new SetDefinition(2026, "全功能指标表", List.of(
                new IndicatorDefinition("A-1", "上稿", "新闻宣传", new BigDecimal("10.5"), new BigDecimal("8"),
                        PeriodMode.YEAR, ScoringMode.STEPPED,
                        List.of(new Step(BigDecimal.ONE, new BigDecimal("2.5")), new Step(BigDecimal.TEN, BigDecimal.TEN)),
                        new Rule(Aggregation.SUM, LedgerKind.MEDIA_PLACEMENT, "articleCount", null,
                                List.of(RecordFilter.fieldIn("level", "NATIONAL", "PROVINCIAL"),
                                        RecordFilter.fieldIn("medium", "PRINT"), RecordFilter.tag("乡村振兴", "扫黄打非")),
                                Comparison.AT_LEAST), false, "说明：含“引号”与: 冒号", "市委考核细则第3条",
                        false, "市委考核明确要求按篇数计分"),
                new IndicatorDefinition("A-2", "研讨", "理论学习", BigDecimal.ONE, BigDecimal.ONE, PeriodMode.EACH_QUARTER,
                        ScoringMode.PROPORTIONAL, List.of(),
                        new Rule(Aggregation.COUNT, LedgerKind.STUDY_SESSION, null, null,
                                List.of(RecordFilter.subKind("SEMINAR", "CENTRAL_GROUP")), null), false, null),
                new IndicatorDefinition("A-3", "宣讲", "新闻宣传", BigDecimal.ZERO, null, PeriodMode.EACH_HALF,
                        ScoringMode.ALL_OR_NOTHING, List.of(),
                        new Rule(Aggregation.DISTINCT_UNITS, LedgerKind.OUTREACH, null, null, List.of(),
                                Comparison.ALL_UNITS), false, null),
                new IndicatorDefinition("A-4", "出勤", "理论学习", new BigDecimal("6"), new BigDecimal("92.5"),
                        PeriodMode.EACH_MONTH, ScoringMode.PROPORTIONAL, List.of(),
                        new Rule(Aggregation.RATE, null, null, RateMetric.STUDY_ATTENDANCE,
                                List.of(RecordFilter.subKind("CENTRAL_GROUP")), null), false, null),
                new IndicatorDefinition("A-5", "人工", "文化与文明创建", new BigDecimal("5"), null, PeriodMode.YEAR,
                        ScoringMode.ALL_OR_NOTHING, List.of(), null, true, "人工评分"),
                new IndicatorDefinition("A-6", "新媒体发布", "新闻宣传", BigDecimal.ZERO, null, PeriodMode.YEAR,
                        ScoringMode.PROPORTIONAL, List.of(), new Rule(Aggregation.SUM, LedgerKind.NEW_MEDIA_OUTPUT, "posts",
                                null, List.of(), null), false, null, "减负规定：仅作参考", true, null)));
    }

    @Test
    void exportThenImportGivesAnEqualSet() {
        SetDefinition original = everyFeature();
        assertThat(DefinitionCheck.set(original)).isEmpty();
        String yaml = IndicatorSetYaml.write(original);
        assertThat(yaml).contains("code: A-1").contains("乡村振兴").doesNotContain("!!");
        assertThat(IndicatorSetYaml.read(yaml)).isEqualTo(original);
    }

    @Test
    void theDefaultSetIsValidAndWeighsOneHundred() throws IOException {
        SetDefinition set = IndicatorSetYaml.read(defaultYaml());
        assertThat(set.indicators()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(set.indicators().stream().map(IndicatorDefinition::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(set.indicators()).extracting(IndicatorDefinition::category).containsOnly(
                "组织领导", "理论学习", "理论宣讲", "新闻宣传", "网络意识形态", "阵地建设", "督查整改", "文化与文明创建");
        assertThat(IndicatorSetYaml.read(IndicatorSetYaml.write(set))).isEqualTo(set);
    }

    private List<String> errors(String yaml) {
        try {
            IndicatorSetYaml.read(yaml);
        } catch (InvalidDefinitionException e) {
            return e.problems().stream()
                    .map(p -> messages.getMessage(p.key(), p.args(), Locale.SIMPLIFIED_CHINESE)).toList();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    private static String one(String indicatorBody) {
        return "year: 2026\nname: 测试\nindicators:\n  - code: T-1\n    name: 测试指标\n    category: 组织领导\n"
                + indicatorBody;
    }

    @Test
    void unknownKindNamesTheIndicator() {
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: COUNT\n      kind: MEETINGS\n")))
                .singleElement().asString().contains("指标 T-1").contains("MEETINGS").contains("MEETING, STUDY_SESSION");
    }

    @Test
    void unknownAggregationPeriodScoringAndRate() {
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: WEEKLY\n    scoring: MOSTLY\n"
                + "    rule:\n      aggregation: AVERAGE\n      rate: HAPPINESS\n")))
                .hasSize(4)
                .anySatisfy(e -> assertThat(e).isEqualTo("指标 T-1：period 的值“WEEKLY”无法识别，可选：YEAR, EACH_HALF, EACH_QUARTER, EACH_MONTH"))
                .anySatisfy(e -> assertThat(e).contains("scoring").contains("MOSTLY"))
                .anySatisfy(e -> assertThat(e).contains("aggregation").contains("AVERAGE"))
                .anySatisfy(e -> assertThat(e).contains("rate").contains("HAPPINESS"));
    }

    @Test
    void negativeWeightIsRefused() {
        assertThat(errors(one("    weight: -1\n    target: 1\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: COUNT\n      kind: MEETING\n")))
                .containsExactly("指标 T-1：分值须为不小于0的数");
    }

    @Test
    void duplicateCodesAreRefused() throws IOException {
        String twice = defaultYaml().replace("code: ZZ-02", "code: ZZ-01");
        assertThat(errors(twice)).containsExactly("指标编号 ZZ-01 重复");
    }

    @Test
    void badNumbersFiltersStepsAndRules() {
        assertThat(errors(one("    weight: many\n    target: 1\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: COUNT\n      kind: MEETING\n")))
                .containsExactly("指标 T-1：weight 应为数字，实际为“many”");
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: COUNT\n      kind: MEETING\n      filters:\n        - subKind: [SEMINAR]\n")))
                .singleElement().asString().contains("子类“SEMINAR”不属于台账类别 MEETING");
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: SUM\n      kind: MEDIA_PLACEMENT\n      sumField: pages\n"
                + "      filters:\n        - field: level\n          values: [GALACTIC]\n        - colour: red\n")))
                .hasSize(1).first().asString().contains("筛选条件");
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: SUM\n      kind: MEDIA_PLACEMENT\n      sumField: pages\n"
                + "      filters:\n        - field: level\n          values: [GALACTIC]\n")))
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("求和字段“pages”"))
                .anySatisfy(e -> assertThat(e).contains("“GALACTIC”不是字段 level 的取值"));
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: YEAR\n    scoring: STEPPED\n"
                + "    steps: [\"5:2\", \"3:4\"]\n    rule:\n      aggregation: COUNT\n      kind: MEETING\n")))
                .singleElement().asString().contains("分档");
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: YEAR\n    scoring: STEPPED\n"
                + "    steps: [\"x:2\"]\n    rule:\n      aggregation: COUNT\n      kind: MEETING\n")))
                .singleElement().asString().contains("分档");
        assertThat(errors(one("    weight: 5\n    target: 1\n    period: YEAR\n    scoring: PROPORTIONAL\n")))
                .singleElement().asString().contains("未设置计算规则");
        assertThat(errors(one("    weight: 5\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: COUNT\n      kind: MEETING\n      comparison: ALL_UNITS\n")))
                .singleElement().asString().contains("覆盖全部村");
        assertThat(errors(one("    weight: 5\n    target: 90\n    period: YEAR\n    scoring: PROPORTIONAL\n"
                + "    rule:\n      aggregation: RATE\n      rate: STUDY_ATTENDANCE\n      kind: MEETING\n")))
                .singleElement().asString().contains("只能统计台账类别 STUDY_SESSION");
    }

    @Test
    void malformedFilesAreRefusedWithAReason() {
        assertThat(errors("year: [2026\n")).singleElement().asString().startsWith("指标表文件格式错误");
        assertThat(errors("- just\n- a list\n")).containsExactly("指标表文件应以 year、name、indicators 等项开头，请使用本系统导出的文件");
        assertThat(errors("year: 2026\nname: a\nname: b\n")).singleElement().asString().startsWith("指标表文件格式错误");
        assertThat(errors("year: 1900\nname: 测试\nindicators: []\n")).singleElement().asString().contains("1900");
        assertThat(errors("year: twenty\nname: ''\nindicators: 3\n")).hasSize(3);
        assertThat(errors("year: 2026\nname: 测试\nindicators:\n  - just text\n"))
                .containsExactly("第 1 个指标应为键值对");
        assertThatThrownBy(() -> IndicatorSetYaml.read("year: 2026\nname: x\nindicators:\n  - !!java.io.File {}\n"))
                .isInstanceOf(InvalidDefinitionException.class);
    }
}
