package org.luoshi.inspection;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily overdue check and system findings run on a schedule (in the business zone). */
@Configuration
@EnableScheduling
class InspectionConfig {
}
