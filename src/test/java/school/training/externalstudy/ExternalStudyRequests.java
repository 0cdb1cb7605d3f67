package school.training.externalstudy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Enters outside-study requests as the app seeds them (no signed-in caller, {@code applicant} named),
 * so process tests are free of the start rules; those are tested through our pages and the REST API. The default request is short, cheap, municipal and in the province: no principal needed.
 */
final class ExternalStudyRequests {

    static final String START = "2030-03-11";
    static final String END = "2030-03-12";

    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    ExternalStudyRequests(IdentityService identityService, RuntimeService runtimeService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    static Map<String, Object> smallRequest() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", "市级语文教研活动");
        variables.put("organizer", "市教育局教研室");
        variables.put("level", "municipal");
        variables.put("kind", "training");
        variables.put("location", "市第一中学");
        variables.put("outOfProvince", Boolean.FALSE);
        variables.put("startDate", START);
        variables.put("endDate", END);
        variables.put("purpose", "学习新课标下的阅读教学");
        variables.put("classCover", "王老师代课");
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("invitation", "attachment-1");
        return variables;
    }

    ProcessInstance start(String applicant) {
        return start(applicant, Map.of());
    }

    ProcessInstance start(String applicant, Map<String, Object> changes) {
        Map<String, Object> variables = smallRequest();
        variables.putAll(changes);
        variables.put("applicant", applicant);
        List<String> groups = identityService.createGroupQuery().groupMember(applicant).list().stream()
                .map(Group::getId).toList();
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            return runtimeService.startProcessInstanceByKey(ExternalStudyProcess.KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
