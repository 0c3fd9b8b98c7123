package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Overdue is decided by the date in Asia/Shanghai (the business clock's zone), whatever zone the server runs in. */
class OverdueRuleTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

    static OverdueRule at(String instant) {
        // The application's clock is in the business zone (TimeSettingsTest); the instants below are UTC.
        return new OverdueRule(Clock.fixed(Instant.parse(instant), BEIJING), 7);
    }

    @Test
    void lastSecondOfTheDeadlineInShanghaiIsNotOverdue() {
        // 2026-03-31T15:59:59Z is 23:59:59 on 31 March in Shanghai.
        assertThat(at("2026-03-31T15:59:59Z").urgency(RectificationState.IN_PROGRESS, DEADLINE)).isEqualTo(Urgency.NEAR);
    }

    @Test
    void midnightAfterTheDeadlineInShanghaiIsOverdueAlthoughItIsStillTheDeadlineInUtc() {
        // 2026-03-31T16:00:00Z is 00:00 on 1 April in Shanghai, still 31 March in UTC.
        assertThat(at("2026-03-31T16:00:00Z").urgency(RectificationState.IN_PROGRESS, DEADLINE)).isEqualTo(Urgency.OVERDUE);
        assertThat(at("2026-03-31T16:00:00Z").today()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void nearStartsSevenDaysBeforeTheDeadline() {
        // 24 March 00:00 Shanghai = 23 March 16:00 UTC.
        assertThat(at("2026-03-23T15:59:59Z").urgency(RectificationState.OPEN, DEADLINE)).isEqualTo(Urgency.NONE);
        assertThat(at("2026-03-23T16:00:00Z").urgency(RectificationState.OPEN, DEADLINE)).isEqualTo(Urgency.NEAR);
    }

    @Test
    void aSubmittedTaskStillCountsAsOverdueButAPassedOneIsDone() {
        OverdueRule late = at("2026-05-01T04:00:00Z");
        assertThat(late.urgency(RectificationState.SUBMITTED, DEADLINE)).isEqualTo(Urgency.OVERDUE);
        assertThat(late.urgency(RectificationState.PASSED, DEADLINE)).isEqualTo(Urgency.DONE);
    }

    @Test
    void nearDaysAreConfigurable() {
        OverdueRule rule = new OverdueRule(Clock.fixed(Instant.parse("2026-03-20T04:00:00Z"), BEIJING), 14);
        assertThat(rule.urgency(RectificationState.OPEN, DEADLINE)).isEqualTo(Urgency.NEAR);
    }
}
