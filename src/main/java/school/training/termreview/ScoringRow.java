package school.training.termreview;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import school.training.trainings.TermTrainingRecord;

/**
 * One teacher on the group leader's scoring page: the pre-filled facts with their points, the judged
 * items as typed (kept when the row is shown again), and what is wrong with them.
 */
public class ScoringRow {

    /** A message beside a field: message code and its arguments. */
    public record Problem(String code, Object... args) {
    }

    /** The judged fields; the attendance item is not among them: it comes from the training records. */
    static final List<String> FIELDS = List.of("archiveDeduction", "missingLessonPlans", "observationDeduction",
            "deductionReason");

    private final String taskId;
    private final String processInstanceId;
    private final String teacherId;
    private final String teacherName;
    private final String termLabel;
    private final String termHours;
    private final int requiredHours;
    private final int trainingHoursPoints;
    private final int overdueReports;
    private final List<String> overdueReportIds;
    private final int reportBackPoints;
    private final int archiveEntries;
    private final String selfAssessment;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Problem> errors = new LinkedHashMap<>();
    private boolean included = true;
    private int attendancePoints;
    private List<Long> excellentTrainings = List.of();
    private List<Long> failedTrainings = List.of();
    private TermRecords.Items records;

    ScoringRow(String taskId, String processInstanceId, Map<String, Object> variables, Rubric rubric) {
        this.taskId = taskId;
        this.processInstanceId = processInstanceId;
        this.teacherId = (String) variables.get("applicant");
        this.teacherName = String.valueOf(variables.getOrDefault("applicantName", teacherId));
        this.termLabel = (String) variables.get("title");
        BigDecimal hours = decimal(variables.get("termHours"));
        this.termHours = hours.stripTrailingZeros().toPlainString();
        this.requiredHours = (int) decimal(variables.get("requiredHours")).doubleValue();
        this.overdueReports = (int) decimal(variables.get("overdueReports")).doubleValue();
        String ids = variables.get("overdueReportIds") instanceof String s ? s : "";
        this.overdueReportIds = Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        this.archiveEntries = (int) decimal(variables.get("archiveEntries")).doubleValue();
        this.selfAssessment = variables.get("selfAssessment") instanceof String s ? s : "";
        Rubric.Sheet computed = rubric.score(new Rubric.Facts(hours, overdueReports),
                new Rubric.Judgement(0, 0, 0));
        this.trainingHoursPoints = computed.trainingHours();
        this.reportBackPoints = computed.reportBack();
        values.put("archiveDeduction", "0");
        values.put("missingLessonPlans", "0");
        values.put("observationDeduction", "0");
        values.put("deductionReason", "");
    }

    /**
     * The term's records behind the judged items: the fields open with what they imply (the leader confirms, or
     * changes a figure and says why).
     */
    void records(TermRecords.Items items) {
        this.records = items;
        values.put("archiveDeduction", String.valueOf(items.judgement().archiveDeduction()));
        values.put("missingLessonPlans", String.valueOf(items.judgement().missingLessonPlans()));
        values.put("observationDeduction", String.valueOf(items.judgement().observationDeduction()));
    }

    public TermRecords.Items getRecords() {
        return records;
    }

    /** The attendance item as the training records give it now (recomputed when the scoring is recorded). */
    void trainings(TermTrainingRecord record, Rubric rubric) {
        this.excellentTrainings = record.excellent();
        this.failedTrainings = record.failed();
        this.attendancePoints = rubric.attendance(excellentTrainings.size(), failedTrainings.size());
    }

    public int getAttendancePoints() {
        return attendancePoints;
    }

    public List<Long> getExcellentTrainings() {
        return excellentTrainings;
    }

    public List<Long> getFailedTrainings() {
        return failedTrainings;
    }

    /** The field's request parameter name: prefixed by the task id, so one page holds many rows. */
    public String name(String field) {
        return "t-" + taskId + "-" + field;
    }

    /** Reads this row's posted values; answers whether it was included in this posting. */
    boolean read(Map<String, String[]> params) {
        for (String field : FIELDS) {
            String[] posted = params.get(name(field));
            if (posted != null && posted.length > 0) {
                values.put(field, posted[0] == null ? "" : posted[0].trim());
            }
        }
        included = params.containsKey(name("include"));
        return included;
    }

    /** A problem the engine found when the row was completed (its rules are the same for every client). */
    void reject(String field, String code, Object... args) {
        errors.putIfAbsent(field, new Problem(code, args));
    }

    /** Checks the row with the rules of the task form and TermReviewRules; answers the variables, or null. */
    Map<String, Object> validate(RubricSettings settings) {
        errors.clear();
        Integer archive = whole("archiveDeduction", settings.archiveMaxDeduction());
        Integer lessonPlans = whole("missingLessonPlans", settings.lessonPlanPoints() / settings.lessonPlanDeduction());
        Integer observation = whole("observationDeduction", settings.observationPoints());
        String reason = values.get("deductionReason");
        Rubric.Judgement fromRecords = records == null ? new Rubric.Judgement(0, 0, 0) : records.judgement();
        if (archive != null && lessonPlans != null && observation != null
                && TermReviewRules.overrides(fromRecords, Map.of("archiveDeduction", archive,
                        "missingLessonPlans", lessonPlans, "observationDeduction", observation))
                && (reason == null || reason.isBlank())) {
            errors.put("deductionReason", new Problem("termReview.error.required.overrideReason",
                    fromRecords.archiveDeduction(), fromRecords.missingLessonPlans(), fromRecords.observationDeduction()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        // doubles, as the task form would store them
        variables.put("archiveDeduction", archive.doubleValue());
        variables.put("missingLessonPlans", lessonPlans.doubleValue());
        variables.put("observationDeduction", observation.doubleValue());
        variables.put("deductionReason", reason == null ? "" : reason);
        return variables;
    }

    private Integer whole(String field, int max) {
        String value = values.get(field);
        if (value == null || value.isBlank()) {
            errors.put(field, new Problem("scoring.error.required"));
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.put(field, new Problem("scoring.error.whole"));
            return null;
        }
        if (number < 0 || number > max) {
            errors.put(field, new Problem("scoring.error.range", 0, max));
            return null;
        }
        return number;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public String getTeacherName() {
        return teacherName;
    }

    public String getTermLabel() {
        return termLabel;
    }

    public String getTermHours() {
        return termHours;
    }

    public int getRequiredHours() {
        return requiredHours;
    }

    public int getTrainingHoursPoints() {
        return trainingHoursPoints;
    }

    public int getOverdueReports() {
        return overdueReports;
    }

    public List<String> getOverdueReportIds() {
        return overdueReportIds;
    }

    public int getReportBackPoints() {
        return reportBackPoints;
    }

    public int getArchiveEntries() {
        return archiveEntries;
    }

    public String getSelfAssessment() {
        return selfAssessment;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, Problem> getErrors() {
        return errors;
    }

    public boolean isIncluded() {
        return included;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
