package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luoshi.ledger.LedgerKind;

/**
 * The 2024 rules (《整治形式主义为基层减负若干规定》) in the indicator set: the default set scores duties
 * only and states every basis; volume indicators are informational; a scored volume indicator needs
 * a reason; informational figures are shown but stay out of the total.
 */
class BurdenRulesTest {

    final FakeLedger ledger = new FakeLedger().villages(EvaluatorTest.VILLAGE_A, EvaluatorTest.VILLAGE_B);
    final Evaluator evaluator = new Evaluator(ledger, EvaluatorTest.messages(), Locale.SIMPLIFIED_CHINESE);

    static final Rule PROVINCIAL_ARTICLES = new Rule(Aggregation.SUM, LedgerKind.MEDIA_PLACEMENT, "articleCount", null,
            List.of(RecordFilter.fieldIn("level", "NATIONAL", "PROVINCIAL")), Comparison.AT_LEAST);

    @Test
    void theDefaultSetScoresNoVolumeAndStatesEveryBasis() {
        SetDefinition set = IndicatorSetService.defaultSet(2026);
        assertThat(set.indicators()).allSatisfy(d -> {
            assertThat(d.scoredVolume()).as(d.code() + " scores volume").isFalse();
            assertThat(d.basis()).as(d.code() + " basis").isNotBlank();
        });
        // no placements, posts, publicity items, documents or sums of anything among the scored ones
        assertThat(set.indicators()).filteredOn(d -> !d.informational() && d.rule() != null).allSatisfy(d -> {
            assertThat(d.rule().kind()).as(d.code()).isNotIn(LedgerKind.MEDIA_PLACEMENT, LedgerKind.NEW_MEDIA_OUTPUT,
                    LedgerKind.PUBLICITY_MATERIAL, LedgerKind.DIRECTIVE);
            assertThat(d.rule().aggregation()).as(d.code()).isNotEqualTo(Aggregation.SUM);
            assertThat(d.scoring()).as(d.code()).isNotEqualTo(ScoringMode.STEPPED);
        });
        assertThat(set.indicators()).filteredOn(IndicatorDefinition::informational)
                .extracting(IndicatorDefinition::code).contains("XW-01", "XW-03", "XW-04", "WH-01");
        assertThat(set.indicators().stream().filter(d -> !d.informational()).map(IndicatorDefinition::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        // and it survives the round trip through the YAML a county exports and imports
        assertThat(IndicatorSetYaml.read(IndicatorSetYaml.write(set))).isEqualTo(set);
    }

    @Test
    void aScoredVolumeIndicatorNeedsAReasonCitingTheRule() {
        IndicatorDefinition scored = new IndicatorDefinition("XW-09", "省级上稿", "新闻宣传", BigDecimal.TEN,
                BigDecimal.valueOf(8), PeriodMode.YEAR, ScoringMode.PROPORTIONAL, List.of(), PROVINCIAL_ARTICLES, false,
                null, null, false, null);
        List<Problem> problems = DefinitionCheck.indicator(scored);
        assertThat(problems).extracting(Problem::field).containsExactly("volumeReason");
        assertThat(EvaluatorTest.messages().getMessage(problems.get(0).key(), problems.get(0).args(),
                Locale.SIMPLIFIED_CHINESE)).contains("XW-09", "媒体上稿篇数", "《整治形式主义为基层减负若干规定》（2024年）");

        IndicatorDefinition explained = new IndicatorDefinition("XW-09", "省级上稿", "新闻宣传", BigDecimal.TEN,
                BigDecimal.valueOf(8), PeriodMode.YEAR, ScoringMode.PROPORTIONAL, List.of(), PROVINCIAL_ARTICLES, false,
                null, null, false, "市委宣传部年度考核明确要求");
        assertThat(DefinitionCheck.indicator(explained)).isEmpty();
        assertThat(DefinitionCheck.indicator(scored.asInformational())).isEmpty();
        // a count of meetings of every kind is volume; of the special studies the rules require, a duty
        assertThat(Volume.of(EvaluatorTest.indicator("M", "组织领导", 5, "10", PeriodMode.YEAR, ScoringMode.PROPORTIONAL,
                EvaluatorTest.count(LedgerKind.MEETING, null)))).contains(Volume.What.RECORDS);
        assertThat(Volume.of(EvaluatorTest.indicator("M", "组织领导", 5, "2", PeriodMode.YEAR, ScoringMode.PROPORTIONAL,
                EvaluatorTest.count(LedgerKind.MEETING, "THEMATIC")))).isEmpty();
    }

    @Test
    void informationalFiguresAreShownButOutsideTheTotal() {
        IndicatorDefinition duty = EvaluatorTest.indicator("ZZ-01", "组织领导", 10, "2", PeriodMode.YEAR,
                ScoringMode.PROPORTIONAL, EvaluatorTest.count(LedgerKind.MEETING, "THEMATIC"));
        IndicatorDefinition articles = new IndicatorDefinition("XW-01", "省级上稿", "新闻宣传", BigDecimal.TEN,
                null, PeriodMode.YEAR, ScoringMode.PROPORTIONAL, List.of(), PROVINCIAL_ARTICLES, false, null,
                "减负规定：仅作参考", true, null);
        assertThat(articles.weight()).isZero();
        ledger.record(EvaluatorTest.TOWNSHIP, LedgerKind.MEETING, "THEMATIC", LocalDate.of(2026, 3, 1));
        ledger.withFields(EvaluatorTest.TOWNSHIP, LedgerKind.MEDIA_PLACEMENT, LocalDate.of(2026, 3, 1),
                Map.of("level", "PROVINCIAL"), Set.of(), Map.of("articleCount", new BigDecimal("5")));

        Evaluation e = evaluator.evaluate("表", 2026, EvaluatorTest.TOWNSHIP, List.of(duty, articles), Map.of(),
                LocalDate.of(2026, 6, 1));

        assertThat(e.total()).isEqualByComparingTo("5");
        assertThat(e.maxTotal()).isEqualByComparingTo("10");
        assertThat(e.categories()).extracting(CategoryTotal::category).containsExactly("组织领导");
        assertThat(e.scored()).extracting(r -> r.indicator().code()).containsExactly("ZZ-01");
        IndicatorResult info = e.informational().get(0);
        assertThat(info.periods().get(0).actual()).isEqualByComparingTo("5");
        assertThat(info.score()).isZero();
        assertThat(info.missing()).isNull();
        assertThat(info.formula()).isEqualTo("不计分，仅作参考");
        assertThat(e.warnings()).extracting(Obligation::indicatorCode).doesNotContain("XW-01");
        assertThat(e.due()).extracting(Obligation::indicatorCode).doesNotContain("XW-01");
        // every score shows its arithmetic
        assertThat(e.scored().get(0).formula()).isEqualTo("10 分 × min(1, 实际 1 ÷ 目标 2) = 5 分");
    }
}
