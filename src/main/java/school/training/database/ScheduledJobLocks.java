package school.training.database;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Spring runs every {@code @Scheduled} method on every node: with two nodes on one database the lesson-plan
 * reminders would go out twice. A method marked {@code @SchedulerLock} first takes its row in the table
 * {@code shedlock} (Flyway V5); a node that finds it taken skips that run. Times are the database's, so the
 * nodes' clocks need not agree. The engine's own timers need none of this: its job executor locks each job.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ScheduledJobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
