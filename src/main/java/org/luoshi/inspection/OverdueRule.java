package org.luoshi.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a rectification is overdue. A deadline is a date in China: the task is overdue from 00:00
 * Asia/Shanghai of the next day, whatever the server's zone; it is "near" within
 * {@code luoshi.inspection.near-days} days (default 7) before the deadline.
 */
@Component
class OverdueRule {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final int nearDays;

    OverdueRule(Clock clock, @Value("${luoshi.inspection.near-days:7}") int nearDays) {
        this.clock = clock;
        this.nearDays = nearDays;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The last deadline that counts as near today. */
    LocalDate nearUntil() {
        return today().plusDays(nearDays);
    }

    int nearDays() {
        return nearDays;
    }

    Urgency urgency(RectificationState state, LocalDate deadline) {
        if (state == RectificationState.PASSED) {
            return Urgency.DONE;
        }
        LocalDate today = today();
        if (today.isAfter(deadline)) {
            return Urgency.OVERDUE;
        }
        return today.isBefore(deadline.minusDays(nearDays)) ? Urgency.NONE : Urgency.NEAR;
    }

    Urgency urgency(Finding finding) {
        return urgency(finding.getState(), finding.getDeadline());
    }
}
