package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * 补录 at its threshold: with the default of 30 days a record is on time until the end of the 30th
 * day after it happened and late from 00:00 of the 31st, both in Beijing. The instants are written
 * in UTC: 15:59Z is 23:59 in Beijing and 16:01Z already 00:01 of the next day, on the same UTC date.
 */
class LateEntryRuleTest {

    static final LateEntryRule RULE = new LateEntryRule(30, ZoneId.of("Asia/Shanghai"));

    static boolean late(LocalDate occurredOn, String recordedAt) {
        return RULE.isLate(occurredOn, Instant.parse(recordedAt));
    }

    @Test
    void aRecordOfTheFirstOfDecemberIsOnTimeUntilNewYearsEveAndLateOneMinuteAfterMidnightInBeijing() {
        // 1 December + 30 days = 31 December, the threshold day
        LocalDate firstOfDecember = LocalDate.of(2026, 12, 1);
        assertThat(late(firstOfDecember, "2026-12-31T15:59:00Z")).isFalse();
        assertThat(late(firstOfDecember, "2026-12-31T16:01:00Z")).isTrue();
    }

    @Test
    void aRecordOfNewYearsEveIsCountedIntoTheNewYear() {
        // 31 December + 30 days = 30 January
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        assertThat(late(newYearsEve, "2027-01-30T15:59:00Z")).isFalse();
        assertThat(late(newYearsEve, "2027-01-30T16:01:00Z")).isTrue();
    }

    @Test
    void theLeapDayIsOneOfTheThirtyDays() {
        // 30 January + 30 days is 29 February in 2028, but 1 March in 2027
        assertThat(late(LocalDate.of(2028, 1, 30), "2028-02-29T15:59:00Z")).isFalse();
        assertThat(late(LocalDate.of(2028, 1, 30), "2028-02-29T16:01:00Z")).isTrue();
        assertThat(late(LocalDate.of(2027, 1, 30), "2027-02-28T16:01:00Z")).as("00:01 on 1 March 2027").isFalse();
        assertThat(late(LocalDate.of(2027, 1, 30), "2027-03-01T16:01:00Z")).as("00:01 on 2 March 2027").isTrue();
    }

    @Test
    void aRecordOfTheTwentyNinthOfFebruaryIsLateFromTheThirtyFirstOfMarch() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        assertThat(late(leapDay, "2028-03-30T15:59:00Z")).isFalse();
        assertThat(late(leapDay, "2028-03-30T16:01:00Z")).isTrue();
    }

    @Test
    void aRecordMadeBeforeTheDayItDescribesIsNotLate() {
        // a planned meeting entered in advance: the days between are negative
        assertThat(late(LocalDate.of(2027, 1, 1), "2026-12-31T15:59:00Z")).isFalse();
    }

    @Test
    void theThresholdIsConfigurable() {
        LateEntryRule sameDay = new LateEntryRule(0, ZoneId.of("Asia/Shanghai"));
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        assertThat(sameDay.isLate(newYearsEve, Instant.parse("2026-12-31T15:59:00Z"))).isFalse();
        assertThat(sameDay.isLate(newYearsEve, Instant.parse("2026-12-31T16:01:00Z"))).isTrue();
    }
}
