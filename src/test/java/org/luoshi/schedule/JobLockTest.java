package org.luoshi.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.lang.reflect.Method;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.LuoshiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job lock on the test database (H2, and PostgreSQL in the postgres run): two instances, each with its own
 * lock provider on the shared database, race for the same job and only one runs it; a lock whose holder died
 * without releasing it expires after its lockAtMostFor.
 */
@LuoshiTest
@ExtendWith(OutputCaptureExtension.class)
class JobLockTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoInstancesRacingForOneJobRunItOnce() throws Exception {
        String job = "race-" + UUID.randomUUID().toString().substring(0, 8);
        List<LockProvider> instances = List.of(JobScheduling.provider(dataSource, "instance-a"),
                JobScheduling.provider(dataSource, "instance-b"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                DefaultLockingTaskExecutor executor = new DefaultLockingTaskExecutor(instances.get(i % 2));
                all.add(pool.submit(() -> {
                    start.await();
                    // As a daily job is configured: held at least a minute, so a late trigger does not run it again.
                    executor.executeWithLock((Runnable) runs::incrementAndGet,
                            new LockConfiguration(Instant.now(), job, Duration.ofMinutes(10), Duration.ofMinutes(1)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : all) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).hasValue(1);
        assertThat(jdbc.queryForList("select locked_by from job_lock where name = ?", String.class, job))
                .singleElement().isIn("instance-a", "instance-b");
    }

    @Test
    void aLockLeftByACrashedInstanceExpiresAfterItsLongestHold() throws Exception {
        String job = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        LockProvider crashed = JobScheduling.provider(dataSource, "crashed");
        LockProvider survivor = JobScheduling.provider(dataSource, "survivor");
        Duration atMost = Duration.ofSeconds(2);

        // The first instance takes the lock and dies: it never releases it.
        Optional<SimpleLock> held = crashed.lock(new LockConfiguration(Instant.now(), job, atMost, Duration.ZERO));
        assertThat(held).isPresent();
        assertThat(survivor.lock(new LockConfiguration(Instant.now(), job, atMost, Duration.ZERO)))
                .as("while the crashed instance's lock is within its lockAtMostFor").isEmpty();

        Optional<SimpleLock> taken = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (taken.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            taken = survivor.lock(new LockConfiguration(Instant.now(), job, atMost, Duration.ZERO));
        }
        assertThat(taken).as("the lock expired and the other instance took it").isPresent();
        assertThat(jdbc.queryForObject("select locked_by from job_lock where name = ?", String.class, job)).isEqualTo("survivor");
        taken.get().unlock();
        // Released without a minimum hold: the next run may go at once, in either instance.
        assertThat(crashed.lock(new LockConfiguration(Instant.now(), job, atMost, Duration.ZERO))).isPresent();
    }

    @Test
    void aDailyJobIsSkippedWhileAnotherInstanceHoldsItsLock(CapturedOutput output) throws Exception {
        // Another instance holds the overdue warnings' lock. Calling the job here goes through the same proxy the
        // scheduler calls: it must not run (no run line in the log) and must leave the other instance's row alone.
        // (Only the skipped case is run: a run would send warnings on other tests' findings.)
        LockProvider other = JobScheduling.provider(dataSource, "other-instance");
        Optional<SimpleLock> held = other.lock(new LockConfiguration(Instant.now(), "overdue-warnings",
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();
        try {
            Object job = context.getBean("overdueWarnings");
            Method run = job.getClass().getMethod("run");
            run.setAccessible(true);
            run.invoke(job);
            assertThat(output.getOut()).doesNotContain("Overdue warnings:");
            assertThat(jdbc.queryForObject("select locked_by from job_lock where name = 'overdue-warnings'", String.class))
                    .isEqualTo("other-instance");
        } finally {
            held.get().unlock();
        }
    }

    @Autowired
    ApplicationContext context;
}
