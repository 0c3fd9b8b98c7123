package org.luoshi.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Clock} bean: the system clock in the business zone, or a clock pinned to one instant
 * when {@code luoshi.clock.fixed} is set (an ISO date-time with offset, e.g.
 * {@code 2027-01-02T07:30:00+08:00}), so that a test or a demo sees the same day whenever it runs.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(@Value("${luoshi.zone}") String zone, @Value("${luoshi.clock.fixed:}") String fixed) {
        ZoneId businessZone = ZoneId.of(zone);
        if (fixed == null || fixed.isBlank()) {
            return Clock.system(businessZone);
        }
        try {
            return Clock.fixed(OffsetDateTime.parse(fixed.strip()).toInstant(), businessZone);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("luoshi.clock.fixed 须为带时区偏移的日期时间，如 2027-01-02T07:30:00+08:00：" + fixed, e);
        }
    }
}
