package school.training.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives trips and report-backs through the app's engine for the dashboard tests: started as the
 * applicant, approved and registered, and on to the report-back by running only the trip's own
 * {@code tripEnds} timer (never the report-back's reminder timers).
 */
final class Trips {

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;

    Trips(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    static void setClock(LocalDateTime now) {
        ClockUtil.setCurrentTime(Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
    }

    /** A short, cheap, municipal request, waiting at its first approval. */
    String requested(String applicant, String title, LocalDate start, LocalDate end) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("organizer", "市教育局教研室");
        variables.put("level", "municipal");
        variables.put("kind", "training");
        variables.put("location", "市第一中学");
        variables.put("outOfProvince", Boolean.FALSE);
        variables.put("startDate", start.toString());
        variables.put("endDate", end.toString());
        variables.put("purpose", "学习新课标下的教学方法");
        variables.put("classCover", "王老师代课");
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("applicant", applicant);
        List<String> groups = identityService.createGroupQuery().groupMember(applicant).list().stream()
                .map(Group::getId).toList();
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Approved by whoever must approve it and registered by the office: waiting for the trip to end. */
    String registered(String applicant, String title, LocalDate start, LocalDate end) {
        String id = requested(applicant, title, start, end);
        complete(id, "leaderReview", Map.of("leaderDecision", "approve"));
        complete(id, "principalApproval", Map.of("principalDecision", "approve"));
        complete(id, "officeRegistration", Map.of());
        return id;
    }

    /** Runs the trip's end timer; answers the report-back it started. */
    String reportBack(String externalStudyId) {
        Job timer = managementService.createJobQuery().processInstanceId(externalStudyId).activityId("tripEnds")
                .singleResult();
        managementService.executeJob(timer.getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("postStudyReport")
                .processInstanceBusinessKey(externalStudyId).singleResult().getId();
    }

    void checkIn(String reportBackId) {
        complete(reportBackId, "returnCheckIn", Map.of("checkInStatus", "onTime"));
    }

    void submitReport(String reportBackId) {
        Map<String, Object> report = new HashMap<>();
        report.put("reflections", "学习心得".repeat(60));
        report.put("materials", "attachment-x");
        report.put("actualTransport", 150.0);
        report.put("actualLodging", 280.0);
        report.put("actualFees", 200.0);
        report.put("actualOther", 0.0);
        report.put("actualTotal", 630.0);
        report.put("receipts", "attachment-y");
        complete(reportBackId, "submitReport", report);
    }

    void accept(String reportBackId) {
        complete(reportBackId, "reviewReport", Map.of("reviewDecision", "approve", "sharing", "none"));
    }

    private void complete(String instanceId, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
        if (task != null) {
            taskService.complete(task.getId(), variables);
        }
    }
}
