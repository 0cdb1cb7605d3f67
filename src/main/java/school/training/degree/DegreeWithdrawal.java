package school.training.degree;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import school.training.tasklist.Withdrawal;

/**
 * 撤回: while nobody has decided yet — the group leader has not given an opinion, or, for a group
 * leader's or the principal's own application (no leader step), the principal's step has not decided —
 * or while the application is back with the teacher.
 */
@Component
class DegreeWithdrawal implements Withdrawal {

    private final RuntimeService runtimeService;
    private final ProcessEngineConfigurationImpl engine;

    DegreeWithdrawal(RuntimeService runtimeService, ProcessEngineConfigurationImpl engine) {
        this.runtimeService = runtimeService;
        this.engine = engine;
    }

    @Override
    public String processKey() {
        return DegreeProcess.KEY;
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
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0
                || !userId.equals(runtimeService.getVariable(processInstanceId, "applicant"))) {
            return false;
        }
        List<String> waitingIn = runtimeService.getActiveActivityIds(processInstanceId);
        if (waitingIn.contains(DegreeProcess.LEADER_OPINION) || waitingIn.contains(DegreeProcess.REVISE_APPLICATION)) {
            return true;
        }
        return waitingIn.contains(DegreeProcess.PRINCIPAL_APPROVAL)
                && Boolean.FALSE.equals(runtimeService.getVariable(processInstanceId, "leaderStepNeeded"));
    }

    @Override
    public void withdraw(String processInstanceId, String userId) {
        runtimeService.createMessageCorrelation(DegreeProcess.WITHDRAWN_MESSAGE).processInstanceId(processInstanceId)
                .correlate();
    }
}
