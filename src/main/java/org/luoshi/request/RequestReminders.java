package org.luoshi.request;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, reminds the townships that have not answered a request: in the days before its deadline
 * ("将截止") and for a while after it ("已逾期"), through the same reminder as the county's button, so a
 * township hears of a request at most once a day whoever reminded it.
 */
@Component
class RequestReminders {

    private final ReportingTaskRepository tasks;
    private final RequestService requests;
    private final Clock clock;
    private final int daysBefore;
    private final int daysAfter;

    RequestReminders(ReportingTaskRepository tasks, RequestService requests, Clock clock,
            @Value("${luoshi.request.remind-days-before:3}") int daysBefore,
            @Value("${luoshi.request.remind-days-after:14}") int daysAfter) {
        this.tasks = tasks;
        this.requests = requests;
        this.clock = clock;
        this.daysBefore = daysBefore;
        this.daysAfter = daysAfter;
    }

    @Scheduled(cron = "${luoshi.request.reminder-cron:0 30 8 * * *}", zone = "${luoshi.zone}")
    @SchedulerLock(name = "request-reminders", lockAtLeastFor = "${luoshi.jobs.lock-at-least}")
    @Transactional
    public void run() {
        remindAll(this.clock);
    }

    /**
     * Reminds for every request due within {@code daysBefore} days of the clock's day or overdue by at most
     * {@code daysAfter} days (after that the county follows up itself; reminders forever would be noise).
     *
     * @return how many townships were reminded
     */
    @Transactional
    public int remindAll(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        int reminded = 0;
        for (ReportingTask task : tasks.findByDeadlineBetween(today.minusDays(daysAfter), today.plusDays(daysBefore))) {
            reminded += requests.remind(task, clock);
        }
        return reminded;
    }
}
