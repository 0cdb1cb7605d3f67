package school.training.recognition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * Credit-recognition claims for tests: an online course of 12 hours that ended in 2026, its certificate
 * number unique per claim, started as the app seeds requests and driven through the engine.
 */
final class Claims {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    Claims(RuntimeService runtimeService, TaskService taskService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    /** A teacher of 数学组 (leader sun.wei) of their own, password demo, so tests never share a ledger. */
    static String freshTeacher(Directory directory) {
        String id = "rec.t" + COUNT.incrementAndGet() + "." + System.nanoTime();
        directory.register(id, "认定教师" + COUNT.get(), Role.TEACHER, "math", "数学", "demo");
        // a recorded degree, so the school's degree statistics (DegreeStatisticsControllerTests) count no unknowns
        directory.changeDegree(id, Degree.BACHELOR);
        return id;
    }

    static String uniqueNumber() {
        return "ZS-2026-" + COUNT.incrementAndGet() + "-" + System.nanoTime();
    }

    static Map<String, Object> claim(String certificateNumber) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", "ONLINE");
        variables.put("course", "信息技术应用能力提升工程 2.0 网络研修");
        variables.put("organizer", "省教师网络研修平台");
        variables.put("level", "provincial");
        variables.put("startDate", "2026-03-01");
        variables.put("endDate", "2026-04-30");
        variables.put("hoursClaimed", 12.0);
        variables.put("certificateNumber", certificateNumber);
        return variables;
    }

    ProcessInstance start(String applicant) {
        return start(applicant, Map.of());
    }

    ProcessInstance start(String applicant, Map<String, Object> changes) {
        Map<String, Object> variables = claim(uniqueNumber());
        variables.putAll(changes);
        variables.put("applicant", applicant);
        return runtimeService.startProcessInstanceByKey(CreditRecognitionProcess.KEY, variables);
    }

    Task task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = task(instance, key);
        if (task == null) {
            throw new AssertionError("not waiting at " + key + " but at "
                    + runtimeService.getActiveActivityIds(instance.getId()));
        }
        taskService.complete(task.getId(), variables);
    }

    /** Runs the ledger credit (an asynchronous step: tests drive jobs themselves). */
    void credit(ProcessInstance instance) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(CreditRecognitionProcess.CREDIT_HOURS).singleResult();
        if (job == null) {
            throw new AssertionError("no credit waiting at " + runtimeService.getActiveActivityIds(instance.getId()));
        }
        managementService.executeJob(job.getId());
    }

    /** Leader approves, the office recognises these hours, the credit runs. */
    void recognise(ProcessInstance instance, double hours, String comment) {
        complete(instance, CreditRecognitionProcess.LEADER_CHECK, Map.of("leaderCheckDecision", "approve"));
        Map<String, Object> office = new HashMap<>(Map.of("officeRecognitionDecision", "approve", "recognisedHours", hours));
        if (comment != null) {
            office.put("officeRecognitionComment", comment);
        }
        complete(instance, CreditRecognitionProcess.OFFICE_RECOGNITION, office);
        credit(instance);
    }
}
