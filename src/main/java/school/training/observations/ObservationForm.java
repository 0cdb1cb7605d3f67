package school.training.observations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import school.training.people.Person;

/**
 * The observation page's fields as typed (strings, so a wrong value comes back as it was typed). The observed
 * teacher is chosen ({@code observedId}) or typed ({@code observedName}, a visiting teacher); an empty subject
 * is taken from the chosen teacher.
 */
public class ObservationForm {

    record Checked(LocalDate date, String className, String subject, String observedId, String observedName,
            String topic, String notes, String suggestions) {
    }

    private String date = "";
    private String className = "";
    private String subject = "";
    private String observedId = "";
    private String observedName = "";
    private String topic = "";
    private String notes = "";
    private String suggestions = "";
    private Long version;

    static ObservationForm of(LessonObservation o) {
        ObservationForm form = new ObservationForm();
        form.date = o.getLessonDate().toString();
        form.className = o.getClassName();
        form.subject = o.getSubject();
        form.observedId = o.getObservedId() == null ? "" : o.getObservedId();
        form.observedName = o.getObservedName() == null ? "" : o.getObservedName();
        form.topic = o.getTopic() == null ? "" : o.getTopic();
        form.notes = o.getNotes() == null ? "" : o.getNotes();
        form.suggestions = o.getSuggestions();
        form.version = o.getVersion();
        return form;
    }

    /**
     * Checks everything at once; errors are field → message code. {@code earliest} is the first day a lesson
     * may have been given (the previous term's start), {@code today} the last.
     */
    Checked check(String observer, LocalDate today, LocalDate earliest, java.util.function.Function<String,
            Optional<Person>> people, Map<String, String> errors) {
        LocalDate day = null;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
            if (day.isAfter(today)) {
                errors.put("date", "observations.error.future");
            } else if (day.isBefore(earliest)) {
                errors.put("date", "observations.error.tooOld");
            }
        } catch (DateTimeParseException e) {
            errors.put("date", "observations.error.date");
        }
        String klass = text(className, "className", LessonObservation.CLASS_LENGTH, true, errors);
        String chosen = observedId == null || observedId.isBlank() ? null : observedId.strip();
        String typedName = text(observedName, "observedName", LessonObservation.NAME_LENGTH, false, errors);
        Person observed = null;
        if (chosen != null) {
            observed = people.apply(chosen).filter(Person::isActive).orElse(null);
            if (observed == null) {
                errors.put("observedId", "observations.error.unknownTeacher");
            } else if (observed.getId().equals(observer)) {
                errors.put("observedId", "observations.error.self");
            }
        } else if (typedName == null && !errors.containsKey("observedName")) {
            errors.put("observedId", "observations.error.teacherRequired");
        }
        if ((subject == null || subject.isBlank()) && observed != null && observed.getSubject() != null) {
            subject = observed.getSubject();
        }
        String subj = text(subject, "subject", LessonObservation.SUBJECT_LENGTH, true, errors);
        String top = text(topic, "topic", LessonObservation.TOPIC_LENGTH, false, errors);
        String note = text(notes, "notes", LessonObservation.NOTES_LENGTH, false, errors);
        String advice = text(suggestions, "suggestions", LessonObservation.SUGGESTIONS_LENGTH, true, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Checked(day, klass, subj, observed == null ? null : observed.getId(),
                observed == null ? typedName : null, top, note, advice);
    }

    /** Trimmed text, null when empty; a required one missing or any one too long is an error of its field. */
    private static String text(String value, String field, int max, boolean required, Map<String, String> errors) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (required) {
                errors.put(field, "observations.error.required." + field);
            }
            return null;
        }
        if (t.length() > max) {
            errors.put(field, "observations.error.tooLong." + field);
        }
        return t;
    }

    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getClassName() { return className; }
    public void setClassName(String className) { this.className = className; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getObservedId() { return observedId; }
    public void setObservedId(String observedId) { this.observedId = observedId; }
    public String getObservedName() { return observedName; }
    public void setObservedName(String observedName) { this.observedName = observedName; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getSuggestions() { return suggestions; }
    public void setSuggestions(String suggestions) { this.suggestions = suggestions; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
