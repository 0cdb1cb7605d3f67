package school.training.slip;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Requests with a history to print, made in the app's engine as the app seeds them (no signed-in caller)
 * and decided step by step by named people at set times on the engine's clock, so a slip can be checked
 * for every name, time and comment. Shared by the slip's page tests and its browser test.
 */
public final class SlipRequests {

    public static final String LEADER_RETURNS = "请补充调课安排：哪位老师代哪几节课，写清楚班级和节次。";
    public static final String LEADER_APPROVES = "同意前往。回校后请在教研组内做一次专题分享，并提交学习心得。";
    public static final String PRINCIPAL_APPROVES = "同意。国家级研讨会机会难得，注意行程安全，按标准报销。";
    public static final String REVISED_COVER = "王老师代初二(3)班周一、周三语文课；李老师代初二(5)班周二早读。";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;

    public SlipRequests(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
    }

    /** A national trip (the principal must approve too), as li.na's start form would have it. */
    public static Map<String, Object> nationalTrip(String title, LocalDate start) {
        Map<String, Object> request = new HashMap<>();
        request.put("title", title);
        request.put("organizer", "教育部基础教育课程教材发展中心");
        request.put("level", "national");
        request.put("kind", "conference");
        request.put("location", "北京市海淀区");
        request.put("outOfProvince", Boolean.TRUE);
        request.put("startDate", start.toString());
        request.put("endDate", start.plusDays(2).toString());
        request.put("purpose", "学习整本书阅读教学的课例设计，回校后在语文组推广。");
        request.put("classCover", "同组老师代课。");
        request.put("budgetTransport", 1260.0);
        request.put("budgetLodging", 900.0);
        request.put("budgetFees", 600.0);
        request.put("budgetOther", 45.5);
        request.put("invitation", "slip-invitation");
        return request;
    }

    public String start(String applicant, Map<String, Object> request, LocalDateTime at) {
        setClock(at);
        Map<String, Object> variables = new HashMap<>(request);
        variables.put("applicant", applicant);
        try {
            return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The step completed by this person at this time: claimed by them when it was offered to a group. */
    public void decide(String instanceId, String step, String person, LocalDateTime at, Map<String, Object> values) {
        setClock(at);
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
        if (task == null) {
            throw new AssertionError("not waiting at " + step + ": " + runtimeService.getActiveActivityIds(instanceId));
        }
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), person);
        } else if (!task.getAssignee().equals(person)) {
            throw new AssertionError(step + " is " + task.getAssignee() + "'s, not " + person + "'s");
        }
        taskService.complete(task.getId(), values);
    }

    /**
     * li.na's national trip: returned by chen.jing, revised, approved by chen.jing and liu.hua, registered by
     * zhao.min (with the number the office is offered); each step a day after the one before, from {@code day}.
     * Answers the request's id.
     */
    public String fullyDecided(String title, LocalDateTime day) {
        Map<String, Object> request = nationalTrip(title, day.toLocalDate().plusDays(30));
        String id = start("li.na", request, day);
        decide(id, "leaderReview", "chen.jing", day.plusDays(1).plusHours(1),
                Map.of("leaderDecision", "revise", "leaderComment", LEADER_RETURNS));
        Map<String, Object> revised = new HashMap<>(request);
        revised.put("classCover", REVISED_COVER);
        decide(id, "reviseRequest", "li.na", day.plusDays(2).plusHours(2), revised);
        decide(id, "leaderReview", "chen.jing", day.plusDays(3).plusHours(3),
                Map.of("leaderDecision", "approve", "leaderComment", LEADER_APPROVES));
        decide(id, "principalApproval", "liu.hua", day.plusDays(4).plusHours(4),
                Map.of("principalDecision", "approve", "principalComment", PRINCIPAL_APPROVES));
        register(id, day.plusDays(5).plusHours(5));
        return id;
    }

    /** The office registers it with the approval number it is offered. */
    public void register(String id, LocalDateTime at) {
        Task registration = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("officeRegistration")
                .singleResult();
        Object number = taskService.getVariable(registration.getId(), "approvalNumber");
        decide(id, "officeRegistration", "zhao.min", at,
                number == null ? Map.of("officeNotes", "已登记") : Map.of("approvalNumber", number, "officeNotes", "已登记"));
    }

    /** The trip is over: its timer fires and the report-back starts; answers the report-back's id. */
    public String tripEnded(String tripId, LocalDateTime at) {
        setClock(at);
        Job timer = managementService.createJobQuery().processInstanceId(tripId).timers().singleResult();
        managementService.executeJob(timer.getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("postStudyReport")
                .processInstanceBusinessKey(tripId).singleResult().getId();
    }

    /**
     * The trip of {@link #fullyDecided} reported back and settled: spent 1300 / 700 / 600 / 100 against
     * 1260 / 900 / 600 / 45.5 approved, the report accepted, 20 yuan deducted. Answers the report-back's id.
     */
    public String settled(String tripId, LocalDate end) {
        String report = tripEnded(tripId, end.atTime(8, 0));
        decide(report, "returnCheckIn", "li.na", end.atTime(18, 0), Map.of("checkInStatus", "onTime"));
        reported(report, end.plusDays(2).atTime(10, 0));
        decide(report, "reviewReport", "chen.jing", end.plusDays(3).atTime(10, 0),
                Map.of("reviewDecision", "approve", "sharing", "none"));
        decide(report, "settleReimbursement", "zhao.min", end.plusDays(4).atTime(15, 30),
                Map.of("penaltyAmount", 20.0, "penaltyReason", PENALTY_REASON));
        return report;
    }

    public static final String PENALTY_REASON = "未按规定乘坐经济舱";

    public void reported(String report, LocalDateTime at) {
        decide(report, "submitReport", "li.na", at,
                Map.of("reflections", "这次研讨会围绕整本书阅读教学展开，专家讲座和示范课让我认识到阅读任务群设计的重要性。".repeat(4),
                        "materials", "slip-materials", "receipts", "slip-receipts", "actualTransport", 1300.0,
                        "actualLodging", 700.0, "actualFees", 600.0, "actualOther", 100.0, "actualTotal", 2700.0));
    }

    public static void setClock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZoneId.systemDefault()).toInstant()));
    }
}
