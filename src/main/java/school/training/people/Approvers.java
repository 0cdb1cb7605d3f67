package school.training.people;

import org.springframework.stereotype.Component;

/**
 * Who approves whose request, resolved at run time from the directory (used from BPMN as
 * {@code ${approvers...}}). Nobody approves their own request: a group leader's request skips the
 * leader step and goes to the principal; the principal's own request goes to the office.
 */
@Component("approvers")
public class Approvers {

    private final Directory directory;

    Approvers(Directory directory) {
        this.directory = directory;
    }

    /** True when the applicant has a group leader other than themselves. */
    public boolean leaderStepNeeded(String applicant) {
        return directory.leaderOf(applicant).filter(leader -> !leader.equals(applicant)).isPresent();
    }

    public String groupLeaderOf(String applicant) {
        return directory.leaderOf(applicant)
                .orElseThrow(() -> new IllegalStateException("No group leader for " + applicant));
    }

    /** The Camunda group that gives the principal's approval for this applicant. */
    public String principalGroupFor(String applicant) {
        boolean applicantIsPrincipal = directory.find(applicant).map(p -> p.getRole() == Role.PRINCIPAL).orElse(false);
        return applicantIsPrincipal ? CamundaGroups.OFFICE : CamundaGroups.PRINCIPAL;
    }
}
