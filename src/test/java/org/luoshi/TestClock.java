package org.luoshi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.luoshi.time.Times;

/**
 * The tests' view of the business clock, for fixtures built before the application context (static
 * dates). Made the way the application makes its clock, from the same settings: {@code luoshi.zone}
 * and {@code luoshi.clock.fixed} as system properties, as the build passes them. {@code
 * TimeSettingsTest} checks that both clocks agree.
 */
public final class TestClock {

    public static final Clock CLOCK = Times.clock(System.getProperty("luoshi.zone", "Asia/Shanghai"),
            System.getProperty("luoshi.clock.fixed", ""));

    private TestClock() {
    }

    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    public static ZoneId zone() {
        return CLOCK.getZone();
    }
}
