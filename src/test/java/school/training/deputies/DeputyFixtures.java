package school.training.deputies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Shared by the deputies tests: outside-study requests entered as the app seeds them (no signed-in
 * caller), deputies named as a person would, and a clean slate afterwards so the other test classes of
 * the shared context see no deputy.
 */
final class DeputyFixtures {

    private final Deputies deputies;
    private final DeputyshipRepository deputyships;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    DeputyFixtures(Deputies deputies, DeputyshipRepository deputyships, IdentityService identityService,
            RuntimeService runtimeService, TaskService taskService) {
        this.deputies = deputies;
        this.deputyships = deputyships;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** A short, cheap, municipal trip in the province: the group leader alone approves it. */
    ProcessInstance request(String applicant, Map<String, Object> changes) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", "市级教研活动 " + System.nanoTime());
        variables.put("organizer", "市教育局教研室");
        variables.put("level", "municipal");
        variables.put("kind", "training");
        variables.put("location", "市第一中学");
        variables.put("outOfProvince", Boolean.FALSE);
        variables.put("startDate", "2030-03-11");
        variables.put("endDate", "2030-03-12");
        variables.put("purpose", "学习新课标下的阅读教学");
        variables.put("classCover", "王老师代课");
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("invitation", "attachment-1");
        variables.putAll(changes);
        variables.put("applicant", applicant);
        identityService.clearAuthentication();
        return runtimeService.startProcessInstanceByKey("externalStudy", variables);
    }

    ProcessInstance request(String applicant) {
        return request(applicant, Map.of());
    }

    Task task(ProcessInstance instance, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("%s waiting at %s", instance.getId(), key).isNotNull();
        return task;
    }

    List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /** The person names a deputy for themselves, as on the page. */
    Deputyship name(String person, String deputy, LocalDate first, LocalDate last, boolean includeExisting) {
        return deputies.name(person, groupsOf(person),
                new Deputies.Request(null, deputy, first, last, includeExisting));
    }

    /** Every deputyship cancelled (its tasks given back) and forgotten. */
    void forgetAll() {
        for (Deputyship deputyship : deputyships.findAll()) {
            deputies.cancel(deputyship.getId(), "admin", List.of("camunda-admin"));
        }
        deputyships.deleteAll();
    }
}
