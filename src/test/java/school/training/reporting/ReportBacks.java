package school.training.reporting;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Report-backs for tests: an outside-study request approved and registered through the engine, its
 * end date reached (engine clock moved, trip timer fired), and the report-back it started.
 */
final class ReportBacks {

    static final String REFLECTIONS = "这次研讨会围绕新课标下的整本书阅读教学展开，专家讲座和示范课让我认识到阅读任务群设计的重要性。"
            .repeat(5);

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    ReportBacks(RuntimeService runtimeService, ManagementService managementService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    ProcessInstance tripEnded(String teacher, LocalDate start, LocalDate end) {
        Map<String, Object> request = new HashMap<>(Map.of("title", "报告测试 " + System.nanoTime(), "organizer", "市教育局",
                "level", "municipal", "kind", "training", "location", "市一中", "outOfProvince", false, "purpose",
                "学习新课标", "classCover", "同组老师代课", "invitation", "attachment"));
        request.putAll(Map.of("startDate", start.toString(), "endDate", end.toString(), "budgetTransport", 800.0,
                "budgetLodging", 900.0, "budgetFees", 600.0, "budgetOther", 0.0, "applicant", teacher));
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        ProcessInstance trip;
        try {
            trip = runtimeService.startProcessInstanceByKey("externalStudy", request);
        } finally {
            identityService.clearAuthentication();
        }
        while (!runtimeService.getActiveActivityIds(trip.getId()).contains("officeRegistration")) {
            String step = runtimeService.getActiveActivityIds(trip.getId()).get(0);
            complete(task(step, trip), withVariables(step.equals("leaderReview") ? "leaderDecision" : "principalDecision",
                    "approve"));
        }
        complete(task("officeRegistration", trip));
        moveClockTo(end.atTime(8, 0));
        Job timer = managementService.createJobQuery().processInstanceId(trip.getId()).timers().singleResult();
        managementService.executeJob(timer.getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportingProcess.KEY)
                .processInstanceBusinessKey(trip.getId()).singleResult();
    }

    static Map<String, Object> report(double transport, double lodging, double fees, double other) {
        return Map.of("reflections", REFLECTIONS, "materials", "attachment-m", "receipts", "attachment-r",
                "actualTransport", transport, "actualLodging", lodging, "actualFees", fees, "actualOther", other,
                "actualTotal", transport + lodging + fees + other);
    }

    static void moveClockTo(LocalDateTime time) {
        ClockUtil.setCurrentTime(date(time));
    }

    static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
