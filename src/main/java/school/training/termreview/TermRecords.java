package school.training.termreview;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import school.training.archive.ChecklistStatus;
import school.training.archive.ProfessionalArchive;
import school.training.lessonplans.LessonPlans;
import school.training.lessonplans.PlanTally;
import school.training.observations.ObservationTally;
import school.training.observations.Observations;
import school.training.research.ActivityTally;
import school.training.research.ResearchActivities;

/**
 * What the term's records say about the rubric's judged items — monthly lesson plans, observations, research
 * activities, the archive checklist — and the deductions they imply. The leader's scoring is pre-filled with
 * them, the engine asks for a reason when the leader's figure differs, and the score sheet shows both.
 * Always read as the records are now: a plan accepted late still counts when the leader scores.
 */
@Component("termReviewRecords")
public class TermRecords {

    /** One teacher's records for the term and the judgement they imply. */
    public record Items(PlanTally plans, ObservationTally observations, ActivityTally activities,
            ChecklistStatus archive, Rubric.Judgement judgement) {

        /** The missing months as 2026-09,2026-10 (for the Tasklist form and the score sheet's links). */
        public String missingMonths() {
            return plans.missing().stream().map(YearMonth::toString).collect(Collectors.joining(","));
        }
    }

    private final LessonPlans lessonPlans;
    private final Observations observations;
    private final ResearchActivities activities;
    private final ProfessionalArchive archive;
    private final Rubric rubric;
    private final MessageSource messages;
    private final TermReviewCampaignRepository campaigns;

    TermRecords(LessonPlans lessonPlans, Observations observations, ResearchActivities activities,
            ProfessionalArchive archive, Rubric rubric, MessageSource messages, TermReviewCampaignRepository campaigns) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.lessonPlans = lessonPlans;
        this.observations = observations;
        this.activities = activities;
        this.archive = archive;
        this.rubric = rubric;
    }

    /** Each teacher's items, with one batch of queries per kind of record whatever the number of teachers. */
    public Map<String, Items> forTeachers(Collection<String> teachers, LocalDate from, LocalDate to) {
        Map<String, PlanTally> plans = lessonPlans.tally(teachers, from, to);
        Map<String, ObservationTally> observed = observations.tally(teachers, from, to);
        Map<String, ActivityTally> attended = activities.tally(teachers, from, to);
        Map<String, ChecklistStatus> archived = archive.checklist(teachers, from, to);
        Map<String, Items> items = new HashMap<>();
        for (String teacher : teachers) {
            PlanTally plan = plans.getOrDefault(teacher, new PlanTally(List.of(), List.of(), List.of()));
            ObservationTally observation = observed.getOrDefault(teacher, new ObservationTally(0, 0));
            ActivityTally activity = attended.getOrDefault(teacher, new ActivityTally(0, 0));
            ChecklistStatus checklist = archived.getOrDefault(teacher, new ChecklistStatus(List.of(), List.of()));
            Rubric.Judgement judgement = rubric.fromRecords(new Rubric.Shortfalls(checklist.missing().size(),
                    plan.missingCount(), observation.shortfall(), activity.shortfall()));
            items.put(teacher, new Items(plan, observation, activity, checklist, judgement));
        }
        return items;
    }

    public Items forTeacher(String teacher, LocalDate from, LocalDate to) {
        return forTeachers(List.of(teacher), from, to).get(teacher);
    }

    /**
     * Task listener on creating {@code leaderScoring}: the form opens with what the records imply, in our pages
     * and in Camunda's Tasklist alike, and shows the records behind each figure.
     */
    public void prefill(DelegateTask task) {
        TermReviewCampaign campaign = campaigns.ofReview(task.getVariable("campaignId")).orElseThrow(
                () -> new IllegalStateException("term review " + task.getProcessInstanceId() + " has no campaign"));
        Items items = forTeacher((String) task.getVariable("applicant"), campaign.getTermStart(),
                campaign.getTermEnd());
        Map<String, Object> variables = new HashMap<>(variables(items));
        // Camunda's Tasklist shows variables as they are: the missing items by name, in the school's language
        variables.put("archiveMissingNames", String.join("、", items.archive().missing().stream()
                .map(key -> messages.getMessage("archive.checklist." + key, null, key, Locale.SIMPLIFIED_CHINESE))
                .toList()));
        // the form's own fields, pre-filled (doubles, as the form stores numbers)
        variables.put("archiveDeduction", (double) items.judgement().archiveDeduction());
        variables.put("missingLessonPlans", (double) items.judgement().missingLessonPlans());
        variables.put("observationDeduction", (double) items.judgement().observationDeduction());
        task.getExecution().setVariables(variables);
    }

    /** The records behind the judged items, as the variables the Tasklist form and the score sheet show. */
    static Map<String, Object> variables(Items items) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("recordArchiveDeduction", items.judgement().archiveDeduction());
        variables.put("recordMissingLessonPlans", items.judgement().missingLessonPlans());
        variables.put("recordObservationDeduction", items.judgement().observationDeduction());
        variables.put("missingPlanMonths", items.missingMonths());
        variables.put("observationsRecorded", items.observations().recorded());
        variables.put("observationQuota", items.observations().quota());
        variables.put("activitiesAttended", items.activities().attended());
        variables.put("activitiesRequired", items.activities().required());
        variables.put("archiveMissing", String.join(",", items.archive().missing()));
        return variables;
    }
}
