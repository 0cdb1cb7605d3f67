package school.training.tasklist;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Completes a task as the person doing it, so the engine applies their authorizations and the same
 * {@link SubmissionGate} as for Camunda's Tasklist and the REST API: our pages (the task page, the
 * group scoring and bulk confirmation pages) have no rules of their own that a script could walk around.
 */
@Component
public class TaskCompletion {

    private final IdentityService identityService;
    private final TaskService taskService;

    TaskCompletion(IdentityService identityService, TaskService taskService) {
        this.identityService = identityService;
        this.taskService = taskService;
    }

    /**
     * @throws RuleViolation when the form's or the process's rules refuse the values
     * @throws org.camunda.bpm.engine.ProcessEngineException when the task is gone or someone else
     *         changed it first
     */
    public void complete(String taskId, CurrentUser user, Map<String, Object> variables) {
        identityService.setAuthentication(user.id(), user.groups());
        try {
            taskService.complete(taskId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
