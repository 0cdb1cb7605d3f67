package school.training.tasklist;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import school.training.people.CamundaGroups;
import school.training.people.Directory;
import school.training.records.RequestRecords;

/**
 * Who may read a request: the applicant, the leader of the applicant's teaching group, the principal,
 * the office, an administrator, anyone who was given one of its tasks, and anyone personally granted READ
 * on it in Camunda (a decision copied to them, 抄送). Everybody else gets a 404,
 * so they do not even learn that it exists.
 */
@Component
public class RequestAccess {

    private final HistoryService historyService;
    private final RequestRecords records;
    private final Directory directory;
    private final AuthorizationService authorizations;

    RequestAccess(HistoryService historyService, Directory directory, AuthorizationService authorizations,
            RequestRecords records) {
        this.records = records;
        this.authorizations = authorizations;
        this.historyService = historyService;
        this.directory = directory;
    }

    public boolean canView(CurrentUser user, String processInstanceId) {
        if (processInstanceId == null) {
            return false;
        }
        if (user.inGroup(CamundaGroups.PRINCIPAL) || user.inGroup(CamundaGroups.OFFICE)
                || user.inGroup(CamundaGroups.ADMIN)) {
            return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        }
        String applicant = applicantOf(processInstanceId);
        if (applicant == null) {
            return false;
        }
        return applicant.equals(user.id()) || directory.isLeaderOf(user.id(), applicant)
                || historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                        .taskAssignee(user.id()).count() > 0
                || personallyGranted(user.id(), processInstanceId);
    }

    /**
     * A READ grant on this very request for this very user: the one the REST API and Camunda's webapps honour,
     * so our page and the API agree. Group grants are left out on purpose (a group's wildcard is no reason).
     */
    private boolean personallyGranted(String userId, String processInstanceId) {
        return authorizations.isUserAuthorized(userId, List.of(), HistoricProcessInstancePermissions.READ,
                Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
    }

    /**
     * The applicant fixed at the request's start, from its record (which the page goes on to read anyway, so the
     * page's transaction has it then); a variable changed later moves nobody's access. A request older than the
     * records: as its history has it.
     */
    public String applicantOf(String processInstanceId) {
        Optional<String> recorded = records.applicant(processInstanceId);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        HistoricVariableInstance applicant = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName("applicant").disableCustomObjectDeserialization()
                .list().stream().filter(v -> v.getTaskId() == null).findFirst().orElse(null);
        return applicant == null ? null : (String) applicant.getValue();
    }
}
