package school.training.tasklist;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index of our own on Camunda's task table, in the order of a person's inbox: their tasks newest first
 * ({@link TaskLists}). Camunda indexes the assignee alone, so a group leader's first page of thousands of tasks
 * was a sort of all of them; with this index H2 and PostgreSQL read the page's fifty entries in order. Made at
 * start, after the engine has made or checked its own tables (a Flyway migration runs before they exist on a new
 * database), and only if missing. It speeds the inbox and nothing depends on it: if it cannot be made (another
 * node making it at the same moment), the app starts without it and says so.
 */
@Component
@Order(1)
class TaskListIndex implements ApplicationRunner {

    static final String NAME = "TRAINING_TASK_INBOX";

    private static final Logger log = LoggerFactory.getLogger(TaskListIndex.class);

    private final JdbcTemplate jdbc;
    private final String tasks;

    TaskListIndex(JdbcTemplate jdbc, ManagementService managementService) {
        this.jdbc = jdbc;
        this.tasks = managementService.getTableName(TaskEntity.class);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            jdbc.execute("create index if not exists " + NAME + " on " + tasks + " (ASSIGNEE_, CREATE_TIME_ desc, ID_)");
        } catch (DataAccessException e) {
            log.warn("The inbox's index {} on {} could not be made; inboxes work without it, slower: {}", NAME, tasks,
                    e.getMessage());
        }
    }
}
