package school.training.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import school.training.degree.DegreeProcess;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;
import school.training.tasklist.RequestStarter;

/**
 * Seeds a few teachers who are studying for a bachelor's degree, once (a database with any degree
 * upgrade is left alone): three teachers whose recorded degree is 专科, other than zhou.tao who applies
 * himself in the README's story, approved and registered, so the degree statistics list who is studying;
 * one of them was due last month, so he shows as overdue and his reminder has gone out.
 */
@Component
@Profile("demo & !test")
@Order(21)
class DemoStudies implements ApplicationRunner {

    private static final String OFFICE = "zhao.min";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RequestStarter starter;
    private final Directory directory;
    private final Clock clock;

    DemoStudies(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
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
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(DegreeProcess.KEY).count() > 0
                || directory.find(OFFICE).isEmpty()) {
            return;
        }
        List<String> students = directory.everyone().stream()
                .filter(p -> p.getRole() == Role.TEACHER && p.getDegree() == Degree.COLLEGE)
                .filter(p -> !"zhou.tao".equals(p.getId())).sorted(Comparator.comparing(Person::getId))
                .map(Person::getId).limit(3).toList();
        LocalDate today = LocalDate.now(clock);
        String[][] studies = {
                { "adultExam", "省师范大学继续教育学院", "partTime", "-1" },
                { "selfStudyExam", "市广播电视大学", "partTime", "14" },
                { "correspondence", "省教育学院", "fullTime", "20" } };
        for (int i = 0; i < students.size(); i++) {
            String[] study = studies[i];
            int monthsLeft = Integer.parseInt(study[3]);
            LocalDate due = today.plusMonths(monthsLeft);
            String instance = studying(students.get(i), study[0], study[1], study[2], due.minusYears(2), due, i + 1);
            if (monthsLeft < 0) {
                // the expected completion has passed: the reminder goes out now rather than when the job executor looks
                managementService.createJobQuery().processInstanceId(instance).timers().list()
                        .forEach(job -> managementService.executeJob(job.getId()));
            }
        }
    }

    /** An application for a bachelor's degree, approved and registered by the office: the teacher is studying. */
    private String studying(String teacher, String route, String institution, String mode, LocalDate start,
            LocalDate due, int number) {
        Person person = directory.get(teacher);
        Map<String, Object> application = new HashMap<>();
        application.put("currentDegree", Degree.COLLEGE.value());
        application.put("targetDegree", Degree.BACHELOR.value());
        application.put("route", route);
        application.put("institution", institution);
        application.put("major", person.getSubject() == null ? "教育学" : person.getSubject() + "教育");
        application.put("matchesSubject", "yes");
        application.put("studyMode", mode);
        application.put("startDate", start.toString());
        application.put("expectedCompletion", due.toString());
        application.put("requestedTuitionShare", 50L);
        application.put("requestedExamLeaveDays", 5L);
        application.put("supportNote", "按学校规定申请学费补助和考试假。");
        String id = starter.seed(teacher, DegreeProcess.KEY, application).getId();
        Map<String, Object> principal = new HashMap<>(Map.of("principalDecision", "approve"));
        if ("fullTime".equals(mode)) {
            principal.put("lessonCover", "脱产期间由同组教师分担课务，教务处统一调课。");
        }
        List<String> waiting;
        while (!(waiting = runtimeService.getActiveActivityIds(id)).contains(DegreeProcess.OFFICE_REGISTRATION)) {
            String step = waiting.get(0);
            complete(id, step, DegreeProcess.LEADER_OPINION.equals(step) ? Map.of("leaderDecision", "approve") : principal);
        }
        complete(id, DegreeProcess.OFFICE_REGISTRATION, Map.of("grantedTuitionShare", 50L, "grantedExamLeaveDays", 5L,
                "approvalNumber", "学历〔" + start.getYear() + "〕" + number + "号", "officeNotes", "凭毕业证报销学费。"));
        return id;
    }

    private void complete(String instanceId, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), DegreeProcess.OFFICE_REGISTRATION.equals(step) ? OFFICE : "liu.hua");
        }
        taskService.complete(task.getId(), variables);
    }
}
