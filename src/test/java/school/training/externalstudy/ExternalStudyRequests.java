package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Enters outside-study requests as the app seeds them (no signed-in caller, {@code applicant} named),
 * so process tests are free of the start rules; those are tested through our pages and the REST API. The default request is short, cheap, municipal and in the province: no principal needed.
 */
public final class ExternalStudyRequests {

    public static final String START = "2030-03-11";
    public static final String END = "2030-03-12";

    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    public ExternalStudyRequests(IdentityService identityService, RuntimeService runtimeService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    public static Map<String, Object> smallRequest() {
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

    public ProcessInstance start(String applicant) {
        return start(applicant, Map.of());
    }

    public ProcessInstance start(String applicant, Map<String, Object> changes) {
        Map<String, Object> variables = smallRequest();
        variables.putAll(changes);
        variables.put("applicant", applicant);
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            return runtimeService.startProcessInstanceByKey(ExternalStudyProcess.KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A small request with this title; its process instance id. */
    public String start(String applicant, String title) {
        return start(applicant, Map.of("title", title)).getId();
    }

    /** The id of the task of this step the request waits in (there must be one). */
    public static String taskAt(TaskService taskService, String instanceId, String step) {
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
        assertThat(task).as("%s waiting at %s", instanceId, step).isNotNull();
        return task.getId();
    }
}
