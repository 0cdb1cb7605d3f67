package school.training.degree;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.people.Approvers;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Person;

/**
 * Service task {@code checkApplication}: who gives the first opinion, and the Chinese wording of the
 * choices, so the summary reads well in Camunda's Tasklist too.
 */
@Component("degreeApplicationFacts")
class ApplicationFacts implements JavaDelegate {

    private static final Map<String, String> ROUTES = Map.of("selfStudyExam", "高教自考", "adultExam", "成人高考",
            "correspondence", "函授", "online", "网络教育", "inServiceMaster", "在职研究生/教育硕士", DegreeProcess.SECOND_DEGREE,
            "第二学历");

    private final Approvers approvers;
    private final Directory directory;

    ApplicationFacts(Approvers approvers, Directory directory) {
        this.approvers = approvers;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicant = (String) execution.getVariable("applicant");
        execution.setVariable("leaderStepNeeded", approvers.leaderStepNeeded(applicant));
        Person person = directory.find(applicant).orElse(null);
        execution.setVariable("applicantName", person == null ? applicant : person.getName());
        execution.setVariable("teachingGroupName",
                person == null || person.getTeachingGroup() == null ? "—" : person.getTeachingGroup().getName());
        execution.setVariable("teachingGroup",
                person == null || person.getTeachingGroup() == null ? null : person.getTeachingGroup().getId());
        execution.setVariable("title", title(execution));
        execution.setVariable("currentDegreeLabel", label(execution.getVariable("currentDegree")));
        execution.setVariable("targetDegreeLabel", label(execution.getVariable("targetDegree")));
        execution.setVariable("routeLabel", ROUTES.getOrDefault(execution.getVariable("route"), "—"));
        execution.setVariable("studyModeLabel", "fullTime".equals(execution.getVariable("studyMode")) ? "脱产" : "业余");
        execution.setVariable("matchesSubjectLabel", "yes".equals(execution.getVariable("matchesSubject")) ? "是"
                : "否：" + execution.getVariable("mismatchReason"));
    }

    private static String title(DelegateExecution execution) {
        return "%s %s（%s）".formatted(execution.getVariable("institution"), execution.getVariable("major"),
                label(execution.getVariable("targetDegree")));
    }

    private static String label(Object value) {
        Degree degree = Degree.of(value);
        return degree == null ? "—" : degree.label();
    }
}
