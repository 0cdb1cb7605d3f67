package school.training.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import school.training.people.Approvers;
import school.training.people.ApproverChanged;
import school.training.records.RequestRecords;

/**
 * When the directory takes approvals away from someone (they left, their group has a new leader, they
 * changed role or a teacher of theirs moved group), each of their open approval steps goes where the
 * process would send it today: the step's own assignee expression from the BPMN is evaluated again
 * (so the rule lives in one place), or a claimed group task goes back to its group. A step that would
 * now land on the applicant (a teacher who became her group's leader) goes to the principal, since
 * nobody approves their own request. The person's own steps as applicant stay theirs. Each move is a
 * line in the request's timeline. Runs inside the directory change's transaction: both happen or neither.
 */
@Component
class TasksFollowTheDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TasksFollowTheDirectory.class);

    private final ProcessEngineConfigurationImpl engine;
    private final TaskService taskService;
    private final RequestRecords records;
    private final Approvers approvers;

    TasksFollowTheDirectory(ProcessEngineConfigurationImpl engine, TaskService taskService, RequestRecords records,
            Approvers approvers) {
        this.engine = engine;
        this.taskService = taskService;
        this.records = records;
        this.approvers = approvers;
    }

    @EventListener
    void approverChanged(ApproverChanged change) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            context.runWithoutAuthorization(() -> {
                for (Task task : taskService.createTaskQuery().taskAssignee(change.personId()).list()) {
                    handOn((TaskEntity) task, change);
                }
                return null;
            });
            return null;
        });
    }

    private void handOn(TaskEntity task, ApproverChanged change) {
        ExecutionEntity execution = task.getExecution();
        Object applicant = execution == null ? null : execution.getVariable("applicant");
        if (applicant == null || change.personId().equals(applicant)) {
            return; // an applicant's own step, or not a request's step at all
        }
        String assignee = evaluate(task.getTaskDefinition().getAssigneeExpression(), execution);
        List<String> groups = new ArrayList<>();
        for (Expression group : task.getTaskDefinition().getCandidateGroupIdExpressions()) {
            String value = evaluate(group, execution);
            if (value != null) {
                groups.add(value);
            }
        }
        if (assignee != null && !assignee.equals(change.personId()) && !assignee.equals(applicant)) {
            taskService.setAssignee(task.getId(), assignee);
            record(task, change, assignee, null);
        } else if (!groups.isEmpty()) {
            taskService.setAssignee(task.getId(), null);
            record(task, change, null, String.join(",", groups));
        } else if (applicant.equals(assignee)) {
            String principal = approvers.principalGroupFor(applicant.toString());
            taskService.setAssignee(task.getId(), null);
            taskService.addCandidateGroup(task.getId(), principal);
            record(task, change, null, principal);
        } else {
            LOG.warn("Task {} of {} has nobody to go to after {}; it stays with {}", task.getId(),
                    task.getProcessInstanceId(), change.reason(), change.personId());
        }
    }

    private String evaluate(Expression expression, ExecutionEntity execution) {
        if (expression == null) {
            return null;
        }
        try {
            Object value = expression.getValue(execution);
            return value == null || value.toString().isBlank() ? null : value.toString();
        } catch (RuntimeException nobody) {
            // e.g. a group without a leader: the caller decides where the step goes instead
            return null;
        }
    }

    private void record(TaskEntity task, ApproverChanged change, String toUser, String toGroup) {
        records.recordHandover(task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(),
                change.personId(), toUser, toGroup, change.reason(), change.changedBy());
    }
}
