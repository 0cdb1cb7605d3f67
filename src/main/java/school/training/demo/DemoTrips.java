package school.training.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.externalstudy.ExternalStudyProcess;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.reporting.ReportingProcess;
import school.training.tasklist.RequestStarter;

/**
 * Seeds the demo school's trips once (a database with any outside-study request is left alone).
 * Trips in the past are started straight on the engine: our pages refuse a start date in the past,
 * the process itself does not, and a demo needs history. li.na, chen.jing and the principal start with
 * clean desks so the story of the README can be walked from the beginning. Tests (profile "test") do
 * without it: each test makes the requests it talks about.
 */
@Component
@Profile("demo & !test")
@Order(20)
class DemoTrips implements ApplicationRunner {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RequestStarter starter;
    private final Directory directory;

    DemoTrips(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
            RequestStarter starter, Directory directory) {
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.starter = starter;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ExternalStudyProcess.KEY).count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now();
        // a report overdue by three days (math), a check-in overdue since last night (Chinese group)
        ProcessInstance overdueReport = reportBack(trip("zhou.tao", "全国中学数学建模教学研讨会", "national", today.minusDays(12),
                today.minusDays(10), 600, 800, 900));
        complete(overdueReport, ReportingProcess.RETURN_CHECK_IN, Map.of("checkInStatus", "onTime"));
        reportBack(trip("cai.min", "市级语文群文阅读观摩课", "municipal", today.minusDays(2), today.minusDays(1), 60, 0, 200));
        // a report waiting for the English group leader, a reimbursement waiting for the office
        ProcessInstance toReview = reportBack(trip(englishTeacher(), "省英语教师口语培训", "provincial", today.minusDays(6),
                today.minusDays(4), 300, 600, 800));
        complete(toReview, ReportingProcess.RETURN_CHECK_IN, Map.of("checkInStatus", "onTime"));
        complete(toReview, ReportingProcess.SUBMIT_REPORT, report(280, 650, 800));
        // a trip under way, and one waiting for the math group leader
        trip("sun.wei", "全省初中数学骨干教师培训", "provincial", today.minusDays(1), today.plusDays(3), 400, 1200, 0);
        submitted("dong.lei", "区语文教研组长论坛", "county", today.plusDays(14), today.plusDays(14), 30, 0, 0);
    }

    private String englishTeacher() {
        return directory.membersOf("english").stream().filter(person -> !person.leads(person.getTeachingGroup()))
                .map(Person::getId).findFirst().orElse("li.na");
    }

    /** A request approved by everyone it needs and registered by the office. */
    private ProcessInstance trip(String teacher, String title, String level, LocalDate start, LocalDate end,
            double transport, double lodging, double fees) {
        ProcessInstance trip = submitted(teacher, title, level, start, end, transport, lodging, fees);
        List<String> waiting;
        while (!(waiting = runtimeService.getActiveActivityIds(trip.getId())).contains(ExternalStudyProcess.OFFICE_REGISTRATION)) {
            String step = waiting.get(0);
            String decision = step.equals(ExternalStudyProcess.LEADER_REVIEW) ? "leaderDecision" : "principalDecision";
            complete(trip, step, Map.of(decision, "approve"));
        }
        complete(trip, ExternalStudyProcess.OFFICE_REGISTRATION, Map.of());
        return trip;
    }

    private ProcessInstance submitted(String teacher, String title, String level, LocalDate start, LocalDate end,
            double transport, double lodging, double fees) {
        Map<String, Object> request = new HashMap<>();
        request.put("applicant", teacher);
        request.put("title", title);
        request.put("organizer", "教育局教研室");
        request.put("level", level);
        request.put("kind", "training");
        request.put("location", "national".equals(level) ? "北京" : "市教师进修学校");
        request.put("outOfProvince", "national".equals(level));
        request.put("startDate", start.toString());
        request.put("endDate", end.toString());
        request.put("purpose", "学习新课程标准下的课堂教学方法，回校后在教研组分享。");
        request.put("classCover", "同教研组老师代课，已与教务处协调。");
        request.put("budgetTransport", transport);
        request.put("budgetLodging", lodging);
        request.put("budgetFees", fees);
        request.put("budgetOther", 0.0);
        request.put("invitation", "demo-invitation");
        return starter.seed(teacher, ExternalStudyProcess.KEY, request);
    }

    /** The trip's end date has passed: fire its timer now rather than wait for the job executor. */
    private ProcessInstance reportBack(ProcessInstance trip) {
        managementService.createJobQuery().processInstanceId(trip.getId()).timers().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportingProcess.KEY)
                .processInstanceBusinessKey(trip.getId()).singleResult();
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), "zhao.min");
        }
        taskService.complete(task.getId(), variables);
    }

    private static Map<String, Object> report(double transport, double lodging, double fees) {
        return Map.of("reflections", "本次培训以任务型口语教学为主线，通过示范课、分组练习和点评，体会到课堂中给学生真实交际任务的重要性。"
                .repeat(3), "materials", "demo-materials", "receipts", "demo-receipts", "actualTransport", transport,
                "actualLodging", lodging, "actualFees", fees, "actualOther", 0.0, "actualTotal",
                transport + lodging + fees);
    }
}
