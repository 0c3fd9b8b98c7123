package org.luoshi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.inspection.Notifications;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily reminder job, run by a clock set day by day (no sleeping): a township that has not answered is
 * reminded from three days before the deadline, once a day at most, and after it; not once it has
 * answered, and not weeks before or long after the deadline.
 */
@LuoshiTest
class RequestRemindersTest {

    @Autowired RequestReminders reminders;
    @Autowired RequestService requests;
    @Autowired ReportingTaskRepository tasks;
    @Autowired TaskAnswerRepository answers;
    @Autowired OrgUnitService units;
    @Autowired Notifications notifications;

    static final LocalDate TODAY = TestClock.today();

    OrgUnit township() {
        return units.create(units.systemScope("test"), new OrgUnitCommand(units.root().orElseThrow().getId(),
                OrgUnitKind.TOWNSHIP, "提醒" + UUID.randomUUID().toString().substring(0, 6) + "镇", null, 10_000, 99));
    }

    TaskAnswer ask(OrgUnit township, LocalDate deadline) {
        ReportingTask task = tasks.saveAndFlush(new ReportingTask(units.root().orElseThrow().getId(), "提醒测试", null,
                TODAY.withDayOfYear(1), TODAY, List.of(Measure.VENUE_CHECKS), deadline, "county", TestClock.now()));
        return answers.saveAndFlush(new TaskAnswer(task.getId(), township.getId()));
    }

    /** The business clock moved by whole days. */
    static Clock day(int plus) {
        return Clock.offset(TestClock.CLOCK, Duration.ofDays(plus));
    }

    long unread(OrgUnit t) {
        return notifications.unread(t.getId(), RequestService.OFFICERS);
    }

    @Test
    void remindsBeforeAndAfterTheDeadlineOnceADay() {
        OrgUnit due = township();
        OrgUnit answered = township();
        ask(due, TODAY.plusDays(5));
        TaskAnswer done = ask(answered, TODAY.plusDays(5));
        done.submit(List.of(), List.of(), null, "officer", TestClock.now());
        answers.saveAndFlush(done);

        reminders.remindAll(day(0));
        assertThat(unread(due)).as("five days before: not yet").isZero();
        reminders.remindAll(day(2));
        assertThat(unread(due)).as("three days before").isEqualTo(1);
        reminders.remindAll(day(2));
        assertThat(unread(due)).as("once a day at most").isEqualTo(1);
        reminders.remindAll(day(3));
        assertThat(unread(due)).as("the next day").isEqualTo(2);
        reminders.remindAll(day(6));
        assertThat(unread(due)).as("overdue").isEqualTo(3);
        reminders.remindAll(day(5 + 15));
        assertThat(unread(due)).as("long after the deadline the county follows up itself").isEqualTo(3);
        assertThat(unread(answered)).as("an answered township is not reminded").isZero();
    }
}
