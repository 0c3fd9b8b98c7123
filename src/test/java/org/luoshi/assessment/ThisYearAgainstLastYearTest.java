package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.time.Times;

/**
 * This year against last year at the year's edges: which year the county dashboard and the charts
 * take as "this year" when none is asked for ({@link Times#likelyYear(LocalDate)}), on which date that
 * year is evaluated ({@link EvaluationService#asOf(int, LocalDate)}; a year that is over is taken on
 * the first day after it, when all its periods have closed), and which months of this year's chart line have no figure yet
 * ({@link ChartController#soFar(long[], int, LocalDate)}). Dates come from a fixed business clock at
 * 23:59 and 00:01 Beijing time.
 */
class ThisYearAgainstLastYearTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Records per month, January to December, each month's figure its own number so that it can be told apart. */
    static final long[] COUNTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    static LocalDate today(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), BEIJING));
    }

    static List<Long> months(Long... figures) {
        return Arrays.asList(figures);
    }

    @Test
    void onNewYearsEveAndNewYearsDayTheYearJustEndingIsComparedWithTheOneBeforeAsOfItsLastDay() {
        LocalDate evening = today("2026-12-31T15:59:00Z");
        LocalDate night = today("2026-12-31T16:01:00Z");
        assertThat(Times.likelyYear(evening)).isEqualTo(2026);
        assertThat(Times.likelyYear(night)).isEqualTo(2026);
        // on its last evening 2026 is still running; from midnight it is over and closed
        assertThat(EvaluationService.asOf(2026, evening)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(EvaluationService.asOf(2026, night)).isEqualTo(LocalDate.of(2027, 1, 1));
        // 2027, when asked for, is evaluated on its first day once it has begun
        assertThat(EvaluationService.asOf(2027, night)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(EvaluationService.asOf(2027, evening)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void onTheTwentyNinthOfFebruaryTheYearJustEndedIsStillThisYearAndFromTheFirstOfMarchTheNewOne() {
        LocalDate leapDay = today("2028-02-29T15:59:00Z");
        LocalDate march = today("2028-02-29T16:01:00Z");
        assertThat(Times.likelyYear(leapDay)).isEqualTo(2027);
        assertThat(EvaluationService.asOf(2027, leapDay)).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(Times.likelyYear(march)).isEqualTo(2028);
        assertThat(EvaluationService.asOf(2028, march)).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(EvaluationService.asOf(2028, leapDay)).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void theYearJustEndingShowsDecemberOnItsLastEveningAndEveryMonthAfterMidnight() {
        assertThat(ChartController.soFar(COUNTS, 2026, today("2026-12-31T15:59:00Z")))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(ChartController.soFar(COUNTS, 2026, today("2026-12-31T16:01:00Z")))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void theNewYearHasNoFigureBeforeMidnightAndOnlyJanuaryOneMinuteAfter() {
        assertThat(ChartController.soFar(COUNTS, 2027, today("2026-12-31T15:59:00Z")))
                .containsExactlyElementsOf(months(null, null, null, null, null, null, null, null, null, null, null, null));
        assertThat(ChartController.soFar(COUNTS, 2027, today("2026-12-31T16:01:00Z")))
                .containsExactlyElementsOf(months(1L, null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void marchJoinsTheLineOneMinuteAfterTheLeapDay() {
        assertThat(ChartController.soFar(COUNTS, 2028, today("2028-02-29T15:59:00Z")))
                .containsExactlyElementsOf(months(1L, 2L, null, null, null, null, null, null, null, null, null, null));
        assertThat(ChartController.soFar(COUNTS, 2028, today("2028-02-29T16:01:00Z")))
                .containsExactlyElementsOf(months(1L, 2L, 3L, null, null, null, null, null, null, null, null, null));
    }
}
