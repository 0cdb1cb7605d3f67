package school.training.tasklist;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
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
    private final ProcessEngineConfigurationImpl engine;

    TaskCompletion(IdentityService identityService, TaskService taskService, ProcessEngineConfigurationImpl engine) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.engine = engine;
    }

    /**
     * Takes a task still offered to a group for this person, then completes it as {@link #complete} does, both in
     * one engine command: the engine reads the task, its execution and its process once instead of twice, the
     * task's row is written once, and a refused decision leaves the task with its group as it was. A colleague
     * who took it a moment earlier still makes the claim fail ({@code TaskAlreadyClaimedException}). The claim
     * itself is the page's, without an authorization check: the page has just found her among the task's
     * candidates. The engine's history names her as the task's assignee; its activity row keeps only the
     * completion, so the timeline names who decided from the step's record.
     */
    public void takeAndComplete(Task task, CurrentUser user, Map<String, Object> variables) {
        if (task.getAssignee() != null) {
            complete(task.getId(), user, variables);
            return;
        }
        try {
            engine.getCommandExecutorTxRequired().execute(context -> {
                taskService.claim(task.getId(), user.id());
                identityService.setAuthentication(user.id(), user.groups());
                taskService.complete(task.getId(), variables);
                return null;
            });
        } catch (ProcessEngineException e) {
            throw ruleViolationIn(e).orElse(e);
        } finally {
            identityService.clearAuthentication();
        }
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
