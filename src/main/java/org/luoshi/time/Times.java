package org.luoshi.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
