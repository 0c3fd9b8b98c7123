package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The evaluation against a fake ledger: every aggregation, period mode and scoring mode, and the period edges. */
class EvaluatorTest {

    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    static final String TOWNSHIP = "/1/2/";
    static final String VILLAGE_A = "/1/2/10/";
    static final String VILLAGE_B = "/1/2/11/";
    static final String VILLAGE_C = "/1/2/12/";
    static final String OTHER_TOWNSHIP = "/1/3/";

    final FakeLedger ledger = new FakeLedger().villages(VILLAGE_A, VILLAGE_B, VILLAGE_C, "/1/3/20/");
    final Evaluator evaluator = new Evaluator(ledger, messages(), Locale.SIMPLIFIED_CHINESE);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/assessment", "i18n/ledger");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static Rule count(LedgerKind kind, String subKind) {
        return new Rule(Aggregation.COUNT, kind, null, null,
                subKind == null ? List.of() : List.of(RecordFilter.subKind(subKind)), Comparison.AT_LEAST);
    }

    static IndicatorDefinition indicator(String code, String category, int weight, String target, PeriodMode mode,
            ScoringMode scoring, Rule rule) {
        return new IndicatorDefinition(code, "指标" + code, category, BigDecimal.valueOf(weight),
                target == null ? null : new BigDecimal(target), mode, scoring, List.of(), rule, false, null);
    }

    static IndicatorDefinition seminarsEachQuarter() {
        return indicator("LL-02", "理论学习", 8, "1", PeriodMode.EACH_QUARTER, ScoringMode.PROPORTIONAL,
                count(LedgerKind.STUDY_SESSION, "SEMINAR"));
    }

    IndicatorResult one(IndicatorDefinition def, LocalDate asOf) {
        return evaluator.evaluate("set", 2026, TOWNSHIP, List.of(def), Map.of(), asOf).indicators().get(0);
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    // --- period edges -------------------------------------------------------------------------

    @Test
    void lastDayOfMarchCountsInTheFirstQuarterAndFirstOfAprilInTheSecond() {
        ledger.record(VILLAGE_A, LedgerKind.STUDY_SESSION, "SEMINAR", d(3, 31));
        IndicatorResult onlyMarch = one(seminarsEachQuarter(), d(4, 15));
        assertThat(onlyMarch.periods()).extracting(PeriodResult::status).containsExactly(Status.MET, Status.PENDING);

        ledger.record(VILLAGE_A, LedgerKind.STUDY_SESSION, "SEMINAR", d(4, 1));
        IndicatorResult both = one(seminarsEachQuarter(), d(4, 15));
        assertThat(both.periods()).extracting(PeriodResult::actual)
                .containsExactly(BigDecimal.ONE, BigDecimal.ONE);
        assertThat(both.status()).isEqualTo(Status.MET);
    }

    @Test
    void aRecordSpanningTwoQuartersCountsOnlyInItsStartQuarter() {
        ledger.ranged(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", d(3, 28), d(4, 3));
        IndicatorResult result = one(seminarsEachQuarter(), d(7, 1));
        assertThat(result.periods()).extracting(PeriodResult::status)
                .containsExactly(Status.MET, Status.FAILED, Status.PENDING);
        assertThat(ledger.queries).extracting(RecordQuery::from, RecordQuery::to).contains(
                org.assertj.core.groups.Tuple.tuple(d(1, 1), d(3, 31)),
                org.assertj.core.groups.Tuple.tuple(d(4, 1), d(6, 30)));
    }

    @Test
    void anUnmetQuarterTurnsYellowExactlyAtTwoThirds() {
        // Q1 2026 has 90 days: two thirds is 60 days passed, i.e. on 2 March.
        assertThat(one(seminarsEachQuarter(), d(3, 1)).status()).isEqualTo(Status.PENDING);
        assertThat(one(seminarsEachQuarter(), d(3, 2)).status()).isEqualTo(Status.WARNING);
        // Q2 has 91 days: 60 days passed (31 May) is below two thirds, 61 (1 June) above.
        IndicatorResult may = one(seminarsEachQuarter(), d(5, 31));
        assertThat(may.periods().get(1).status()).isEqualTo(Status.PENDING);
        assertThat(one(seminarsEachQuarter(), d(6, 1)).periods().get(1).status()).isEqualTo(Status.WARNING);
        assertThat(one(seminarsEachQuarter(), d(3, 31)).status()).isEqualTo(Status.WARNING);
        assertThat(one(seminarsEachQuarter(), d(4, 1)).periods().get(0).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void theEvaluationDateIsTakenInShanghaiNotUtc() {
        // 23:59 on 31 March in Beijing: the first quarter is still running.
        LocalDate lateMarch = LocalDate.now(Clock.fixed(Instant.parse("2026-03-31T15:59:00Z"), BEIJING));
        assertThat(lateMarch).isEqualTo(d(3, 31));
        assertThat(one(seminarsEachQuarter(), lateMarch).periods()).extracting(PeriodResult::status)
                .containsExactly(Status.WARNING);
        // 00:30 on 1 April in Beijing is still 31 March in UTC; the quarter has ended.
        LocalDate april = LocalDate.now(Clock.fixed(Instant.parse("2026-03-31T16:30:00Z"), BEIJING));
        assertThat(april).isEqualTo(d(4, 1));
        assertThat(one(seminarsEachQuarter(), april).periods()).extracting(PeriodResult::status)
                .containsExactly(Status.FAILED, Status.PENDING);
    }

    @Test
    void periodsCoverTheYearWithInclusiveEnds() {
        assertThat(Period.of(PeriodMode.EACH_MONTH, 2024)).hasSize(12);
        assertThat(Period.of(PeriodMode.EACH_MONTH, 2024).get(1).end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.of(PeriodMode.EACH_HALF, 2026)).extracting(Period::end)
                .containsExactly(d(6, 30), d(12, 31));
        assertThat(Period.of(PeriodMode.YEAR, 2026)).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(d(1, 1)));
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, d(3, 31)).index()).isEqualTo(1);
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, d(4, 1)).index()).isEqualTo(2);
        assertThat(Period.containing(PeriodMode.EACH_HALF, d(7, 1)).index()).isEqualTo(2);
    }

    // --- period modes -------------------------------------------------------------------------

    @Test
    void eachMonthEvaluatesOnlyTheMonthsThatHaveStarted() {
        IndicatorDefinition monthly = indicator("LL-01", "理论学习", 12, "1", PeriodMode.EACH_MONTH,
                ScoringMode.PROPORTIONAL, count(LedgerKind.STUDY_SESSION, "CENTRAL_GROUP"));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", d(1, 20));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", d(3, 5));
        IndicatorResult result = one(monthly, d(3, 10));
        assertThat(result.periods()).extracting(PeriodResult::label).containsExactly("1月", "2月", "3月");
        assertThat(result.periods()).extracting(PeriodResult::status)
                .containsExactly(Status.MET, Status.FAILED, Status.MET);
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.score()).isEqualByComparingTo("8.00");
        assertThat(result.missing()).isEqualTo("2月尚无理论学习中心组学习");
    }

    @Test
    void eachHalfAndYearModes() {
        IndicatorDefinition halves = indicator("ZZ-02", "组织领导", 6, "1", PeriodMode.EACH_HALF,
                ScoringMode.ALL_OR_NOTHING, count(LedgerKind.MEETING, "ANALYSIS"));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "ANALYSIS", d(6, 30));
        IndicatorResult inJuly = one(halves, d(7, 1));
        assertThat(inJuly.periods()).extracting(PeriodResult::label).containsExactly("上半年", "下半年");
        assertThat(inJuly.status()).isEqualTo(Status.PENDING);
        assertThat(inJuly.score()).isEqualByComparingTo("0");
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "ANALYSIS", d(7, 1));
        assertThat(one(halves, d(7, 1)).score()).isEqualByComparingTo("6");

        IndicatorDefinition yearly = indicator("ZZ-01", "组织领导", 10, "2", PeriodMode.YEAR,
                ScoringMode.ALL_OR_NOTHING, count(LedgerKind.MEETING, "THEMATIC"));
        IndicatorResult year = one(yearly, d(12, 31));
        assertThat(year.periods()).singleElement().extracting(PeriodResult::label).isEqualTo("全年");
        assertThat(year.status()).isEqualTo(Status.WARNING);
        assertThat(one(yearly, LocalDate.of(2027, 1, 1)).status()).isEqualTo(Status.FAILED);
        assertThat(one(yearly, d(1, 5)).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void nothingIsEvaluatedBeforeTheYearStarts() {
        IndicatorResult result = one(seminarsEachQuarter(), LocalDate.of(2025, 12, 31));
        assertThat(result.periods()).isEmpty();
        assertThat(result.status()).isEqualTo(Status.PENDING);
        assertThat(result.score()).isEqualByComparingTo("0");
        assertThat(ledger.queries).isEmpty();
    }

    // --- aggregations -------------------------------------------------------------------------

    @Test
    void countHonoursSubKindScopeAndSoftDelete() {
        IndicatorDefinition thematic = indicator("ZZ-01", "组织领导", 10, "2", PeriodMode.YEAR,
                ScoringMode.PROPORTIONAL, count(LedgerKind.MEETING, "THEMATIC"));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "THEMATIC", d(2, 1));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "ANALYSIS", d(2, 2));
        ledger.deleted(TOWNSHIP, LedgerKind.MEETING, "THEMATIC", d(2, 3));
        ledger.record(OTHER_TOWNSHIP, LedgerKind.MEETING, "THEMATIC", d(2, 4));
        IndicatorResult result = one(thematic, d(5, 1));
        assertThat(result.periods().get(0).actual()).isEqualByComparingTo("1");
        assertThat(result.score()).isEqualByComparingTo("5.00");
        assertThat(result.missing()).isEqualTo("全年党委会专题研究意识形态工作仅1次，尚差1次");
    }

    @Test
    void sumWithFieldAndTagFilters() {
        Rule provincialArticles = new Rule(Aggregation.SUM, LedgerKind.MEDIA_PLACEMENT, "articleCount", null,
                List.of(RecordFilter.fieldIn("level", "NATIONAL", "PROVINCIAL")), Comparison.AT_LEAST);
        IndicatorDefinition media = indicator("XW-01", "新闻宣传", 10, "8", PeriodMode.YEAR, ScoringMode.PROPORTIONAL,
                provincialArticles);
        ledger.withFields(TOWNSHIP, LedgerKind.MEDIA_PLACEMENT, d(3, 1), Map.of("level", "PROVINCIAL"), Set.of(),
                Map.of("articleCount", new BigDecimal("3")));
        ledger.withFields(TOWNSHIP, LedgerKind.MEDIA_PLACEMENT, d(4, 1), Map.of("level", "NATIONAL"), Set.of(),
                Map.of("articleCount", BigDecimal.ONE));
        ledger.withFields(TOWNSHIP, LedgerKind.MEDIA_PLACEMENT, d(5, 1), Map.of("level", "COUNTY"), Set.of(),
                Map.of("articleCount", BigDecimal.TEN));
        IndicatorResult result = one(media, d(6, 1));
        assertThat(result.periods().get(0).actual()).isEqualByComparingTo("4");
        assertThat(result.score()).isEqualByComparingTo("5.00");
        assertThat(result.missing()).isEqualTo("全年指标XW-01累计4，尚差4");

        Rule taggedCost = new Rule(Aggregation.SUM, LedgerKind.PUBLICITY_MATERIAL, "cost", null,
                List.of(RecordFilter.tag("扫黄打非")), Comparison.AT_LEAST);
        ledger.withFields(TOWNSHIP, LedgerKind.PUBLICITY_MATERIAL, d(2, 1), Map.of(), Set.of("扫黄打非"),
                Map.of("cost", new BigDecimal("1200.50")));
        ledger.withFields(TOWNSHIP, LedgerKind.PUBLICITY_MATERIAL, d(2, 1), Map.of(), Set.of("其他"),
                Map.of("cost", new BigDecimal("999")));
        IndicatorResult cost = one(indicator("WH-09", "文化与文明创建", 2, "1000", PeriodMode.YEAR,
                ScoringMode.ALL_OR_NOTHING, taggedCost), d(6, 1));
        assertThat(cost.periods().get(0).actual()).isEqualByComparingTo("1200.5");
        assertThat(cost.status()).isEqualTo(Status.MET);
        assertThat(cost.score()).isEqualByComparingTo("2");
    }

    @Test
    void distinctUnitsAgainstANumberAndAgainstEveryVillage() {
        ledger.record(VILLAGE_A, LedgerKind.OUTREACH, null, d(3, 1));
        ledger.record(VILLAGE_A, LedgerKind.OUTREACH, null, d(3, 2));
        ledger.record(VILLAGE_B, LedgerKind.OUTREACH, null, d(4, 2));
        ledger.record("/1/3/20/", LedgerKind.OUTREACH, null, d(4, 2));
        Rule every = new Rule(Aggregation.DISTINCT_UNITS, LedgerKind.OUTREACH, null, null, List.of(),
                Comparison.ALL_UNITS);
        IndicatorResult all = one(indicator("ZD-02", "阵地建设", 9, null, PeriodMode.YEAR, ScoringMode.PROPORTIONAL,
                every), d(6, 1));
        assertThat(all.periods().get(0).actual()).isEqualByComparingTo("2");
        assertThat(all.periods().get(0).target()).isEqualByComparingTo("3");
        assertThat(all.score()).isEqualByComparingTo("6.00");
        assertThat(all.missing()).isEqualTo("全年指标ZD-02已覆盖2个村（社区），共3个，尚有1个未覆盖");

        ledger.record(VILLAGE_C, LedgerKind.OUTREACH, null, d(5, 2));
        assertThat(one(indicator("ZD-02", "阵地建设", 9, null, PeriodMode.YEAR, ScoringMode.ALL_OR_NOTHING, every),
                d(6, 1)).status()).isEqualTo(Status.MET);

        Rule atLeast = new Rule(Aggregation.DISTINCT_UNITS, LedgerKind.OUTREACH, null, null, List.of(),
                Comparison.AT_LEAST);
        IndicatorResult quarterly = one(indicator("ZD-03", "阵地建设", 4, "2", PeriodMode.EACH_QUARTER,
                ScoringMode.PROPORTIONAL, atLeast), d(6, 1));
        assertThat(quarterly.periods()).extracting(PeriodResult::actual)
                .containsExactly(BigDecimal.ONE, BigDecimal.valueOf(2));
        assertThat(quarterly.periods().get(0).missing()).isEqualTo("第一季度指标ZD-03仅覆盖1个村（社区），尚差1个");
    }

    @Test
    void attendanceRateOfCentralGroupStudy() {
        Rule attendance = new Rule(Aggregation.RATE, LedgerKind.STUDY_SESSION, null, RateMetric.STUDY_ATTENDANCE,
                List.of(RecordFilter.subKind("CENTRAL_GROUP")), Comparison.AT_LEAST);
        IndicatorDefinition def = indicator("LL-03", "理论学习", 6, "90", PeriodMode.YEAR, ScoringMode.PROPORTIONAL,
                attendance);
        IndicatorResult noData = one(def, d(2, 1));
        assertThat(noData.periods().get(0).actual()).isNull();
        assertThat(noData.missing()).isEqualTo("全年理论学习中心组学习出勤率尚无数据");

        ledger.study(TOWNSHIP, "CENTRAL_GROUP", d(1, 10), 9, 12);
        ledger.study(TOWNSHIP, "CENTRAL_GROUP", d(2, 10), 11, 12);
        ledger.study(TOWNSHIP, "SEMINAR", d(2, 11), 0, 12);
        IndicatorResult result = one(def, d(3, 1));
        assertThat(result.periods().get(0).actual()).isEqualByComparingTo("83.33");
        assertThat(result.missing()).isEqualTo("全年理论学习中心组学习出勤率为83.33%，未达到90%");
        assertThat(result.score()).isEqualByComparingTo("5.56");

        ledger.study(TOWNSHIP, "CENTRAL_GROUP", d(3, 10), 12, 12);
        ledger.study(TOWNSHIP, "CENTRAL_GROUP", d(3, 20), 12, 12);
        assertThat(one(def, d(4, 1)).status()).isEqualTo(Status.MET);
    }

    @Test
    void opinionCasesOnTimeWithNoCaseCountingAsMet() {
        Rule onTime = new Rule(Aggregation.RATE, LedgerKind.OPINION_CASE, null, RateMetric.OPINION_ON_TIME, List.of(),
                Comparison.AT_LEAST);
        IndicatorDefinition def = indicator("WL-01", "网络意识形态", 10, "100", PeriodMode.EACH_QUARTER,
                ScoringMode.ALL_OR_NOTHING, onTime);
        assertThat(one(def, d(5, 1)).status()).isEqualTo(Status.MET);

        ledger.opinion(TOWNSHIP, d(1, 5), true);
        ledger.opinion(TOWNSHIP, d(2, 5), false);
        ledger.opinion(TOWNSHIP, d(4, 5), null);
        IndicatorResult result = one(def, d(5, 1));
        assertThat(result.periods()).extracting(PeriodResult::status).containsExactly(Status.FAILED, Status.MET);
        assertThat(result.periods().get(0).actual()).isEqualByComparingTo("50");
        assertThat(result.score()).isEqualByComparingTo("0");
        assertThat(result.missing()).isEqualTo("第一季度舆情按时处置率为50%，未达到100%");
    }

    @Test
    void volunteerHoursPerResidentIsNotAPercentage() {
        ledger.population(1000);
        Rule perResident = new Rule(Aggregation.RATE, LedgerKind.VOLUNTEER_SERVICE, null,
                RateMetric.VOLUNTEER_HOURS_PER_RESIDENT, List.of(), Comparison.AT_LEAST);
        ledger.withFields(VILLAGE_A, LedgerKind.VOLUNTEER_SERVICE, d(3, 3), Map.of(), Set.of(),
                Map.of("hours", new BigDecimal("300")));
        IndicatorDefinition def = indicator("WH-02", "文化与文明创建", 6, "0.5", PeriodMode.YEAR,
                ScoringMode.PROPORTIONAL, perResident);
        IndicatorResult result = one(def, d(6, 1));
        assertThat(result.periods().get(0).actual()).isEqualByComparingTo("0.3");
        assertThat(result.missing()).isEqualTo("全年人均志愿服务时长（小时）为0.3，未达到0.5");
        assertThat(result.score()).isEqualByComparingTo("3.60");
    }

    @Test
    void lettersSignedWithEveryVillageAndDepartment() {
        ledger.letterCounterparts(VILLAGE_A, VILLAGE_B, "/1/2/30/").signed(VILLAGE_A).signed(VILLAGE_B);
        Rule letters = new Rule(Aggregation.RATE, null, null, RateMetric.LETTERS_SIGNED, List.of(), Comparison.AT_LEAST);
        IndicatorDefinition def = indicator("ZZ-03", "组织领导", 8, "100", PeriodMode.YEAR, ScoringMode.ALL_OR_NOTHING,
                letters);
        IndicatorResult result = one(def, d(4, 1));
        assertThat(result.periods().get(0).actual()).isEqualByComparingTo("66.67");
        assertThat(result.score()).isEqualByComparingTo("0");
        assertThat(ledger.queries).singleElement().satisfies(q -> {
            assertThat(q.kind()).isNull();
            assertThat(q.from()).isEqualTo(d(1, 1));
        });
        ledger.signed("/1/2/30/");
        assertThat(one(def, d(4, 1)).score()).isEqualByComparingTo("8");
    }

    // --- scoring modes ------------------------------------------------------------------------

    @Test
    void proportionalEachPeriodIsTheShareOfStartedPeriodsMet() {
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", d(2, 1));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", d(8, 1));
        IndicatorResult result = one(seminarsEachQuarter(), d(8, 15));
        assertThat(result.periods()).extracting(PeriodResult::status)
                .containsExactly(Status.MET, Status.FAILED, Status.MET);
        assertThat(result.score()).isEqualByComparingTo("5.33");
        assertThat(result.missing()).isEqualTo("第二季度尚无专题研讨");
    }

    @Test
    void missingSeminarInTheThirdQuarterIsSaidInChinese() {
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", d(2, 1));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", d(5, 1));
        // Q3 has 92 days: 62 passed on 1 September is the first day past two thirds.
        IndicatorResult result = one(seminarsEachQuarter(), d(9, 1));
        assertThat(result.status()).isEqualTo(Status.WARNING);
        assertThat(result.missing()).isEqualTo("第三季度尚无专题研讨");
    }

    @Test
    void allOrNothingNeedsEveryStartedPeriod() {
        IndicatorDefinition def = indicator("LL-02", "理论学习", 8, "1", PeriodMode.EACH_QUARTER,
                ScoringMode.ALL_OR_NOTHING, count(LedgerKind.STUDY_SESSION, "SEMINAR"));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", d(2, 1));
        assertThat(one(def, d(3, 1)).score()).isEqualByComparingTo("8");
        assertThat(one(def, d(4, 2)).score()).isEqualByComparingTo("0");
    }

    @Test
    void steppedOnTheYearlyFigureAndOnPeriodsMet() {
        List<Step> steps = List.of(new Step(new BigDecimal("2"), new BigDecimal("4")),
                new Step(new BigDecimal("5"), new BigDecimal("8")), new Step(new BigDecimal("8"), new BigDecimal("12")));
        IndicatorDefinition yearly = new IndicatorDefinition("XW-02", "信息报送", "新闻宣传", BigDecimal.TEN,
                new BigDecimal("8"), PeriodMode.YEAR, ScoringMode.STEPPED, steps,
                count(LedgerKind.MEDIA_PLACEMENT, null), false, null);
        assertThat(one(yearly, d(3, 1)).score()).isEqualByComparingTo("0");
        for (int i = 0; i < 5; i++) {
            ledger.record(TOWNSHIP, LedgerKind.MEDIA_PLACEMENT, null, d(2, 1 + i));
        }
        assertThat(one(yearly, d(3, 1)).score()).isEqualByComparingTo("8");
        for (int i = 0; i < 3; i++) {
            ledger.record(TOWNSHIP, LedgerKind.MEDIA_PLACEMENT, null, d(2, 10 + i));
        }
        // 12 points of the top step are capped at the weight of 10.
        assertThat(one(yearly, d(3, 1)).score()).isEqualByComparingTo("10");

        IndicatorDefinition monthly = new IndicatorDefinition("LL-01", "中心组学习", "理论学习", BigDecimal.TEN,
                BigDecimal.ONE, PeriodMode.EACH_MONTH, ScoringMode.STEPPED,
                List.of(new Step(new BigDecimal("1"), new BigDecimal("3")), new Step(new BigDecimal("3"), BigDecimal.TEN)),
                count(LedgerKind.STUDY_SESSION, "CENTRAL_GROUP"), false, null);
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", d(1, 3));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", d(2, 3));
        assertThat(one(monthly, d(3, 1)).score()).isEqualByComparingTo("3");
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", d(3, 3));
        assertThat(one(monthly, d(3, 5)).score()).isEqualByComparingTo("10");
    }

    // --- manual scores, totals, warnings ------------------------------------------------------

    @Test
    void manualIndicatorsUseTheHandGivenScoreCappedAtTheWeight() {
        IndicatorDefinition manual = new IndicatorDefinition("WH-05", "文明村镇创建", "文化与文明创建", BigDecimal.valueOf(5),
                null, PeriodMode.YEAR, ScoringMode.ALL_OR_NOTHING, List.of(), null, true, null);
        Evaluation none = evaluator.evaluate("set", 2026, TOWNSHIP, List.of(manual), Map.of(), d(6, 1));
        assertThat(none.indicators().get(0).status()).isEqualTo(Status.PENDING);
        assertThat(none.indicators().get(0).missing()).isEqualTo("文明村镇创建尚未人工评分");
        assertThat(none.warnings()).isEmpty();

        Evaluation late = evaluator.evaluate("set", 2026, TOWNSHIP, List.of(manual), Map.of(), LocalDate.of(2027, 1, 2));
        // after the year it still waits for the county's score: not the township's failure, no red warning
        assertThat(late.indicators().get(0).status()).isEqualTo(Status.PENDING);
        assertThat(late.warnings()).isEmpty();

        ManualScoreValue given = new ManualScoreValue(new BigDecimal("7"), "获评市级文明村镇", "市文明委通报",
                "county", Instant.parse("2026-05-01T02:00:00Z"));
        Evaluation scored = evaluator.evaluate("set", 2026, TOWNSHIP, List.of(manual), Map.of("WH-05", given), d(6, 1));
        assertThat(scored.indicators().get(0).status()).isEqualTo(Status.MET);
        assertThat(scored.indicators().get(0).score()).isEqualByComparingTo("5");
        assertThat(scored.indicators().get(0).manualScore()).isEqualTo(given);

        // fewer than full marks is a shortfall with the grader's reason, not "met"
        ManualScoreValue partial = new ManualScoreValue(new BigDecimal("3"), "仅一个村获评县级文明村", "县文明办通报",
                "county", Instant.parse("2026-05-01T02:00:00Z"));
        Evaluation short_ = evaluator.evaluate("set", 2026, TOWNSHIP, List.of(manual), Map.of("WH-05", partial), d(6, 1));
        assertThat(short_.indicators().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(short_.indicators().get(0).score()).isEqualByComparingTo("3");
        assertThat(short_.indicators().get(0).missing()).isEqualTo("文明村镇创建人工评分3分（满分5分）：仅一个村获评县级文明村");
        assertThat(ledger.queries).isEmpty();
    }

    @Test
    void categoryTotalsAndTheObligationCalendar() {
        IndicatorDefinition monthly = indicator("LL-01", "理论学习", 12, "1", PeriodMode.EACH_MONTH,
                ScoringMode.PROPORTIONAL, count(LedgerKind.STUDY_SESSION, "CENTRAL_GROUP"));
        IndicatorDefinition yearly = indicator("ZZ-01", "组织领导", 10, "2", PeriodMode.YEAR, ScoringMode.PROPORTIONAL,
                count(LedgerKind.MEETING, "THEMATIC"));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", d(1, 20));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "THEMATIC", d(1, 20));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", d(1, 20));
        Evaluation evaluation = evaluator.evaluate("set", 2026, TOWNSHIP,
                List.of(monthly, seminarsEachQuarter(), yearly), Map.of(), d(3, 25));
        assertThat(evaluation.categories()).extracting(CategoryTotal::category).containsExactly("理论学习", "组织领导");
        assertThat(evaluation.categories().get(0).weight()).isEqualByComparingTo("20");
        // monthly 1 of 3 months (4.00) + seminars 1 of 1 quarter (8.00); thematic 1 of 2 (5.00)
        assertThat(evaluation.categories().get(0).score()).isEqualByComparingTo("12");
        assertThat(evaluation.total()).isEqualByComparingTo("17");
        assertThat(evaluation.maxTotal()).isEqualByComparingTo("30");
        assertThat(evaluation.warnings()).extracting(Obligation::periodLabel, Obligation::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2月", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("3月", Status.WARNING));
        assertThat(evaluation.due()).extracting(Obligation::indicatorCode, Obligation::due).containsExactly(
                org.assertj.core.groups.Tuple.tuple("LL-01", d(3, 31)),
                org.assertj.core.groups.Tuple.tuple("ZZ-01", d(12, 31)));
        assertThat(evaluation.due().get(0).message()).isEqualTo("3月尚无理论学习中心组学习");
    }
}
