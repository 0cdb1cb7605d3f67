package school.training.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import school.training.people.Directory;

/** A person's tasks: assigned to them, or offered to one of their groups to claim. */
@Service
public class Inbox {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final Directory directory;

    Inbox(TaskService taskService, RuntimeService runtimeService, Directory directory) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.directory = directory;
    }

    public List<TaskRow> rows(List<Task> tasks) {
        return tasks.stream().map(task -> {
            Map<String, Object> request = runtimeService.getVariables(task.getProcessInstanceId(),
                    List.of("title", "applicant"));
            return new TaskRow(task, (String) request.get("title"), directory.nameOf((String) request.get("applicant")));
        }).toList();
    }

    public List<Task> assignedTo(CurrentUser user) {
        return taskService.createTaskQuery().taskAssignee(user.id())
                .orderByTaskCreateTime().asc().list();
    }

    public List<Task> offeredTo(CurrentUser user) {
        if (user.groups().isEmpty()) {
            return List.of();
        }
        return taskService.createTaskQuery().taskCandidateGroupIn(user.groups()).taskUnassigned()
                .orderByTaskCreateTime().asc().list();
    }

    /** The task, if this person may work on it now (theirs, or unassigned and offered to their group). */
    public Task workable(String taskId, CurrentUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return null;
        }
        if (user.id().equals(task.getAssignee())) {
            return task;
        }
        return task.getAssignee() == null && isCandidate(taskId, user) ? task : null;
    }

    public boolean isCandidate(String taskId, CurrentUser user) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (user.id().equals(link.getUserId()) || user.groups().contains(link.getGroupId())));
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
