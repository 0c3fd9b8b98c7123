package org.luoshi.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link java.time.Clock} bean of the application: see {@link Times#clock(String, String)}. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    java.time.Clock clock(@Value("${luoshi.zone}") String zone, @Value("${luoshi.clock.fixed:}") String fixed) {
        return Times.clock(zone, fixed);
    }
}
