package school.training.tasklist;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
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
        } catch (ProcessEngineException e) {
            // a rule a listener enforces inside the command (a number registered a moment ago) arrives
            // wrapped in the engine's "exception while invoking TaskListener"; pages want the rule itself
            throw ruleViolationIn(e).orElse(e);
        } finally {
            identityService.clearAuthentication();
        }
    }

    static Optional<ProcessEngineException> ruleViolationIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }
}
