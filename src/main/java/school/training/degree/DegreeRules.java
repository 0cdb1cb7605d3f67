package school.training.degree;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import school.training.forms.FormSubmission;
import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.tasklist.SubmissionRules;

/**
 * What the degree-upgrade forms cannot say in their schema: the current degree is the one on record,
 * the target is above it (unless it is a second degree), completion after the start, graduation not before it, a reason when the study does not match
 * the subject taught, lesson cover for full-time study, and the follow-ups that each need their own
 * details (certificate and date, new date and reason, reason for giving up).
 */
@Component
class DegreeRules implements SubmissionRules {

    private final Clock clock;
    private final RuntimeService runtimeService;
    private final Directory directory;

    DegreeRules(Clock clock, RuntimeService runtimeService, Directory directory) {
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.directory = directory;
    }

    @Override
    public boolean appliesTo(String formId) {
        return formId.startsWith(DegreeProcess.KEY + "-");
    }

    @Override
    public void check(FormSubmission submission, String processInstanceId, String userId) {
        Map<String, Object> values = submission.values();
        Degree current = Degree.of(values.get("currentDegree"));
        Degree recorded = recordedDegree(values, processInstanceId, userId);
        if (current != null && recorded != null && current != recorded) {
            // the school's record decides; a record that is out of date is corrected by the office first
            submission.reject("currentDegree", "degree.error.currentNotAsRecorded", recorded.label());
        }
        Degree target = Degree.of(values.get("targetDegree"));
        if (current != null && target != null && !DegreeProcess.SECOND_DEGREE.equals(values.get("route"))
                && target.compareTo(current) <= 0) {
            submission.reject("targetDegree", "degree.error.targetNotHigher");
        }
        LocalDate start = date(values.get("startDate"));
        LocalDate completion = date(values.get("expectedCompletion"));
        if (start != null && completion != null && !completion.isAfter(start)) {
            submission.reject("expectedCompletion", "degree.error.completionBeforeStart");
        }
        requireWhen(submission, "no".equals(values.get("matchesSubject")), "mismatchReason");
        for (String step : List.of("leader", "principal", "verify")) {
            Object decision = values.get(step + "Decision");
            requireWhen(submission, "reject".equals(decision) || "revise".equals(decision), step + "Comment");
        }
        if ("approve".equals(values.get("principalDecision")) && processInstanceId != null
                && "fullTime".equals(runtimeService.getVariable(processInstanceId, "studyMode"))) {
            requireWhen(submission, true, "lessonCover");
        }
        checkCompletion(submission, processInstanceId);
    }

    private void checkCompletion(FormSubmission submission, String processInstanceId) {
        Map<String, Object> values = submission.values();
        Object status = values.get("completionStatus");
        if ("completed".equals(status)) {
            boolean uploaded = submission.hasFile("certificate");
            if (!uploaded && (processInstanceId == null
                    || runtimeService.getVariable(processInstanceId, "certificate") == null)) {
                submission.reject("certificate", "degree.error.certificateRequired");
            }
            LocalDate graduated = date(values.get("graduationDate"));
            if (graduated == null) {
                submission.reject("graduationDate", "degree.error.graduationDateRequired");
            } else if (graduated.isAfter(LocalDate.now(clock))) {
                submission.reject("graduationDate", "degree.error.graduationInFuture");
            } else if (processInstanceId != null && graduated.isBefore(studyStart(processInstanceId))) {
                // a degree finished before the study the school supported began is not this study's degree
                submission.reject("graduationDate", "degree.error.graduationBeforeStart",
                        studyStart(processInstanceId).toString());
            }
        } else if ("extend".equals(status)) {
            LocalDate newDate = date(values.get("newExpectedCompletion"));
            Object old = processInstanceId == null ? null : runtimeService.getVariable(processInstanceId, "expectedCompletion");
            if (newDate == null || (old != null && !newDate.isAfter(LocalDate.parse(old.toString())))) {
                submission.reject("newExpectedCompletion", "degree.error.extensionDate");
            }
            requireWhen(submission, true, "extensionReason");
        } else if ("gaveUp".equals(status)) {
            requireWhen(submission, true, "gaveUpReason");
        }
    }

    /** The approved study's start (the application's date; the office's registration does not change it). */
    private LocalDate studyStart(String processInstanceId) {
        LocalDate start = date(runtimeService.getVariable(processInstanceId, "startDate"));
        return start == null ? LocalDate.MIN : start;
    }

    /** The applicant's degree on record, when the form states a current degree (application or revision). */
    private Degree recordedDegree(Map<String, Object> values, String processInstanceId, String userId) {
        if (!values.containsKey("currentDegree")) {
            return null;
        }
        Object applicant = processInstanceId == null ? userId : runtimeService.getVariable(processInstanceId, "applicant");
        return directory.find(String.valueOf(applicant)).map(Person::getDegree).orElse(null);
    }

    private static void requireWhen(FormSubmission submission, boolean condition, String key) {
        Object value = submission.values().get(key);
        if (condition && (value == null || value.toString().isBlank())) {
            submission.reject(key, "degree.error.required." + key);
        }
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
