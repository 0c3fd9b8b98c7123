package org.luoshi.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's clock is in the business zone, and the tests' static clock agrees with it. */
@LuoshiTest
class TimeSettingsTest {

    @Autowired
    Clock clock;
    @Autowired
    Times times;

    @Test
    void theApplicationClockIsInBeijingTimeAndAgreesWithTheTests() {
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(times.zone()).isEqualTo(clock.getZone());
        assertThat(Duration.between(TestClock.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
        String fixed = System.getProperty("luoshi.clock.fixed", "");
        if (!fixed.isBlank()) {
            assertThat(times.today()).isEqualTo(java.time.OffsetDateTime.parse(fixed).atZoneSameInstant(clock.getZone())
                    .toLocalDate());
        }
    }
}
