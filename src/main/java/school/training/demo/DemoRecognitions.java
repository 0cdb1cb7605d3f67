package school.training.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.people.Directory;
import school.training.recognition.CreditRecognitionProcess;
import school.training.tasklist.RequestStarter;

/**
 * Seeds two credit-recognition claims, once (a database with any claim is left alone): li.na's online
 * course certificate, checked by her leader and recognised by the office, so her ledger shows it with a
 * link to the request; and zhou.tao's county training, checked and waiting at the office.
 */
@Component
@Profile("demo & !test")
@Order(22)
class DemoRecognitions implements ApplicationRunner {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RequestStarter starter;
    private final Directory directory;
    private final Clock clock;

    DemoRecognitions(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
            RequestStarter starter, Directory directory, Clock clock) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.starter = starter;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(CreditRecognitionProcess.KEY).count() > 0
                || directory.find("li.na").isEmpty()
                || directory.find("zhou.tao").isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        String recognised = starter.seed("li.na", CreditRecognitionProcess.KEY, claim("ONLINE",
                "部编版语文教材网络研修", "国家中小学智慧教育平台", "national", today.minusDays(40), today.minusDays(10), 20.0,
                "SZJY-" + today.getYear() + "-0815")).getId();
        complete(recognised, CreditRecognitionProcess.LEADER_CHECK, "chen.jing", Map.of("leaderCheckDecision", "approve"));
        complete(recognised, CreditRecognitionProcess.OFFICE_RECOGNITION, "zhao.min", Map.of(
                "officeRecognitionDecision", "approve", "recognisedHours", 20.0));
        managementService.createJobQuery().processInstanceId(recognised).list()
                .forEach(job -> managementService.executeJob(job.getId()));

        String waiting = starter.seed("zhou.tao", CreditRecognitionProcess.KEY, claim("CENTRALIZED",
                "县初中数学骨干教师培训", "县教师发展中心", "county", today.minusDays(20), today.minusDays(16), 24.0,
                "XJS-" + today.getYear() + "-031")).getId();
        complete(waiting, CreditRecognitionProcess.LEADER_CHECK, "sun.wei", Map.of("leaderCheckDecision", "approve"));
    }

    private static Map<String, Object> claim(String category, String course, String organizer, String level,
            LocalDate start, LocalDate end, double hours, String number) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("category", category);
        claim.put("course", course);
        claim.put("organizer", organizer);
        claim.put("level", level);
        claim.put("startDate", start.toString());
        claim.put("endDate", end.toString());
        claim.put("hoursClaimed", hours);
        claim.put("certificateNumber", number);
        return claim;
    }

    private void complete(String instanceId, String step, String by, Map<String, Object> variables) {
        var task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), by);
        }
        taskService.complete(task.getId(), variables);
    }
}
