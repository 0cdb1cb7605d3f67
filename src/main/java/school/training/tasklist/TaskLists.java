package school.training.tasklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The inbox's lists as Camunda native task queries: a count and one page, newest first. Camunda's own task
 * query for "offered to these groups" joins every unassigned task to its identity links with a left join and
 * counts distinct ids; at ten thousand open tasks that is tens of milliseconds a list on H2 even for a group
 * nothing is offered to (the planner cannot start from the group). Here the group's links are looked up first
 * (an index on the group), and counts are plain counts. Read-only, no authorization involved: the pages ask
 * for the signed-in person's own lists.
 */
final class TaskLists {

    private final TaskService taskService;
    private final String tasks;
    private final String links;
    /** Whether a page's ids are sorted apart from its rows (see {@link TaskList#page}). */
    private final boolean idsFirst;

    /** {@code databaseType}: the engine's name for its database ("h2", "postgres", …). */
    TaskLists(TaskService taskService, ManagementService managementService, String databaseType) {
        this.taskService = taskService;
        this.tasks = managementService.getTableName(TaskEntity.class);
        this.links = managementService.getTableName(IdentityLinkEntity.class);
        this.idsFirst = "h2".equals(databaseType);
    }

    /** One list: tasks matching any of its conditions (each a where clause), which never overlap. */
    final class TaskList {

        private final List<String> conditions;
        private final Map<String, Object> parameters;
        /** Whether every task of the list has the same assignee: the order of TaskListIndex then fits. */
        private final boolean oneAssignee;

        private TaskList(List<String> conditions, Map<String, Object> parameters, boolean oneAssignee) {
            this.conditions = conditions;
            this.parameters = parameters;
            this.oneAssignee = oneAssignee;
        }

        /** This list and that one (their tasks must be distinct: one assigned, the other not). */
        TaskList and(TaskList other) {
            List<String> both = new ArrayList<>(conditions);
            both.addAll(other.conditions);
            Map<String, Object> all = new HashMap<>(parameters);
            all.putAll(other.parameters);
            return new TaskList(both, all, false);
        }

        long count() {
            // a select without a table: both H2 and PostgreSQL allow it
            var query = taskService.createNativeTaskQuery().sql("select " + String.join(" + ", conditions.stream()
                    .map(where -> "(select count(*) from " + tasks + " RES where " + where + ")").toList()));
            parameters.forEach(query::parameter);
            return query.count();
        }

        /**
         * One page, newest first. On H2 the page's ids are found first, then its rows by id: H2 picks the index of
         * {@link TaskListIndex} for the ids (50 entries read in order, under a millisecond at 2,500 tasks) but not
         * for whole rows, which it sorted all (10 ms). PostgreSQL uses the index for the whole rows, so there one
         * statement does.
         */
        List<Task> page(int first, int size) {
            if (!idsFirst) {
                return listPage(union("RES.*") + " order by CREATE_TIME_ desc, ID_ asc", first, size);
            }
            // one person's tasks: ordered by their assignee first, the order of the index TaskListIndex makes, which
            // H2 then reads in order instead of sorting (not for tasks offered to groups, found from their links)
            List<String> ids = listPage(union("RES.ID_, RES.CREATE_TIME_, RES.ASSIGNEE_") + " order by "
                    + (oneAssignee ? "ASSIGNEE_, " : "") + "CREATE_TIME_ desc, ID_ asc", first, size).stream()
                    .map(Task::getId).toList();
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<String, Task> byId = new HashMap<>();
            byIds("RES.ID_", ids).forEach(task -> byId.put(task.getId(), task));
            // in the page's order; a task completed between the two reads is left out
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        }

        /** The list's conditions as one union selecting these columns. */
        private String union(String columns) {
            return String.join(" union all ", conditions.stream()
                    .map(where -> "select " + columns + " from " + tasks + " RES where " + where).toList());
        }

        private List<Task> listPage(String sql, int first, int size) {
            var query = taskService.createNativeTaskQuery().sql(sql);
            parameters.forEach(query::parameter);
            return query.listPage(first, size);
        }
    }

    /** Tasks this person holds. */
    TaskList assignedTo(String userId) {
        return new TaskList(List.of("RES.ASSIGNEE_ = #{assignee}"), Map.of("assignee", userId), true);
    }

    /** Unclaimed tasks offered to any of these groups. */
    TaskList offeredTo(List<String> groupIds) {
        Map<String, Object> parameters = new HashMap<>();
        return new TaskList(List.of("RES.ASSIGNEE_ is null and RES.ID_ in (select I.TASK_ID_ from " + links
                + " I where I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + named("group", groupIds, parameters) + "))"),
                parameters, false);
    }

    /**
     * The open tasks of these requests (the rows of one page of requests). Camunda's task query would do, but
     * builds its statement from a mapping written for every filter it offers: for 50 ids that was a third of
     * the office dashboard's time at 10,000 open tasks, against a plain statement on the index of PROC_INST_ID_.
     */
    List<Task> ofRequests(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : byIds("RES.PROC_INST_ID_", processInstanceIds);
    }

    /** Tasks whose {@code column} is one of {@code values}, in one statement. */
    private List<Task> byIds(String column, Collection<String> values) {
        Map<String, Object> parameters = new HashMap<>();
        var query = taskService.createNativeTaskQuery().sql("select RES.* from " + tasks + " RES where " + column
                + " in (" + named("id", values, parameters) + ")");
        parameters.forEach(query::parameter);
        return query.list();
    }

    /**
     * A native query's IN list: one named parameter per value ({@code #{prefix0}, #{prefix1}, …}), added to
     * {@code parameters}; Camunda's native queries bind single values only.
     */
    private static String named(String prefix, Collection<String> values, Map<String, Object> parameters) {
        List<String> names = new ArrayList<>();
        for (String value : values) {
            String name = prefix + names.size();
            parameters.put(name, value);
            names.add("#{" + name + "}");
        }
        return String.join(", ", names);
    }
}
