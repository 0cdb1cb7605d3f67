package school.training.tasklist;

import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

import school.training.people.CamundaGroups;
import school.training.records.RequestLabel;
import school.training.records.RequestOverviews;
import school.training.web.CountedPage;

/**
 * A person's tasks: assigned to them, or offered to one of their groups to claim. A task offered to a
 * group whose only member is this person (the principal, a one-clerk office) can only be hers: it is
 * listed as hers, with nothing to claim; deciding on it takes it in the same request (the task page
 * claims and completes). Worked out when the list is read, not when the task is made, so a new principal
 * or a second clerk changes the lists at once, with no task pinned to whoever was alone at the time.
 */
@Service
public class Inbox {

    /** The groups a step is offered to whole (candidate groups); a school often has one such person. */
    private static final List<String> SMALL_GROUPS = List.of(CamundaGroups.PRINCIPAL, CamundaGroups.OFFICE);

    private final TaskService taskService;
    private final RequestOverviews overviews;
    private final IdentityService identityService;
    private final TaskLists tasks;
    private final ProcessEngineConfigurationImpl engine;

    Inbox(TaskService taskService, RequestOverviews overviews, IdentityService identityService,
            ManagementService managementService, ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
        this.tasks = new TaskLists(taskService, managementService, engine.getDatabaseType());
        this.taskService = taskService;
        this.overviews = overviews;
        this.identityService = identityService;
    }

    /** Rows on one page of an inbox list. */
    public static final int PAGE_SIZE = 50;

    /** One page of an inbox list and how many there are in all. */
    public record Page(List<TaskRow> rows, long total, int page, int size) implements CountedPage {
    }

    /**
     * The open tasks of these requests, in one plain query (for a page of requests, such as the office
     * dashboard's: who holds each step, since when, due when). Read-only, no authorization: callers show them on
     * pages their own security guards.
     */
    public List<Task> openTasksOf(java.util.Collection<String> processInstanceIds) {
        return tasks.ofRequests(processInstanceIds);
    }

    /** The request title and applicant of each task, from the read model: one query for the whole page. */
    public List<TaskRow> rows(List<Task> tasks) {
        Map<String, RequestLabel> requests = overviews.labelsOf(tasks.stream().map(Task::getProcessInstanceId)
                .filter(id -> id != null).collect(Collectors.toSet()));
        return tasks.stream().map(task -> {
            RequestLabel request = requests.get(task.getProcessInstanceId());
            return request == null ? new TaskRow(task, null, null)
                    : new TaskRow(task, request.title(), request.applicantName());
        }).toList();
    }

    /**
     * A page of the tasks assigned to this person, newest first, counted in the database; {@code alone}: her
     * groups {@link #aloneIn} (asked once for both lists of a page).
     */
    public Page assignedPage(CurrentUser user, List<String> alone, int page) {
        TaskLists.TaskList mine = tasks.assignedTo(user.id());
        // a group she is alone in offers its steps to her alone: listed as hers, claimed when she decides
        return page(alone.isEmpty() ? mine : mine.and(tasks.offeredTo(alone)), page);
    }

    /** A page of the unclaimed tasks offered to this person's groups (those she shares with others). */
    public Page offeredPage(CurrentUser user, List<String> alone, int page) {
        List<String> shared = user.groups().stream().filter(group -> !alone.contains(group)).toList();
        return shared.isEmpty() ? new Page(List.of(), 0, 0, PAGE_SIZE) : page(tasks.offeredTo(shared), page);
    }

    private Page page(TaskLists.TaskList list, int page) {
        int number = Math.max(0, page);
        List<Task> tasks = list.page(number * PAGE_SIZE, PAGE_SIZE);
        // a first page not full is the whole list: counted only when there may be more (or we are past the end)
        long total = number == 0 && tasks.size() < PAGE_SIZE ? tasks.size() : list.count();
        return new Page(rows(tasks), total, number, PAGE_SIZE);
    }

    /** The person's groups she is the only member of, among those steps are offered to whole. */
    public List<String> aloneIn(CurrentUser user) {
        return user.groups().stream().filter(SMALL_GROUPS::contains)
                .filter(group -> identityService.createUserQuery().memberOfGroup(group).count() == 1).toList();
    }

    /**
     * The task, if this person may work on it now (theirs, or unassigned and offered to their group): its row and,
     * for a task not taken, its candidates, read by one engine command. The task comes with what was read
     * ({@link HandOvers#offer} asks it no second time); the engine's task query with a candidate user would first
     * look up that person's groups, which she carries already.
     */
    public Task workable(String taskId, CurrentUser user) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            if (user.id().equals(task.getAssignee())) {
                return task;
            }
            return task.getAssignee() == null && HandOvers.isCandidate(task, user.id(), user.groups()) ? task : null;
        });
    }

    /**
     * Whether the task is offered to this person or one of her groups, taken or not: one task query (the
     * task's identity links through the engine's command would read the task, its execution and its
     * definition first).
     */
    public boolean isCandidate(String taskId, CurrentUser user) {
        TaskQuery task = taskService.createTaskQuery().taskId(taskId);
        TaskQuery offered = user.groups().isEmpty() ? task.taskCandidateUser(user.id()).includeAssignedTasks()
                : task.or().taskCandidateUser(user.id()).taskCandidateGroupIn(user.groups()).includeAssignedTasks()
                        .endOr();
        return offered.count() > 0;
    }

    public void claim(Task task, CurrentUser user) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.id());
        }
    }

    /** Gives a group task back to its group; a task assigned to a person by the process cannot be given back. */
    public boolean giveBack(String taskId, CurrentUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).taskAssignee(user.id()).singleResult();
        if (task == null || !isCandidate(taskId, user)) {
            return false;
        }
        taskService.setAssignee(taskId, null);
        return true;
    }
}
