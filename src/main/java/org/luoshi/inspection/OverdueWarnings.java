package org.luoshi.inspection;

import java.util.EnumSet;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, warns the owner's unit and the responsible leader of tasks whose
 * deadline is near (yellow) or has passed (red). Each level is sent once per task; moving the
 * deadline re-arms the warnings.
 */
@Component
class OverdueWarnings {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OverdueWarnings.class);

    private final FindingRepository findings;
    private final FindingService service;
    private final OverdueRule rule;

    OverdueWarnings(FindingRepository findings, FindingService service, OverdueRule rule) {
        this.findings = findings;
        this.service = service;
        this.rule = rule;
    }

    @Scheduled(cron = "${luoshi.inspection.warning-cron:0 10 0 * * *}", zone = "${luoshi.zone}")
    @SchedulerLock(name = "overdue-warnings", lockAtLeastFor = "${luoshi.jobs.lock-at-least}")
    @Transactional
    public void run() {
        // One line per run: with several instances, the logs show which one ran it (bench/two-instances.sh counts them).
        log.info("Overdue warnings: {} tasks warned", warn(rule));
    }

    /** Sends the warnings as seen by {@code rule} (whose clock tests may fix); returns how many tasks were warned. */
    @Transactional
    public int warn(OverdueRule rule) {
        List<Finding> due = findings.findByStateInAndDeadlineLessThanEqual(
                EnumSet.of(RectificationState.OPEN, RectificationState.IN_PROGRESS, RectificationState.SUBMITTED),
                rule.nearUntil());
        int warned = 0;
        for (Finding f : due) {
            Urgency urgency = rule.urgency(f);
            String level = urgency == Urgency.OVERDUE ? "RED" : urgency == Urgency.NEAR ? "YELLOW" : "NONE";
            if (level.equals("NONE") || level.equals(f.getWarnedLevel())
                    || (level.equals("YELLOW") && f.getWarnedLevel().equals("RED"))) {
                continue;
            }
            // A task awaiting re-check is not the owner's to hurry; it is still counted as overdue.
            if (f.getState() == RectificationState.SUBMITTED) {
                continue;
            }
            service.notifyOwner(f, urgency == Urgency.OVERDUE ? "inspection.notify.overdue" : "inspection.notify.near",
                    f.getTitle(), f.getDeadline());
            f.warned(urgency);
            findings.save(f);
            warned++;
        }
        return warned;
    }
}
