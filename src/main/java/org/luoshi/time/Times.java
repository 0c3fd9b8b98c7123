package org.luoshi.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/**
 * Times as users read them: instants shown in the business zone (pages use it as {@code @times}),
 * and the year a user most likely means. Formatting an {@link Instant} anywhere else would use the
 * JVM's zone, which on a server is usually UTC, eight hours behind Beijing.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    /**
     * The business clock: the system clock in {@code zone}, or, when {@code fixed} is set (an ISO
     * date-time with offset such as {@code 2027-01-02T07:30:00+08:00}), a clock that starts at that
     * instant and runs on from there. A test or a demonstration thus sees the same day whenever it
     * runs, while times within it still move forward (records keep their order, locks expire).
     */
    public static Clock clock(String zone, String fixed) {
        ZoneId businessZone = ZoneId.of(zone);
        Clock system = Clock.system(businessZone);
        if (fixed == null || fixed.isBlank()) {
            return system;
        }
        try {
            Instant start = OffsetDateTime.parse(fixed.strip()).toInstant();
            return Clock.offset(system, Duration.between(system.instant(), start));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("luoshi.clock.fixed 须为带时区偏移的日期时间，如 2027-01-02T07:30:00+08:00：" + fixed, e);
        }
    }

    Times(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The business date of an instant: 2026-03-31T16:30Z is already 1 April in Beijing. */
    public LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone());
    }

    /** The first instant of a business date. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone()));
    }

    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone()));
    }

    public String second(Instant instant) {
        return instant == null ? "" : SECOND.format(instant.atZone(zone()));
    }

    /** The year a new report, evaluation or indicator set is most likely about: see {@link #likelyYear(LocalDate)}. */
    public int likelyYear() {
        return likelyYear(today());
    }

    /**
     * In January and February people write up and assess the year just ended (annual reports are
     * due then); from March on they work on the current year.
     */
    public static int likelyYear(LocalDate today) {
        return today.getMonth().compareTo(Month.MARCH) < 0 ? today.getYear() - 1 : today.getYear();
    }
}
