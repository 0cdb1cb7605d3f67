package school.training.termreview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import school.training.tasklist.RequestPanel;

/**
 * The score sheet on a term review's page, once the leader has scored: each rubric item with its
 * maximum, points and why, the facts behind the pre-computed items, total and grade, the principal's
 * adjustment and the appeal deadline.
 */
@Component
class ScoreSheetPanel implements RequestPanel {

    /** One rubric item: message key suffix, maximum (null for the ± attendance item), points, explanation args. */
    record Item(String name, Integer max, int points, Object[] args) {
    }

    private final RubricSettings settings;

    ScoreSheetPanel(RubricSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean appliesTo(String processKey) {
        return TermReviewProcess.KEY.equals(processKey);
    }

    @Override
    public String template() {
        return "termreview/panels";
    }

    @Override
    public String fragment() {
        return "scoreSheet";
    }

    @Override
    public Map<String, Object> model(String processInstanceId, Map<String, Object> variables) {
        if (!(variables.get("totalScore") instanceof Number total)) {
            return null; // not scored yet
        }
        List<Item> items = new ArrayList<>();
        items.add(new Item("archive", settings.archivePoints(), whole(variables.get("scoreArchive")),
                new Object[] { whole(variables.get("archiveDeduction")), whole(variables.get("archiveEntries")) }));
        items.add(new Item("lessonPlans", settings.lessonPlanPoints(), whole(variables.get("scoreLessonPlans")),
                new Object[] { whole(variables.get("missingLessonPlans")), settings.lessonPlanDeduction() }));
        items.add(new Item("trainingHours", settings.trainingHoursPoints(), whole(variables.get("scoreTrainingHours")),
                new Object[] { plain(variables.get("termHours")), whole(variables.get("requiredHours")),
                        settings.hourDeduction() }));
        items.add(new Item("observation", settings.observationPoints(), whole(variables.get("scoreObservation")),
                new Object[] { whole(variables.get("observationDeduction")) }));
        items.add(new Item("reportBack", settings.reportBackPoints(), whole(variables.get("scoreReportBack")),
                new Object[] { whole(variables.get("overdueReports")), settings.overdueReportDeduction() }));
        items.add(new Item("attendance", null, whole(variables.get("scoreAttendance")),
                new Object[] { settings.excellentBonus(), settings.failedPenalty() }));
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("excellentTrainings", ids(variables.get("excellentTrainings")));
        model.put("failedTrainings", ids(variables.get("failedTrainings")));
        model.put("teacher", variables.get("applicant"));
        model.put("overdueReportIds", ids(variables.get("overdueReportIds")));
        model.put("deductionReason", variables.get("deductionReason"));
        // the term's records behind the judged items, and which figures the leader changed (reviews scored
        // before the records existed have none)
        model.put("fromRecords", variables.containsKey("recordMissingLessonPlans"));
        model.put("missingPlanMonths", ids(variables.get("missingPlanMonths")));
        model.put("observationsRecorded", whole(variables.get("observationsRecorded")));
        model.put("observationQuota", whole(variables.get("observationQuota")));
        model.put("activitiesAttended", whole(variables.get("activitiesAttended")));
        model.put("activitiesRequired", whole(variables.get("activitiesRequired")));
        model.put("archiveMissing", ids(variables.get("archiveMissing")));
        model.put("overridden", ids(variables.get("overriddenItems")));
        model.put("recordDeduction", Map.of("archive", whole(variables.get("recordArchiveDeduction")),
                "lessonPlans", whole(variables.get("recordMissingLessonPlans")) * settings.lessonPlanDeduction(),
                "observation", whole(variables.get("recordObservationDeduction"))));
        model.put("rubricScore", plain(variables.get("rubricScore")));
        model.put("total", plain(total));
        model.put("grade", variables.get("grade"));
        model.put("published", variables.containsKey("gradeLabel"));
        boolean adjusted = "adjust".equals(variables.get("principalDecision"));
        model.put("adjusted", adjusted);
        model.put("principalComment", adjusted ? variables.get("principalComment") : null);
        model.put("scoreBeforeAppeal", variables.containsKey("scoreBeforeAppeal") ? plain(variables.get("scoreBeforeAppeal")) : null);
        model.put("reReviewComment", variables.get("reReviewComment"));
        model.put("appealDue", variables.get("appealDue") instanceof String due ? due.replace('T', ' ') : null);
        return model;
    }

    private static List<String> ids(Object commaSeparated) {
        String ids = commaSeparated instanceof String s ? s : "";
        return Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private static int whole(Object value) {
        return value instanceof Number n ? (int) Math.round(n.doubleValue()) : 0;
    }

    private static String plain(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : "";
    }
}
