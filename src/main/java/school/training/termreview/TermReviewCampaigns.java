package school.training.termreview;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.Role;

/**
 * Opening a term's review: one {@code termReview} per teacher (and group leader) of the school or of
 * one teaching group, all in one transaction, so a campaign is either fully open or not at all.
 */
@Service
public class TermReviewCampaigns {

    private final TermReviewCampaignRepository campaigns;
    private final RuntimeService runtimeService;
    private final Directory directory;
    private final Clock clock;
    private final TermFacts termFacts;

    TermReviewCampaigns(TermReviewCampaignRepository campaigns, RuntimeService runtimeService, Directory directory,
            Clock clock, TermFacts termFacts) {
        this.termFacts = termFacts;
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public TermReviewCampaign open(String termLabel, LocalDate termStart, LocalDate termEnd, LocalDate selfAssessmentDue,
            String teachingGroupIdOrNull, String openedBy) {
        TermReviewCampaign campaign = campaigns.save(new TermReviewCampaign(termLabel, termStart, termEnd,
                selfAssessmentDue, teachingGroupIdOrNull, openedBy, clock.instant()));
        List<Person> reviewed = reviewed(teachingGroupIdOrNull);
        Map<String, Map<String, Object>> facts = termFacts.forTeachers(reviewed.stream().map(Person::getId).toList(),
                termStart, termEnd);
        for (Person teacher : reviewed) {
            Map<String, Object> variables = new HashMap<>(facts.get(teacher.getId()));
            variables.put("applicant", teacher.getId());
            variables.put("campaignId", campaign.getId());
            variables.put("title", termLabel + " 考核");
            variables.put("termLabel", termLabel);
            variables.put("termStart", termStart.toString());
            variables.put("termEnd", termEnd.toString());
            variables.put("selfAssessmentDue", selfAssessmentDue.atTime(LocalTime.of(23, 59)).toString());
            runtimeService.startProcessInstanceByKey(TermReviewProcess.KEY, campaign.getId() + ":" + teacher.getId(),
                    variables);
        }
        campaign.setReviews(reviewed.size());
        return campaign;
    }

    /** Teachers and group leaders working here now (the principal and the office are not reviewed). */
    List<Person> reviewed(String teachingGroupIdOrNull) {
        List<Person> people = teachingGroupIdOrNull == null ? directory.everyone()
                : directory.membersOf(teachingGroupIdOrNull);
        return people.stream().filter(Person::isActive)
                .filter(p -> p.getRole() == Role.TEACHER || p.getRole() == Role.GROUP_LEADER).toList();
    }

    public List<TermReviewCampaign> all() {
        return campaigns.findAllByOrderByIdDesc();
    }

    public Optional<TermReviewCampaign> find(long id) {
        return campaigns.findById(id);
    }
}
