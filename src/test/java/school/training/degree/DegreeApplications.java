package school.training.degree;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * Degree-upgrade applications for tests, started the way RequestController does (authenticated as
 * the applicant, {@code applicant} passed explicitly) and driven through the engine. The default
 * application: college → bachelor by adult exam, part-time, matching the subject taught.
 */
final class DegreeApplications {

    static final String START = "2030-09-01";
    static final String EXPECTED = "2032-07-15";
    private static final AtomicInteger TEACHERS = new AtomicInteger();

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    DegreeApplications(IdentityService identityService, RuntimeService runtimeService, TaskService taskService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    static Map<String, Object> application() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("currentDegree", "college");
        variables.put("targetDegree", "bachelor");
        variables.put("route", "adultExam");
        variables.put("institution", "省教育学院");
        variables.put("major", "数学与应用数学");
        variables.put("matchesSubject", "yes");
        variables.put("mismatchReason", "");
        variables.put("studyMode", "partTime");
        variables.put("startDate", START);
        variables.put("expectedCompletion", EXPECTED);
        variables.put("requestedTuitionShare", 50L);
        variables.put("requestedExamLeaveDays", 10L);
        return variables;
    }

    /** A teacher of 数学组 (leader sun.wei) of their own, recorded with a college degree, so tests never share a degree. */
    static String freshTeacher(Directory directory) {
        String id = "deg.t" + TEACHERS.incrementAndGet() + "." + System.nanoTime();
        directory.register(id, "测试教师" + TEACHERS.get(), Role.TEACHER, "math", "数学", "demo");
        directory.changeDegree(id, Degree.COLLEGE);
        return id;
    }

    ProcessInstance start(String applicant) {
        return start(applicant, Map.of());
    }

    ProcessInstance start(String applicant, Map<String, Object> changes) {
        Map<String, Object> variables = application();
        variables.putAll(changes);
        variables.put("applicant", applicant);
        List<String> groups = identityService.createGroupQuery().groupMember(applicant).list().stream()
                .map(Group::getId).toList();
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            return runtimeService.startProcessInstanceByKey(DegreeProcess.KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    Task task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = task(instance, key);
        if (task == null) {
            throw new AssertionError("not waiting at " + key + " but at " + runtimeService.getActiveActivityIds(instance.getId()));
        }
        taskService.complete(task.getId(), variables);
    }

    /** Leader (when there is one) and principal approve, the office registers: the teacher is studying. */
    ProcessInstance studying(String applicant, Map<String, Object> changes) {
        ProcessInstance instance = start(applicant, changes);
        if (runtimeService.getActiveActivityIds(instance.getId()).contains(DegreeProcess.LEADER_OPINION)) {
            complete(instance, DegreeProcess.LEADER_OPINION, Map.of("leaderDecision", "approve"));
        }
        complete(instance, DegreeProcess.PRINCIPAL_APPROVAL, Map.of("principalDecision", "approve", "lessonCover",
                "同组老师分担课务"));
        complete(instance, DegreeProcess.OFFICE_REGISTRATION, registration());
        return instance;
    }

    static Map<String, Object> registration() {
        return Map.of("grantedTuitionShare", 40L, "grantedExamLeaveDays", 8L, "approvalNumber", "XL-2030-001");
    }

    static Map<String, Object> completed(String certificate) {
        return Map.of("completionStatus", "completed", "certificate", certificate, "graduationDate", "2032-06-30");
    }

    static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    static Date endOf(String day) {
        return at(LocalDate.parse(day).atTime(23, 59, 59));
    }
}
