package org.luoshi.inspection;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.Errors;

/**
 * When a rectification is overdue. A deadline is a date in China: the task is overdue from 00:00
 * in the business zone (Beijing) of the next day, whatever the server's zone; it is "near" within
 * {@code luoshi.inspection.near-days} days (default 7) before the deadline.
 */
@Component
class OverdueRule {

    private final Clock clock;
    private final int nearDays;

    OverdueRule(Clock clock, @Value("${luoshi.inspection.near-days:7}") int nearDays) {
        this.clock = clock;
        this.nearDays = nearDays;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A deadline a user sets, or moves, may not lie before today: the task would be overdue the moment
     * it is saved. An unchanged deadline ({@code current}) stays acceptable once it has passed.
     */
    void checkDeadline(LocalDate deadline, LocalDate current, Errors errors) {
        if (deadline != null && !deadline.equals(current) && deadline.isBefore(today())) {
            errors.rejectValue("deadline", "inspection.deadline.past", new Object[] {today().toString()}, null);
        }
    }

    /** The same check for a JSON body: refused as a 400 with the field error, like a bean validation failure. */
    void requireDeadline(Object form, LocalDate deadline, LocalDate current) throws BindException {
        BindException errors = new BindException(form, "form");
        checkDeadline(deadline, current, errors);
        if (errors.hasErrors()) {
            throw errors;
        }
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
