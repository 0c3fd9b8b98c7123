package org.luoshi.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The business clock and the times users read, at the edges where UTC and Beijing disagree. */
class TimesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static Times at(String instant) {
        return new Times(Clock.fixed(Instant.parse(instant), BEIJING));
    }

    @Test
    void todayIsTheBeijingDateWhateverTheJvmZone() {
        // 07:30 on 2 January in Beijing is still 1 January in UTC
        Times early = at("2027-01-01T23:30:00Z");
        assertThat(early.today()).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(early.minute(early.now())).isEqualTo("2027-01-02 07:30");
        assertThat(early.day(early.now())).isEqualTo("2027-01-02");
        assertThat(early.second(Instant.parse("2026-12-31T16:00:59Z"))).isEqualTo("2027-01-01 00:00:59");
        // 23:59 and 00:01 around midnight in Beijing
        assertThat(at("2026-12-31T15:59:00Z").today()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(at("2026-12-31T16:01:00Z").today()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(early.startOf(LocalDate.of(2027, 1, 2))).isEqualTo(Instant.parse("2027-01-01T16:00:00Z"));
        assertThat(early.minute(null)).isEmpty();
        assertThat(early.date(null)).isNull();
    }

    @Test
    void theLikelyYearIsTheYearJustEndedInJanuaryAndFebruary() {
        assertThat(Times.likelyYear(LocalDate.of(2027, 1, 1))).isEqualTo(2026);
        assertThat(Times.likelyYear(LocalDate.of(2028, 2, 29))).isEqualTo(2027);
        assertThat(Times.likelyYear(LocalDate.of(2027, 3, 1))).isEqualTo(2027);
        assertThat(Times.likelyYear(LocalDate.of(2026, 12, 31))).isEqualTo(2026);
        assertThat(at("2027-02-28T16:30:00Z").likelyYear()).as("00:30 on 1 March in Beijing").isEqualTo(2027);
        assertThat(at("2027-02-28T15:30:00Z").likelyYear()).as("23:30 on 28 February in Beijing").isEqualTo(2026);
    }

    @Test
    void aPinnedClockStartsAtTheGivenInstantAndRunsOn() throws InterruptedException {
        Clock pinned = Times.clock("Asia/Shanghai", "2027-01-02T07:30:00+08:00");
        assertThat(pinned.getZone()).isEqualTo(BEIJING);
        Instant first = pinned.instant();
        assertThat(first).isBetween(Instant.parse("2027-01-01T23:29:59Z"), Instant.parse("2027-01-01T23:31:00Z"));
        Thread.sleep(5);
        assertThat(pinned.instant()).isAfter(first);
        assertThat(LocalDate.now(pinned)).isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void withoutAPinTheClockIsTheSystemClockInTheBusinessZone() {
        Clock clock = Times.clock("Asia/Shanghai", " ");
        assertThat(clock.getZone()).isEqualTo(BEIJING);
        assertThat(Math.abs(clock.millis() - Clock.systemUTC().millis())).isLessThan(5_000);
    }

    @Test
    void aMalformedPinIsRefusedWithAChineseMessage() {
        assertThatThrownBy(() -> Times.clock("Asia/Shanghai", "2027-01-02 07:30")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("luoshi.clock.fixed 须为带时区偏移的日期时间");
    }
}
