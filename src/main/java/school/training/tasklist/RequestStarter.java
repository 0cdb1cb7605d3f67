package school.training.tasklist;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
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

    ProcessInstance startAs(CurrentUser user, String processKey, Map<String, Object> variables) {
        // the engine makes whoever is signed in the applicant (camunda:initiator); nobody can name another
        identityService.setAuthentication(user.id(), user.groups());
        try {
            return runtimeService.startProcessInstanceByKey(processKey, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Records a request the app itself enters on someone's behalf (the demo school's history, dated in
     * the past): no one is signed in, so the person-facing start rules do not apply; the applicant is
     * named here instead.
     */
    public ProcessInstance seed(String applicantId, String processKey, Map<String, Object> variables) {
        Map<String, Object> request = new java.util.HashMap<>(variables);
        request.put("applicant", applicantId);
        return runtimeService.startProcessInstanceByKey(processKey, request);
    }
}
