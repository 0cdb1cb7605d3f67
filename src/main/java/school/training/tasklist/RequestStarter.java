package school.training.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a request as the person making it, so the engine records them as its initiator and applicant
 * and checks their authorizations, whoever calls: our pages, or the demo school seeding its history.
 */
@Component
public class RequestStarter {

    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    RequestStarter(IdentityService identityService, RuntimeService runtimeService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    public ProcessInstance startAs(String userId, String processKey, Map<String, Object> variables) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList();
        return startAs(new CurrentUser(userId, groups), processKey, variables);
    }

    ProcessInstance startAs(CurrentUser user, String processKey, Map<String, Object> variables) {
        Map<String, Object> request = new HashMap<>(variables);
        request.put("applicant", user.id());
        identityService.setAuthentication(user.id(), user.groups());
        try {
            return runtimeService.startProcessInstanceByKey(processKey, request);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
