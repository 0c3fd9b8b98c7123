package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.luoshi.inspection.SystemFindings.YearAsOf;

/**
 * Which years the daily run of system findings evaluates, and on which date, around the year's end
 * (taken from a fixed business clock at 23:59 and 00:01 Beijing time). The year just ended is
 * evaluated on the run's own date: on its 31 December its last month, quarter, half and the year
 * itself are still running, and only from 1 January can an unmet one be red and become a finding.
 */
class SystemFindingsYearEndTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static LocalDate today(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), BEIJING));
    }

    @Test
    void onNewYearsEveOnlyTheRunningYearIsEvaluated() {
        LocalDate evening = today("2026-12-31T15:59:00Z");
        assertThat(SystemFindings.evaluated(evening)).containsExactly(new YearAsOf(2026, LocalDate.of(2026, 12, 31)));
    }

    @Test
    void fromMidnightOnNewYearsEveTheYearJustEndedIsEvaluatedAfterItsEndNotOnItsLastDay() {
        LocalDate night = today("2026-12-31T16:01:00Z");
        assertThat(SystemFindings.evaluated(night)).containsExactly(
                new YearAsOf(2027, LocalDate.of(2027, 1, 1)), new YearAsOf(2026, LocalDate.of(2027, 1, 1)));
    }

    @Test
    void theYearJustEndedIsLookedAtThroughJanuaryOnly() {
        assertThat(SystemFindings.evaluated(today("2027-01-31T15:59:00Z"))).containsExactly(
                new YearAsOf(2027, LocalDate.of(2027, 1, 31)), new YearAsOf(2026, LocalDate.of(2027, 1, 31)));
        assertThat(SystemFindings.evaluated(today("2027-01-31T16:01:00Z")))
                .containsExactly(new YearAsOf(2027, LocalDate.of(2027, 2, 1)));
        // the leap day is an ordinary day of the running year
        assertThat(SystemFindings.evaluated(today("2028-02-29T15:59:00Z")))
                .containsExactly(new YearAsOf(2028, LocalDate.of(2028, 2, 29)));
    }
}
