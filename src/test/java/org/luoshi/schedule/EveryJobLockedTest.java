package org.luoshi.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every scheduled job takes its database lock: a job added without {@link SchedulerLock} would run in every
 * instance behind the proxy (two warnings, two backups), which no single-instance test would notice.
 */
class EveryJobLockedTest {

    @Test
    void everyScheduledMethodHasASchedulerLock() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<String> jobs = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.luoshi")) {
            for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)) {
                    jobs.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
                    if (!method.isAnnotationPresent(SchedulerLock.class)) {
                        unlocked.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        // the scan must find the known jobs, or the check would pass by finding nothing
        assertThat(jobs).contains("OverdueWarnings.run", "RequestReminders.run");
        assertThat(unlocked).as("scheduled jobs without a database lock").isEmpty();
    }
}
