package school.training.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * With several nodes on one database each {@code @Scheduled} job runs on one node at a time: every scheduled
 * method of the app has a lock of its own, and a run while another node holds it does nothing. Runs on
 * PostgreSQL too ({@code -Ppostgres}), where the lock's times are the database's.
 */
@SpringBootTest
@ActiveProfiles("test")
class ScheduledJobLocksTests {

    private static final String REMINDERS = "lesson-plan-reminders";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyScheduledMethodHasALockOfItsOwn() {
        Set<String> locks = new HashSet<>();
        int scheduled = 0;
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith("school.training.")) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                    scheduled++;
                    SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                    assertThat(lock).as(method + " runs under a @SchedulerLock").isNotNull();
                    assertThat(locks.add(lock.name())).as("lock name " + lock.name() + " used once").isTrue();
                }
            }
        }
        assertThat(scheduled).as("scheduled methods found").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRunWhileAnotherNodeHoldsTheLockLeavesItAlone() throws Exception {
        Object reminders = context.getBean("lessonPlanReminders");
        Method daily = ClassUtils.getUserClass(reminders).getDeclaredMethod("daily");
        daily.setAccessible(true);
        jdbc.update("delete from shedlock where name = ?", REMINDERS);
        jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by) values (?, "
                + "timestamp '2999-01-01 00:00:00', timestamp '2026-01-01 00:00:00', 'other-node')", REMINDERS);

        daily.invoke(reminders);

        assertThat(lockedBy()).as("still the other node's").isEqualTo("other-node");

        // the other node is done: this one takes the lock for its run
        jdbc.update("update shedlock set lock_until = timestamp '2000-01-01 00:00:00' where name = ?", REMINDERS);

        daily.invoke(reminders);

        assertThat(lockedBy()).isNotEqualTo("other-node");
    }

    private String lockedBy() {
        return jdbc.queryForObject("select locked_by from shedlock where name = ?", String.class, REMINDERS);
    }
}
