package school.training.termreview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * Where a campaign's reviews stand, read from the engine (every waiting state of {@code termReview} is a
 * user task, so a running review is at exactly one), and reminding those who hold it up.
 */
@Service
class CampaignProgress {

    static final String FINISHED = "finished";
    static final List<String> STEPS = List.of(TermReviewProcess.SELF_ASSESSMENT, TermReviewProcess.LEADER_SCORING,
            TermReviewProcess.PRINCIPAL_CONFIRMATION, TermReviewProcess.APPEAL, TermReviewProcess.PRINCIPAL_RE_REVIEW,
            FINISHED);

    /** One teacher's review: its process instance, the teacher, her group (null if none) and its step. */
    record Review(String processInstanceId, String teacherId, String teacherName, TeachingGroup group, String step) {
    }

    /** Counts per step for one group, or for the whole campaign when {@code group} is null. */
    record Row(TeachingGroup group, Map<String, Long> counts, long total) {
        public long count(String step) {
            return counts.getOrDefault(step, 0L);
        }
    }

    record Reminded(int teachers, int leaders) {
        int total() {
            return teachers + leaders;
        }
    }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final Directory directory;
    private final Notifications notifications;

    CampaignProgress(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
            Directory directory, Notifications notifications) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.directory = directory;
        this.notifications = notifications;
    }

    List<Review> reviews(long campaignId) {
        Map<String, Person> people = directory.everyoneEver().stream()
                .collect(Collectors.toMap(Person::getId, Function.identity(), (a, b) -> a));
        Map<String, String> stepOf = new HashMap<>();
        for (Task task : openTasks(campaignId)) {
            stepOf.put(task.getProcessInstanceId(), task.getTaskDefinitionKey());
        }
        List<Review> reviews = new ArrayList<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(TermReviewProcess.KEY).variableValueEquals("campaignId", campaignId).list()) {
            String step = stepOf.get(instance.getId());
            if (step != null) {
                reviews.add(review(instance.getId(), instance.getBusinessKey(), step, people));
            }
        }
        // completed, not cancelled with the campaign
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(TermReviewProcess.KEY).variableValueEquals("campaignId", campaignId).completed()
                .list()) {
            reviews.add(review(instance.getId(), instance.getBusinessKey(), FINISHED, people));
        }
        return reviews;
    }

    /** One row per teaching group that has reviews in this campaign (in the school's order), then the total. */
    List<Row> byGroup(List<Review> reviews) {
        Map<String, List<Review>> grouped = reviews.stream()
                .collect(Collectors.groupingBy(r -> r.group() == null ? "" : r.group().getId()));
        List<Row> rows = new ArrayList<>();
        for (TeachingGroup group : directory.teachingGroups()) {
            List<Review> ofGroup = grouped.remove(group.getId());
            if (ofGroup != null) {
                rows.add(row(group, ofGroup));
            }
        }
        grouped.values().forEach(rest -> rows.add(row(null, rest)));
        return rows;
    }

    Row total(List<Review> reviews) {
        return row(null, reviews);
    }

    /**
     * Every teacher still at her self-assessment is told once; every leader with scoring waiting is told
     * once, with how many reviews wait for them.
     */
    Reminded remind(TermReviewCampaign campaign) {
        Map<String, Long> scoring = new TreeMap<>();
        List<String> teachers = new ArrayList<>();
        for (Task task : openTasks(campaign.getId())) {
            if (task.getAssignee() == null) {
                continue;
            }
            if (TermReviewProcess.SELF_ASSESSMENT.equals(task.getTaskDefinitionKey())
                    && !teachers.contains(task.getAssignee())) {
                teachers.add(task.getAssignee());
            } else if (TermReviewProcess.LEADER_SCORING.equals(task.getTaskDefinitionKey())) {
                scoring.merge(task.getAssignee(), 1L, Long::sum);
            }
        }
        teachers.forEach(t -> notifications.notify(t, "notify.termReviewSelfAssessmentDue", "/",
                campaign.getTermLabel()));
        scoring.forEach((leader, count) -> notifications.notify(leader, "notify.termReviewScoringDue", "/",
                String.valueOf(count), campaign.getTermLabel()));
        return new Reminded(teachers.size(), scoring.size());
    }

    private List<Task> openTasks(long campaignId) {
        return taskService.createTaskQuery().processDefinitionKey(TermReviewProcess.KEY)
                .processVariableValueEquals("campaignId", campaignId).list();
    }

    private static Review review(String processInstanceId, String businessKey, String step, Map<String, Person> people) {
        // business key "<campaignId>:<teacherId>", as TermReviewCampaigns.open writes it
        String teacherId = businessKey == null ? "" : businessKey.substring(businessKey.indexOf(':') + 1);
        Person person = people.get(teacherId);
        return new Review(processInstanceId, teacherId, person == null ? teacherId : person.getName(),
                person == null ? null : person.getTeachingGroup(), step);
    }

    private static Row row(TeachingGroup group, List<Review> reviews) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STEPS.forEach(s -> counts.put(s, 0L));
        reviews.forEach(r -> counts.merge(r.step(), 1L, Long::sum));
        return new Row(group, counts, reviews.size());
    }
}
