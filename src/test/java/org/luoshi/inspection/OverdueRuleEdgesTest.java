package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * Overdue and near rectifications at the edges of the calendar: a deadline of 31 December, the near
 * window across the year's end, deadlines on and just after 29 February of a leap year. The business
 * clock is in Beijing (as the application's is); the instants are written in UTC, 15:59Z being 23:59
 * and 16:01Z 00:01 of the next day in Beijing, both still on the same UTC date.
 */
class OverdueRuleEdgesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static OverdueRule at(String instant) {
        return new OverdueRule(Clock.fixed(Instant.parse(instant), BEIJING), 7);
    }

    static Urgency open(String instant, LocalDate deadline) {
        return at(instant).urgency(RectificationState.IN_PROGRESS, deadline);
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void aDeadlineOfNewYearsEveIsNearAtOneMinuteToMidnightAndOverdueOneMinuteAfter() {
        LocalDate newYearsEve = date(2026, 12, 31);
        assertThat(open("2026-12-31T15:59:00Z", newYearsEve)).isEqualTo(Urgency.NEAR);
        assertThat(open("2026-12-31T16:01:00Z", newYearsEve)).isEqualTo(Urgency.OVERDUE);
        assertThat(at("2026-12-31T16:01:00Z").today()).isEqualTo(date(2027, 1, 1));
        // handed in but not yet passed it still counts as overdue; passed it is done
        assertThat(at("2026-12-31T16:01:00Z").urgency(RectificationState.SUBMITTED, newYearsEve)).isEqualTo(Urgency.OVERDUE);
        assertThat(at("2026-12-31T16:01:00Z").urgency(RectificationState.PASSED, newYearsEve)).isEqualTo(Urgency.DONE);
    }

    @Test
    void theNearWindowOfAJanuaryDeadlineOpensInDecember() {
        // 3 January minus 7 days is 27 December
        LocalDate deadline = date(2027, 1, 3);
        assertThat(open("2026-12-26T15:59:00Z", deadline)).isEqualTo(Urgency.NONE);
        assertThat(open("2026-12-26T16:01:00Z", deadline)).isEqualTo(Urgency.NEAR);
        assertThat(open("2027-01-03T15:59:00Z", deadline)).isEqualTo(Urgency.NEAR);
        assertThat(open("2027-01-03T16:01:00Z", deadline)).isEqualTo(Urgency.OVERDUE);
    }

    @Test
    void theLastNearDeadlineMovesIntoTheNextWeekAtMidnightOnNewYearsEve() {
        OverdueRule evening = at("2026-12-31T15:59:00Z");
        OverdueRule night = at("2026-12-31T16:01:00Z");
        assertThat(evening.nearUntil()).isEqualTo(date(2027, 1, 7));
        assertThat(night.nearUntil()).isEqualTo(date(2027, 1, 8));
        // nearUntil and urgency agree: the lists that count near tasks by nearUntil show the same ones
        assertThat(evening.urgency(RectificationState.OPEN, date(2027, 1, 7))).isEqualTo(Urgency.NEAR);
        assertThat(evening.urgency(RectificationState.OPEN, date(2027, 1, 8))).isEqualTo(Urgency.NONE);
        assertThat(night.urgency(RectificationState.OPEN, date(2027, 1, 8))).isEqualTo(Urgency.NEAR);
    }

    @Test
    void aDeadlineOnTheTwentyNinthOfFebruaryIsOverdueFromTheFirstOfMarchInBeijing() {
        LocalDate leapDay = date(2028, 2, 29);
        assertThat(open("2028-02-21T15:59:00Z", leapDay)).isEqualTo(Urgency.NONE);
        assertThat(open("2028-02-21T16:01:00Z", leapDay)).isEqualTo(Urgency.NEAR);
        assertThat(open("2028-02-29T15:59:00Z", leapDay)).isEqualTo(Urgency.NEAR);
        assertThat(open("2028-02-29T16:01:00Z", leapDay)).isEqualTo(Urgency.OVERDUE);
        assertThat(at("2028-02-29T16:01:00Z").today()).isEqualTo(date(2028, 3, 1));
    }

    @Test
    void theNearWindowCountsTheLeapDay() {
        // seven days before 1 March is 23 February in a leap year, 22 February otherwise
        assertThat(open("2028-02-22T15:59:00Z", date(2028, 3, 1))).isEqualTo(Urgency.NONE);
        assertThat(open("2028-02-22T16:01:00Z", date(2028, 3, 1))).isEqualTo(Urgency.NEAR);
        assertThat(open("2027-02-21T15:59:00Z", date(2027, 3, 1))).isEqualTo(Urgency.NONE);
        assertThat(open("2027-02-21T16:01:00Z", date(2027, 3, 1))).isEqualTo(Urgency.NEAR);
    }

    @Test
    void aNewDeadlineOfNewYearsEveIsAcceptedUntilMidnightInBeijingAndAnUnchangedOneStaysAcceptable() {
        LocalDate newYearsEve = date(2026, 12, 31);
        assertThat(deadlineError("2026-12-31T15:59:00Z", newYearsEve, null)).isNull();
        FieldError refused = deadlineError("2026-12-31T16:01:00Z", newYearsEve, null);
        assertThat(refused).isNotNull();
        assertThat(refused.getCode()).isEqualTo("inspection.deadline.past");
        assertThat(refused.getArguments()).containsExactly("2027-01-01");
        assertThat(deadlineError("2026-12-31T16:01:00Z", newYearsEve, newYearsEve)).isNull();
    }

    @Test
    void aNewDeadlineOfTheTwentyNinthOfFebruaryIsRefusedFromTheFirstOfMarch() {
        LocalDate leapDay = date(2028, 2, 29);
        assertThat(deadlineError("2028-02-29T15:59:00Z", leapDay, null)).isNull();
        assertThat(deadlineError("2028-02-29T16:01:00Z", leapDay, date(2028, 3, 31)).getArguments())
                .containsExactly("2028-03-01");
    }

    /** The field error {@link OverdueRule#checkDeadline} gives a form at the instant; null when accepted. */
    static FieldError deadlineError(String instant, LocalDate deadline, LocalDate current) {
        Map<String, Object> form = new HashMap<>();
        form.put("deadline", deadline);
        MapBindingResult errors = new MapBindingResult(form, "form");
        at(instant).checkDeadline(deadline, current, errors);
        return errors.getFieldError("deadline");
    }
}
