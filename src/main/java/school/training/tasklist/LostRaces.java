package school.training.tasklist;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Tells a lost race from a refusal. When a completion fails because the task is no longer there (or
 * its authorizations, or its execution, went with it) or a colleague claimed it, the person either came
 * a moment too late — a colleague, or their own other tab, finished or took it, or the applicant
 * withdrew the request — or never could work on it. Only the first hears "已由他人办理"; everyone else
 * gets the engine's own answer, so nobody learns about tasks that were never theirs.
 */
@Component
class LostRaces {

    private final ProcessEngineConfigurationImpl engine;

    LostRaces(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /**
     * True when the task has ended, or a colleague has it now, and this person was its assignee or a
     * candidate for it.
     */
    boolean lostBy(String taskId, String userId, Collection<String> groups) {
        if (taskId == null || userId == null) {
            return false;
        }
        Collection<String> groupIds = groups == null ? List.of() : groups;
        // the REST caller may not read the task's history; the answer says no more than "you were too late"
        return engine.getCommandExecutorTxRequired().execute(context -> {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                HistoryService history = engine.getHistoryService();
                HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
                if (task == null) {
                    return false;
                }
                boolean ended = task.getEndTime() != null;
                if (!ended && (task.getAssignee() == null || userId.equals(task.getAssignee()))) {
                    return false; // still open to this person: whatever failed, it was no race
                }
                if (userId.equals(task.getAssignee())) {
                    return true;
                }
                // assignee and candidate links as they were while the task was open
                return history.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                        .anyMatch(link -> userId.equals(link.getUserId())
                                || (link.getGroupId() != null && groupIds.contains(link.getGroupId())));
            } finally {
                if (checking) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }
}
