package school.training.people;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who approves whose request, resolved at run time from the directory (used from BPMN as
 * {@code ${approvers...}}). Nobody approves their own request: a group leader's request skips the
 * leader step and goes to the principal; the principal's own request goes to the office.
 */
@Component("approvers")
public class Approvers {

    private final Directory directory;
    private final IdentityService identityService;

    Approvers(Directory directory, IdentityService identityService) {
        this.directory = directory;
        this.identityService = identityService;
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

    /**
     * The Camunda group that does the office's steps (registration, verification, settlement) for this
     * applicant: the office, or for an office member's own request the principal, since nobody in
     * the office works on their own request and a small school has one clerk.
     */
    public String officeGroupFor(String applicant) {
        boolean applicantIsOffice = directory.find(applicant).map(p -> p.getRole() == Role.OFFICE).orElse(false);
        return applicantIsOffice ? CamundaGroups.PRINCIPAL : CamundaGroups.OFFICE;
    }

    /**
     * Who reviews a teacher's study report: their group leader; for a group leader's own report the
     * principal; for the principal's own report someone from the office.
     */
    public String reportReviewerOf(String applicant) {
        if (leaderStepNeeded(applicant)) {
            return groupLeaderOf(applicant);
        }
        String group = principalGroupFor(applicant);
        return identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(0, 1).stream()
                .map(user -> user.getId()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Nobody in group " + group));
    }
}
