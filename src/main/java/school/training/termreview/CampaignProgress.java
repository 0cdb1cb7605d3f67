package school.training.termreview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.TeachingGroup;
import school.training.records.RequestOverview;

/**
 * Where a campaign's reviews stand, read from the app's records (every waiting state of {@code termReview} is a
 * user task, so a running review is at exactly one step), and reminding those who hold it up.
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

    private final ReviewedTeacherRepository members;
    private final TaskService taskService;
    private final Directory directory;
    private final Notifications notifications;

    CampaignProgress(ReviewedTeacherRepository members, TaskService taskService, Directory directory,
            Notifications notifications) {
        this.members = members;
        this.taskService = taskService;
        this.directory = directory;
        this.notifications = notifications;
    }

    /**
     * The campaign's reviews, from the app's records in one query: its members and their requests' read model — not
     * the engine's instances found by their {@code campaignId} variable, which a client may rewrite and which the
     * engine finds by joining its variable tables. A review cancelled with its campaign is not among them.
     */
    List<Review> reviews(long campaignId) {
        Map<String, TeachingGroup> groups = directory.teachingGroups().stream()
                .collect(Collectors.toMap(TeachingGroup::getId, Function.identity(), (a, b) -> a));
        List<Review> reviews = new ArrayList<>();
        for (Object[] standing : members.standings(campaignId)) {
            String step = switch ((RequestOverview.State) standing[5]) {
                case RUNNING -> (String) standing[4];
                case COMPLETED -> FINISHED;
                case WITHDRAWN, REJECTED -> null;
            };
            if (step != null) {
                String teacherId = (String) standing[1];
                String name = (String) standing[2];
                reviews.add(new Review((String) standing[0], teacherId, name == null ? teacherId : name,
                        groups.get((String) standing[3]), step));
            }
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

    private static Row row(TeachingGroup group, List<Review> reviews) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STEPS.forEach(s -> counts.put(s, 0L));
        reviews.forEach(r -> counts.merge(r.step(), 1L, Long::sum));
        return new Row(group, counts, reviews.size());
    }
}
