package school.training.research;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The activity page's fields as typed (strings, so a wrong value comes back as it was typed). {@code files}
 * holds the attachment ids already stored — those of the activity and those uploaded with a form that came
 * back with an error — so nothing attached is lost.
 */
public class ActivityForm {

    record Checked(String theme, LocalDate date, String place, String minutes, Set<String> attendees,
            List<String> files) {
    }

    private String theme = "";
    private String date = "";
    private String place = "";
    private String minutes = "";
    private List<String> attendees = new ArrayList<>();
    private List<String> files = new ArrayList<>();
    private Long version;

    static ActivityForm of(ResearchActivity a) {
        ActivityForm form = new ActivityForm();
        form.theme = a.getTheme();
        form.date = a.getDate().toString();
        form.place = a.getPlace() == null ? "" : a.getPlace();
        form.minutes = a.getMinutes();
        form.attendees = new ArrayList<>(a.getAttendees());
        form.files = new ArrayList<>(a.getFiles());
        form.version = a.getVersion();
        return form;
    }

    /**
     * Checks everything at once; errors are field → message code. Attendees must be among {@code members}
     * (the group's people); files among {@code allowedFiles}, the others are dropped.
     */
    Checked check(LocalDate today, LocalDate earliest, Set<String> members, Set<String> allowedFiles,
            Map<String, String> errors) {
        String t = text(theme, "theme", ResearchActivity.THEME_LENGTH, true, errors);
        LocalDate day = null;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
            if (day.isAfter(today)) {
                errors.put("date", "research.error.future");
            } else if (day.isBefore(earliest)) {
                errors.put("date", "research.error.tooOld");
            }
        } catch (DateTimeParseException e) {
            errors.put("date", "research.error.date");
        }
        String p = text(place, "place", ResearchActivity.PLACE_LENGTH, false, errors);
        String m = text(minutes, "minutes", ResearchActivity.MINUTES_LENGTH, true, errors);
        Set<String> who = new LinkedHashSet<>(attendees == null ? List.of() : attendees);
        if (!members.containsAll(who)) {
            errors.put("attendees", "research.error.notMember");
        } else if (who.isEmpty()) {
            errors.put("attendees", "research.error.noAttendees");
        }
        files = new ArrayList<>(new LinkedHashSet<>(files == null ? List.of() : files));
        files.retainAll(allowedFiles);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Checked(t, day, p, m, who, List.copyOf(files));
    }

    private static String text(String value, String field, int max, boolean required, Map<String, String> errors) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (required) {
                errors.put(field, "research.error.required." + field);
            }
            return null;
        }
        if (t.length() > max) {
            errors.put(field, "research.error.tooLong." + field);
        }
        return t;
    }

    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public List<String> getAttendees() { return attendees; }
    public void setAttendees(List<String> attendees) { this.attendees = attendees; }
    public List<String> getFiles() { return files; }
    public void setFiles(List<String> files) { this.files = files; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
