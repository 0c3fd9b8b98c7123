package org.luoshi.inspection;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock (a bean, so that tests fix time) and the daily overdue check. */
@Configuration
@EnableScheduling
class InspectionConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(OverdueRule.ZONE);
    }
}
