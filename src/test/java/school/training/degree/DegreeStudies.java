package school.training.degree;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/** Degree upgrades driven straight on the engine, for the statistics tests. */
record DegreeStudies(IdentityService identityService, RuntimeService runtimeService, TaskService taskService) {

    /** An application for a bachelor's degree, approved and registered: the teacher is studying. */
    String registered(String teacher, String institution, LocalDate start, LocalDate expectedCompletion) {
        Map<String, Object> application = new HashMap<>();
        application.put("currentDegree", "college");
        application.put("targetDegree", "bachelor");
        application.put("route", "adultExam");
        application.put("institution", institution);
        application.put("major", "数学与应用数学");
        application.put("matchesSubject", "yes");
        application.put("studyMode", "partTime");
        application.put("startDate", start.toString());
        application.put("expectedCompletion", expectedCompletion.toString());
        application.put("requestedTuitionShare", 50L);
        application.put("requestedExamLeaveDays", 5L);
        List<String> groups = identityService.createGroupQuery().groupMember(teacher).list().stream().map(Group::getId)
                .toList();
        String id;
        identityService.setAuthentication(teacher, groups);
        try {
            id = runtimeService.startProcessInstanceByKey(DegreeProcess.KEY, application).getId();
        } finally {
            identityService.clearAuthentication();
        }
        complete(id, DegreeProcess.LEADER_OPINION, Map.of("leaderDecision", "approve"));
        complete(id, DegreeProcess.PRINCIPAL_APPROVAL, Map.of("principalDecision", "approve"));
        complete(id, DegreeProcess.OFFICE_REGISTRATION, Map.of("grantedTuitionShare", 50L, "grantedExamLeaveDays", 5L,
                "approvalNumber", "学历〔2026〕1号"));
        return id;
    }

    void graduated(String id, LocalDate graduationDate) {
        complete(id, DegreeProcess.SUBMIT_COMPLETION, Map.of("completionStatus", "completed", "certificate", "cert",
                "graduationDate", graduationDate.toString()));
    }

    void verified(String id) {
        complete(id, DegreeProcess.VERIFY_CERTIFICATE, Map.of("verifyDecision", "approve"));
    }

    /** Completes the step if the request waits there (the leader's step is skipped for a group without a leader). */
    void complete(String id, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(step).singleResult();
        if (task != null) {
            taskService.complete(task.getId(), variables);
        }
    }
}
