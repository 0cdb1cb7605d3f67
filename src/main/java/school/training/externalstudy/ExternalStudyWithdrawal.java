package school.training.externalstudy;

import static school.training.externalstudy.ExternalStudyProcess.LEADER_REVIEW;
import static school.training.externalstudy.ExternalStudyProcess.PRINCIPAL_APPROVAL;
import static school.training.externalstudy.ExternalStudyProcess.REVISE_REQUEST;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import school.training.tasklist.Withdrawal;

/**
 * 撤回: the applicant takes the request back while nobody has decided on it yet — it waits for its
 * first approver (the group leader, or the principal when the leader step is skipped), or it was
 * returned to the applicant for changes.
 */
@Component
class ExternalStudyWithdrawal implements Withdrawal {

    private final RuntimeService runtimeService;
    private final ProcessEngineConfigurationImpl engine;

    ExternalStudyWithdrawal(RuntimeService runtimeService, ProcessEngineConfigurationImpl engine) {
        this.runtimeService = runtimeService;
        this.engine = engine;
    }

    @Override
    public String processKey() {
        return ExternalStudyProcess.KEY;
    }

    /**
     * Its engine calls in one command: the instance, its executions and its definition are read once for all of
     * them (the request page asks this of every applicant's request).
     */
    @Override
    public boolean canWithdraw(String processInstanceId, String userId) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> waitsForFirstDecision(processInstanceId, userId));
    }

    private boolean waitsForFirstDecision(String processInstanceId, String userId) {
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processDefinitionKey(ExternalStudyProcess.KEY).singleResult();
        if (instance == null || !userId.equals(runtimeService.getVariable(processInstanceId, "applicant"))) {
            return false;
        }
        List<String> waitingIn = runtimeService.getActiveActivityIds(processInstanceId);
        if (waitingIn.contains(LEADER_REVIEW) || waitingIn.contains(REVISE_REQUEST)) {
            return true;
        }
        // at the principal's step, only if the principal is the first to decide (leader step skipped)
        return waitingIn.contains(PRINCIPAL_APPROVAL)
                && Boolean.FALSE.equals(runtimeService.getVariable(processInstanceId, "leaderStepNeeded"));
    }

    @Override
    public void withdraw(String processInstanceId, String userId) {
        runtimeService.createMessageCorrelation(ExternalStudyProcess.WITHDRAWN_MESSAGE)
                .processInstanceId(processInstanceId).correlate();
    }
}
