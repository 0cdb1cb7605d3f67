package school.training.recognition;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import school.training.people.Directory;
import school.training.people.Person;

/**
 * Service task {@code checkClaim}: the claim's title and the Chinese wording of its choices, so the
 * reviewers' forms and Camunda's Tasklist read well.
 */
@Component("recognitionClaimFacts")
class ClaimFacts implements JavaDelegate {

    static final Map<String, String> CATEGORIES = Map.of("ONLINE", "网络培训", "CENTRALIZED", "集中培训",
            "EDUCATION_TECHNOLOGY", "教育技术", "ENTERPRISE_PLACEMENT", "企业实践");
    private static final Map<String, String> LEVELS = Map.of("national", "国家级", "provincial", "省级", "municipal",
            "市级", "county", "县区级", "interSchool", "校际");

    private final Directory directory;

    ClaimFacts(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicant = (String) execution.getVariable("applicant");
        Person person = directory.find(applicant).orElse(null);
        execution.setVariable("applicantName", person == null ? applicant : person.getName());
        execution.setVariable("teachingGroupName",
                person == null || person.getTeachingGroup() == null ? "—" : person.getTeachingGroup().getName());
        execution.setVariable("categoryLabel", CATEGORIES.getOrDefault(execution.getVariable("category"), "—"));
        execution.setVariable("levelLabel", LEVELS.getOrDefault(execution.getVariable("level"), "—"));
        execution.setVariable("title", "%s（%s）".formatted(execution.getVariable("course"),
                execution.getVariable("organizer")));
    }
}
