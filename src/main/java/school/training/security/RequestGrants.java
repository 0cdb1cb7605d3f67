package school.training.security;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import school.training.people.Directory;

/**
 * Start listener of every request process: the applicant and their group leader may read the
 * instance through the REST API and Camunda's webapps; nobody else but the principal and the office.
 */
@Component("requestGrants")
public class RequestGrants implements ExecutionListener {

    private final CamundaGrants grants;
    private final Directory directory;

    RequestGrants(CamundaGrants grants, Directory directory) {
        this.grants = grants;
        this.directory = directory;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // whoever starts a request is its applicant: a REST or Tasklist start cannot name someone else
        String startedBy = Context.getCommandContext().getAuthenticatedUserId();
        if (startedBy != null) {
            execution.setVariable("applicant", startedBy);
        }
        String applicant = (String) execution.getVariable("applicant");
        if (applicant == null) {
            return;
        }
        String instanceId = execution.getProcessInstanceId();
        // the starter may not administer authorizations themself; the engine grants on their behalf
        Context.getCommandContext().runWithoutAuthorization(() -> {
            grants.grantNewInstanceReader(applicant, instanceId);
            directory.leaderOf(applicant).filter(leader -> !leader.equals(applicant))
                    .ifPresent(leader -> grants.grantNewInstanceReader(leader, instanceId));
            return null;
        });
    }

    /**
     * Task listener on completing the applicant's own task (revising a request): the request stays
     * theirs. The task was assigned to the applicant, so a changed {@code applicant} is refused.
     */
    public void keepApplicant(DelegateTask task) {
        if (!String.valueOf(task.getAssignee()).equals(task.getVariable("applicant"))) {
            throw new ProcessEngineException("The applicant of a request cannot be changed");
        }
    }
}
