package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.luoshi.assessment.EvaluatorTest.TOWNSHIP;
import static org.luoshi.assessment.EvaluatorTest.count;
import static org.luoshi.assessment.EvaluatorTest.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Indicator periods at the edges of the calendar: 31 December and 1 January, 29 February of a leap
 * year, the last days of the second and third quarters. Each evaluation date is taken the way the
 * services take it, from a fixed business clock ({@code LocalDate.now(clock)} in Beijing), at 23:59
 * and at 00:01 Beijing time, i.e. at 15:59 and 16:01 UTC of the day before midnight: both instants
 * fall on the same UTC date, so a period decided in UTC would not change between them.
 */
class PeriodEdgesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    final FakeLedger ledger = new FakeLedger();
    final Evaluator evaluator = new Evaluator(ledger, EvaluatorTest.messages(), Locale.SIMPLIFIED_CHINESE);

    /** The business date at an instant: what the services pass as the evaluation date. */
    static LocalDate today(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), BEIJING));
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    static IndicatorDefinition monthly() {
        return indicator("LL-01", "理论学习", 12, "1", PeriodMode.EACH_MONTH, ScoringMode.PROPORTIONAL,
                count(LedgerKind.STUDY_SESSION, "CENTRAL_GROUP"));
    }

    static IndicatorDefinition quarterly() {
        return indicator("LL-02", "理论学习", 8, "1", PeriodMode.EACH_QUARTER, ScoringMode.PROPORTIONAL,
                count(LedgerKind.STUDY_SESSION, "SEMINAR"));
    }

    static IndicatorDefinition halves() {
        return indicator("ZZ-02", "组织领导", 6, "1", PeriodMode.EACH_HALF, ScoringMode.PROPORTIONAL,
                count(LedgerKind.MEETING, "ANALYSIS"));
    }

    static IndicatorDefinition yearly() {
        return indicator("ZZ-01", "组织领导", 10, "2", PeriodMode.YEAR, ScoringMode.PROPORTIONAL,
                count(LedgerKind.MEETING, "THEMATIC"));
    }

    Evaluation evaluate(int year, LocalDate asOf, IndicatorDefinition... indicators) {
        return evaluator.evaluate("set", year, TOWNSHIP, List.of(indicators), Map.of(), asOf);
    }

    static List<Status> statuses(IndicatorResult result) {
        return result.periods().stream().map(PeriodResult::status).toList();
    }

    void centralGroupStudy(int year, int... months) {
        for (int month : months) {
            ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", date(year, month, 15));
        }
    }

    // --- which period contains the date -------------------------------------------------------

    @Test
    void oneMinuteBeforeMidnightOnNewYearsEveIsInTheOldYearsLastPeriodsAndOneMinuteAfterInTheNewYearsFirst() {
        LocalDate evening = today("2026-12-31T15:59:00Z");
        LocalDate night = today("2026-12-31T16:01:00Z");
        assertThat(evening).isEqualTo(date(2026, 12, 31));
        // still 31 December in UTC, already 1 January in Beijing
        assertThat(night).isEqualTo(date(2027, 1, 1));

        assertThat(Period.containing(PeriodMode.EACH_MONTH, evening))
                .isEqualTo(new Period(PeriodMode.EACH_MONTH, 2026, 12, date(2026, 12, 1), date(2026, 12, 31)));
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, evening))
                .isEqualTo(new Period(PeriodMode.EACH_QUARTER, 2026, 4, date(2026, 10, 1), date(2026, 12, 31)));
        assertThat(Period.containing(PeriodMode.EACH_HALF, evening))
                .isEqualTo(new Period(PeriodMode.EACH_HALF, 2026, 2, date(2026, 7, 1), date(2026, 12, 31)));
        assertThat(Period.containing(PeriodMode.YEAR, evening))
                .isEqualTo(new Period(PeriodMode.YEAR, 2026, 1, date(2026, 1, 1), date(2026, 12, 31)));

        assertThat(Period.containing(PeriodMode.EACH_MONTH, night))
                .isEqualTo(new Period(PeriodMode.EACH_MONTH, 2027, 1, date(2027, 1, 1), date(2027, 1, 31)));
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, night))
                .isEqualTo(new Period(PeriodMode.EACH_QUARTER, 2027, 1, date(2027, 1, 1), date(2027, 3, 31)));
        assertThat(Period.containing(PeriodMode.EACH_HALF, night))
                .isEqualTo(new Period(PeriodMode.EACH_HALF, 2027, 1, date(2027, 1, 1), date(2027, 6, 30)));
        assertThat(Period.containing(PeriodMode.YEAR, night))
                .isEqualTo(new Period(PeriodMode.YEAR, 2027, 1, date(2027, 1, 1), date(2027, 12, 31)));
    }

    @Test
    void theTwentyNinthOfFebruaryEndsFebruaryOfALeapYearAndOneMinuteLaterMarchHasBegun() {
        LocalDate leapDay = today("2028-02-29T15:59:00Z");
        LocalDate march = today("2028-02-29T16:01:00Z");
        assertThat(leapDay).isEqualTo(date(2028, 2, 29));
        assertThat(march).isEqualTo(date(2028, 3, 1));

        Period february = Period.containing(PeriodMode.EACH_MONTH, leapDay);
        assertThat(february).isEqualTo(new Period(PeriodMode.EACH_MONTH, 2028, 2, date(2028, 2, 1), date(2028, 2, 29)));
        assertThat(february.contains(leapDay)).isTrue();
        assertThat(february.hasEnded(leapDay)).isFalse();
        assertThat(february.hasEnded(march)).isTrue();
        assertThat(Period.containing(PeriodMode.EACH_MONTH, march).index()).isEqualTo(3);
        // the first quarter and half run on through the leap day
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, leapDay))
                .isEqualTo(new Period(PeriodMode.EACH_QUARTER, 2028, 1, date(2028, 1, 1), date(2028, 3, 31)));
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, march).index()).isEqualTo(1);
        assertThat(Period.containing(PeriodMode.EACH_HALF, leapDay).end()).isEqualTo(date(2028, 6, 30));
        // without a leap day February ends on the 28th
        assertThat(Period.of(PeriodMode.EACH_MONTH, 2027).get(1).end()).isEqualTo(date(2027, 2, 28));
    }

    @Test
    void theLastEveningsOfJuneAndSeptemberAreInTheEndingQuarterAndOneMinuteAfterMidnightInTheNext() {
        LocalDate lastOfJune = today("2026-06-30T15:59:00Z");
        LocalDate firstOfJuly = today("2026-06-30T16:01:00Z");
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, lastOfJune))
                .isEqualTo(new Period(PeriodMode.EACH_QUARTER, 2026, 2, date(2026, 4, 1), date(2026, 6, 30)));
        assertThat(Period.containing(PeriodMode.EACH_HALF, lastOfJune))
                .isEqualTo(new Period(PeriodMode.EACH_HALF, 2026, 1, date(2026, 1, 1), date(2026, 6, 30)));
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, firstOfJuly))
                .isEqualTo(new Period(PeriodMode.EACH_QUARTER, 2026, 3, date(2026, 7, 1), date(2026, 9, 30)));
        assertThat(Period.containing(PeriodMode.EACH_HALF, firstOfJuly))
                .isEqualTo(new Period(PeriodMode.EACH_HALF, 2026, 2, date(2026, 7, 1), date(2026, 12, 31)));

        LocalDate lastOfSeptember = today("2026-09-30T15:59:00Z");
        LocalDate firstOfOctober = today("2026-09-30T16:01:00Z");
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, lastOfSeptember).index()).isEqualTo(3);
        assertThat(Period.containing(PeriodMode.EACH_QUARTER, firstOfOctober))
                .isEqualTo(new Period(PeriodMode.EACH_QUARTER, 2026, 4, date(2026, 10, 1), date(2026, 12, 31)));
        // the second half goes on across the quarter's end
        assertThat(Period.containing(PeriodMode.EACH_HALF, lastOfSeptember))
                .isEqualTo(Period.containing(PeriodMode.EACH_HALF, firstOfOctober));
    }

    @Test
    void aRecordOfNewYearsEveCountsInTheOldYearAndOneOfNewYearsDayInTheNew() {
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "THEMATIC", date(2026, 12, 31));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "THEMATIC", date(2027, 1, 1));
        LocalDate night = today("2026-12-31T16:01:00Z");
        assertThat(evaluate(2026, night, yearly()).indicators().get(0).periods()).singleElement()
                .satisfies(p -> assertThat(p.actual()).isEqualByComparingTo("1"));
        assertThat(evaluate(2027, night, yearly()).indicators().get(0).periods()).singleElement()
                .satisfies(p -> assertThat(p.actual()).isEqualByComparingTo("1"));
        assertThat(ledger.queries).extracting(RecordQuery::from, RecordQuery::to).containsExactly(
                tuple(date(2026, 1, 1), date(2026, 12, 31)), tuple(date(2027, 1, 1), date(2027, 12, 31)));
    }

    // --- yellow and red at midnight, what is due ----------------------------------------------

    @Test
    void atMidnightOnNewYearsEveTheYearsLastPeriodsTurnFromYellowToRedAndNothingOfTheOldYearIsDueAnyMore() {
        // every period met except the last one of each mode, and the year half done
        centralGroupStudy(2026, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", date(2026, 2, 1));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", date(2026, 5, 1));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", date(2026, 8, 1));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "ANALYSIS", date(2026, 3, 1));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "THEMATIC", date(2026, 3, 1));
        IndicatorDefinition[] all = {monthly(), quarterly(), halves(), yearly()};

        Evaluation evening = evaluate(2026, today("2026-12-31T15:59:00Z"), all);
        assertThat(evening.indicators()).extracting(IndicatorResult::status).containsOnly(Status.WARNING);
        assertThat(statuses(evening.indicators().get(1)))
                .containsExactly(Status.MET, Status.MET, Status.MET, Status.WARNING);
        assertThat(evening.warnings()).extracting(Obligation::indicatorCode, Obligation::periodLabel, Obligation::status)
                .containsExactly(tuple("LL-01", "12月", Status.WARNING), tuple("LL-02", "第四季度", Status.WARNING),
                        tuple("ZZ-02", "下半年", Status.WARNING), tuple("ZZ-01", "全年", Status.WARNING));
        // still due, all on the last day of the year, in the order of the indicator codes
        assertThat(evening.due()).extracting(Obligation::indicatorCode, Obligation::due).containsExactly(
                tuple("LL-01", date(2026, 12, 31)), tuple("LL-02", date(2026, 12, 31)),
                tuple("ZZ-01", date(2026, 12, 31)), tuple("ZZ-02", date(2026, 12, 31)));
        assertThat(EvaluationController.dueThisQuarter(List.of(evening), evening.asOf()))
                .isEqualTo(evening.due());

        // two minutes later, 00:01 in Beijing and still 31 December in UTC: every one of them has ended unmet
        Evaluation night = evaluate(2026, today("2026-12-31T16:01:00Z"), all);
        assertThat(night.indicators()).extracting(IndicatorResult::status).containsOnly(Status.FAILED);
        assertThat(statuses(night.indicators().get(1)))
                .containsExactly(Status.MET, Status.MET, Status.MET, Status.FAILED);
        assertThat(night.warnings()).extracting(Obligation::indicatorCode, Obligation::periodLabel, Obligation::status)
                .containsExactly(tuple("LL-01", "12月", Status.FAILED), tuple("LL-02", "第四季度", Status.FAILED),
                        tuple("ZZ-02", "下半年", Status.FAILED), tuple("ZZ-01", "全年", Status.FAILED));
        assertThat(night.due()).isEmpty();
        assertThat(EvaluationController.dueThisQuarter(List.of(night), night.asOf())).isEmpty();

        // the colour changes, not the score: 11 of 12 months, 3 of 4 quarters, 1 of 2 halves, 1 of 2 meetings
        assertThat(evening.total()).isEqualByComparingTo("25.00");
        assertThat(night.total()).isEqualByComparingTo("25.00");
    }

    @Test
    void theNewYearHasNothingDueUntilItsFirstMinuteAndThenOnlyItsFirstMonthAndQuarterAreDueThisQuarter() {
        IndicatorDefinition[] all = {yearly(), halves(), quarterly(), monthly()};

        Evaluation evening = evaluate(2027, today("2026-12-31T15:59:00Z"), all);
        assertThat(evening.indicators()).allSatisfy(r -> {
            assertThat(r.periods()).isEmpty();
            assertThat(r.status()).isEqualTo(Status.PENDING);
        });
        assertThat(evening.due()).isEmpty();
        assertThat(ledger.queries).isEmpty();

        LocalDate night = today("2026-12-31T16:01:00Z");
        Evaluation first = evaluate(2027, night, all);
        assertThat(first.indicators()).extracting(r -> statuses(r)).containsOnly(List.of(Status.PENDING));
        assertThat(first.warnings()).isEmpty();
        assertThat(first.due()).extracting(Obligation::indicatorCode, Obligation::periodLabel, Obligation::due)
                .containsExactly(tuple("LL-01", "1月", date(2027, 1, 31)), tuple("LL-02", "第一季度", date(2027, 3, 31)),
                        tuple("ZZ-02", "上半年", date(2027, 6, 30)), tuple("ZZ-01", "全年", date(2027, 12, 31)));
        // the panel's "this month and quarter": up to 31 March
        assertThat(EvaluationController.dueThisQuarter(List.of(first), night)).extracting(Obligation::indicatorCode)
                .containsExactly("LL-01", "LL-02");
    }

    @Test
    void anUnscoredManualIndicatorStaysPendingAfterTheYearForScoringIsTheCountysStep() {
        IndicatorDefinition manual = new IndicatorDefinition("WH-02", "文明村镇创建", "文化与文明创建", BigDecimal.valueOf(5),
                null, PeriodMode.YEAR, ScoringMode.ALL_OR_NOTHING, List.of(), null, true, null);
        Evaluation evening = evaluate(2026, today("2026-12-31T15:59:00Z"), manual);
        assertThat(evening.indicators().get(0).status()).isEqualTo(Status.PENDING);
        assertThat(evening.warnings()).isEmpty();

        Evaluation night = evaluate(2026, today("2026-12-31T16:01:00Z"), manual);
        assertThat(night.indicators().get(0).status()).isEqualTo(Status.PENDING);
        assertThat(night.indicators().get(0).score()).isEqualByComparingTo("0");
        assertThat(night.warnings()).isEmpty();
    }

    @Test
    void februaryOfALeapYearTurnsRedOnlyAfterItsTwentyNinthDay() {
        centralGroupStudy(2028, 1);

        LocalDate leapDay = today("2028-02-29T15:59:00Z");
        Evaluation evening = evaluate(2028, leapDay, monthly(), quarterly(), yearly());
        assertThat(statuses(evening.indicators().get(0))).containsExactly(Status.MET, Status.WARNING);
        // the first quarter of 2028 has 91 days; 59 have passed on 29 February, below two thirds
        assertThat(statuses(evening.indicators().get(1))).containsExactly(Status.PENDING);
        assertThat(evening.warnings()).extracting(Obligation::periodLabel, Obligation::due, Obligation::status)
                .containsExactly(tuple("2月", date(2028, 2, 29), Status.WARNING));
        assertThat(evening.due()).extracting(Obligation::indicatorCode, Obligation::due).containsExactly(
                tuple("LL-01", date(2028, 2, 29)), tuple("LL-02", date(2028, 3, 31)), tuple("ZZ-01", date(2028, 12, 31)));
        assertThat(EvaluationController.dueThisQuarter(List.of(evening), leapDay)).extracting(Obligation::due)
                .containsExactly(date(2028, 2, 29), date(2028, 3, 31));

        Evaluation march = evaluate(2028, today("2028-02-29T16:01:00Z"), monthly());
        assertThat(statuses(march.indicators().get(0))).containsExactly(Status.MET, Status.FAILED, Status.PENDING);
        assertThat(march.warnings()).extracting(Obligation::periodLabel, Obligation::status)
                .containsExactly(tuple("2月", Status.FAILED));
        assertThat(march.due()).extracting(Obligation::periodLabel, Obligation::due)
                .containsExactly(tuple("3月", date(2028, 3, 31)));
    }

    @Test
    void aRecordOfTheTwentyNinthOfFebruaryCountsInFebruary() {
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", date(2028, 2, 29));
        Evaluation march = evaluate(2028, today("2028-02-29T16:01:00Z"), monthly());
        assertThat(statuses(march.indicators().get(0))).containsExactly(Status.FAILED, Status.MET, Status.PENDING);
        assertThat(ledger.queries).extracting(RecordQuery::from, RecordQuery::to)
                .contains(tuple(date(2028, 2, 1), date(2028, 2, 29)));
    }

    @Test
    void theLeapDayMakesFebruaryTurnYellowADayLater() {
        // two thirds of 29 days is 19⅓: on 20 February 19 days have passed, on 21 February 20;
        // of 28 days it is 18⅔, so in 2027 February is yellow from the 20th
        assertThat(statuses(evaluate(2028, today("2028-02-20T15:59:00Z"), monthly()).indicators().get(0)))
                .containsExactly(Status.FAILED, Status.PENDING);
        assertThat(statuses(evaluate(2028, today("2028-02-20T16:01:00Z"), monthly()).indicators().get(0)))
                .containsExactly(Status.FAILED, Status.WARNING);
        assertThat(statuses(evaluate(2027, today("2027-02-19T15:59:00Z"), monthly()).indicators().get(0)))
                .containsExactly(Status.FAILED, Status.PENDING);
        assertThat(statuses(evaluate(2027, today("2027-02-19T16:01:00Z"), monthly()).indicators().get(0)))
                .containsExactly(Status.FAILED, Status.WARNING);
    }

    @Test
    void atMidnightAfterTheThirtiethOfJuneTheSecondQuarterAndFirstHalfTurnRedAndJulyAndTheThirdQuarterAreDue() {
        centralGroupStudy(2026, 1, 2, 3, 4, 5);
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", date(2026, 2, 1));
        IndicatorDefinition[] all = {monthly(), quarterly(), halves()};

        LocalDate lastOfJune = today("2026-06-30T15:59:00Z");
        Evaluation evening = evaluate(2026, lastOfJune, all);
        assertThat(statuses(evening.indicators().get(1))).containsExactly(Status.MET, Status.WARNING);
        assertThat(statuses(evening.indicators().get(2))).containsExactly(Status.WARNING);
        assertThat(evening.warnings()).extracting(Obligation::periodLabel).containsExactly("6月", "第二季度", "上半年");
        assertThat(evening.warnings()).extracting(Obligation::status).containsOnly(Status.WARNING);
        assertThat(EvaluationController.dueThisQuarter(List.of(evening), lastOfJune))
                .extracting(Obligation::indicatorCode, Obligation::due).containsExactly(
                        tuple("LL-01", date(2026, 6, 30)), tuple("LL-02", date(2026, 6, 30)), tuple("ZZ-02", date(2026, 6, 30)));

        LocalDate firstOfJuly = today("2026-06-30T16:01:00Z");
        Evaluation night = evaluate(2026, firstOfJuly, all);
        assertThat(statuses(night.indicators().get(0))).containsExactly(Status.MET, Status.MET, Status.MET, Status.MET,
                Status.MET, Status.FAILED, Status.PENDING);
        assertThat(statuses(night.indicators().get(1))).containsExactly(Status.MET, Status.FAILED, Status.PENDING);
        assertThat(statuses(night.indicators().get(2))).containsExactly(Status.FAILED, Status.PENDING);
        assertThat(night.warnings()).extracting(Obligation::periodLabel).containsExactly("6月", "第二季度", "上半年");
        assertThat(night.warnings()).extracting(Obligation::status).containsOnly(Status.FAILED);
        assertThat(night.due()).extracting(Obligation::periodLabel, Obligation::due).containsExactly(
                tuple("7月", date(2026, 7, 31)), tuple("第三季度", date(2026, 9, 30)), tuple("下半年", date(2026, 12, 31)));
        // the second half ends after the third quarter: not yet due this quarter
        assertThat(EvaluationController.dueThisQuarter(List.of(night), firstOfJuly)).extracting(Obligation::periodLabel)
                .containsExactly("7月", "第三季度");
    }

    @Test
    void atMidnightAfterTheThirtiethOfSeptemberTheThirdQuarterTurnsRedAndTheSecondHalfAndTheYearBecomeDueThisQuarter() {
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", date(2026, 2, 1));
        ledger.record(TOWNSHIP, LedgerKind.STUDY_SESSION, "SEMINAR", date(2026, 5, 1));
        ledger.record(TOWNSHIP, LedgerKind.MEETING, "ANALYSIS", date(2026, 3, 1));
        IndicatorDefinition[] all = {quarterly(), halves(), yearly()};

        LocalDate lastOfSeptember = today("2026-09-30T15:59:00Z");
        Evaluation evening = evaluate(2026, lastOfSeptember, all);
        assertThat(statuses(evening.indicators().get(0))).containsExactly(Status.MET, Status.MET, Status.WARNING);
        // 91 of the second half's 184 days have passed: not yet two thirds; 272 of the year's 365 have
        assertThat(statuses(evening.indicators().get(1))).containsExactly(Status.MET, Status.PENDING);
        assertThat(statuses(evening.indicators().get(2))).containsExactly(Status.WARNING);
        assertThat(evening.due()).extracting(Obligation::indicatorCode, Obligation::due).containsExactly(
                tuple("LL-02", date(2026, 9, 30)), tuple("ZZ-01", date(2026, 12, 31)), tuple("ZZ-02", date(2026, 12, 31)));
        assertThat(EvaluationController.dueThisQuarter(List.of(evening), lastOfSeptember))
                .extracting(Obligation::indicatorCode).containsExactly("LL-02");

        LocalDate firstOfOctober = today("2026-09-30T16:01:00Z");
        Evaluation night = evaluate(2026, firstOfOctober, all);
        assertThat(statuses(night.indicators().get(0)))
                .containsExactly(Status.MET, Status.MET, Status.FAILED, Status.PENDING);
        assertThat(night.warnings()).extracting(Obligation::indicatorCode, Obligation::periodLabel, Obligation::status)
                .containsExactly(tuple("LL-02", "第三季度", Status.FAILED), tuple("ZZ-01", "全年", Status.WARNING));
        assertThat(EvaluationController.dueThisQuarter(List.of(night), firstOfOctober))
                .extracting(Obligation::indicatorCode, Obligation::periodLabel, Obligation::due).containsExactly(
                        tuple("LL-02", "第四季度", date(2026, 12, 31)), tuple("ZZ-01", "全年", date(2026, 12, 31)),
                        tuple("ZZ-02", "下半年", date(2026, 12, 31)));
    }
}
