package org.luoshi.schedule;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The daily jobs (overdue warnings, system findings, audit retention, backups) run on a schedule in the
 * business zone, each under a {@code @SchedulerLock}: the instance whose conditional update of the job's
 * {@code job_lock} row succeeds runs it, the others skip that run. The lock's times are the database's, so
 * the instances' clocks (or a clock pinned for a demonstration) do not matter; a lock left by a crashed
 * instance expires after the job's {@code lockAtMostFor}. Each job keeps its lock at least
 * {@code luoshi.jobs.lock-at-least}, so an instance whose trigger fires a moment later does not run it again.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
class JobScheduling {

    /** The table of the locks, one row per job (V85). */
    static final String TABLE = "job_lock";

    @Bean
    LockProvider lockProvider(DataSource dataSource, @Value("${luoshi.instance-name:}") String instanceName) {
        return provider(dataSource, instanceName.isBlank() ? defaultInstanceName() : instanceName);
    }

    /** A provider whose lock rows name {@code instanceName} as their holder (for the log and for tests racing two). */
    static LockProvider provider(DataSource dataSource, String instanceName) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .withLockedByValue(instanceName)
                .usingDbTime()
                .build());
    }

    /** Host and process: two instances on one machine still name different holders. */
    static String defaultInstanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
