package school.training.trainings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import school.training.ledger.Category;

/**
 * The planning page's fields as typed (strings, so a wrong value comes back as it was typed), with up to
 * {@link #ROWS} session rows; blank rows are left out.
 */
public class PlanForm {

    static final int ROWS = 6;

    /** One session row as typed. */
    public static class SessionRow {
        private String date = "";
        private String start = "";
        private String end = "";
        private String place = "";
        private String hours = "";

        public String getDate() { return date; }
        public void setDate(String date) { this.date = date; }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public String getEnd() { return end; }
        public void setEnd(String end) { this.end = end; }
        public String getPlace() { return place; }
        public void setPlace(String place) { this.place = place; }
        public String getHours() { return hours; }
        public void setHours(String hours) { this.hours = hours; }

        boolean blank() {
            return (date + start + end + place + hours).isBlank();
        }
    }

    record SessionLine(LocalDate date, LocalTime start, LocalTime end, String place, BigDecimal hours) {
    }

    record Checked(String title, Category category, Audience audience, List<String> groups,
            List<SessionLine> sessions, Set<String> participants) {
    }

    private String title = "";
    private String category = "";
    private String audience = "";
    private List<String> groups = new ArrayList<>();
    private String people = "";
    private List<SessionRow> sessions = new ArrayList<>();

    public PlanForm() {
        fill();
    }

    /** Always {@link #ROWS} rows on the page. */
    void fill() {
        while (sessions.size() < ROWS) {
            sessions.add(new SessionRow());
        }
    }

    /** Checks everything at once; errors are field → message code (session fields as {@code sessions[i].date}). */
    Checked check(Trainings trainings, Who user, Map<String, String> errors) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            errors.put("title", "trainings.error.required");
        } else if (t.length() > 200) {
            errors.put("title", "trainings.error.tooLong");
        }
        Category c = enumOf(Category.class, category);
        if (c == null) {
            errors.put("category", "trainings.error.required");
        }
        Audience a = enumOf(Audience.class, audience);
        if (a == null) {
            errors.put("audience", "trainings.error.required");
        }
        List<SessionLine> lines = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionRow row = sessions.get(i);
            if (row.blank()) {
                continue;
            }
            String p = "sessions[" + i + "].";
            LocalDate date = parse(() -> LocalDate.parse(row.date.strip()), p + "date", errors);
            LocalTime start = parse(() -> LocalTime.parse(row.start.strip()), p + "start", errors);
            LocalTime end = parse(() -> LocalTime.parse(row.end.strip()), p + "end", errors);
            if (start != null && end != null && !end.isAfter(start)) {
                errors.put(p + "end", "trainings.error.endBeforeStart");
            }
            String place = row.place == null ? "" : row.place.strip();
            if (place.isEmpty()) {
                errors.put(p + "place", "trainings.error.required");
            } else if (place.length() > 200) {
                errors.put(p + "place", "trainings.error.tooLong");
            }
            BigDecimal hours = null;
            try {
                hours = new BigDecimal(row.hours.strip());
                if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.scale() > 1) {
                    errors.put(p + "hours", "trainings.error.hours");
                }
            } catch (NumberFormatException e) {
                errors.put(p + "hours", "trainings.error.hours");
            }
            lines.add(new SessionLine(date, start, end, place, hours));
        }
        if (lines.isEmpty()) {
            errors.put("sessions", "trainings.error.sessions");
        }
        Set<String> participants = a == null ? null
                : trainings.audienceOf(user, a, groups == null ? List.of() : groups, people, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Checked(t, c, a, a == Audience.GROUPS ? groups : List.of(), lines, participants);
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> parse, String field, Map<String, String> errors) {
        try {
            return parse.get();
        } catch (DateTimeParseException | NullPointerException e) {
            errors.put(field, "trainings.error.format");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public List<String> getGroups() { return groups; }
    public void setGroups(List<String> groups) { this.groups = groups; }
    public String getPeople() { return people; }
    public void setPeople(String people) { this.people = people; }
    public List<SessionRow> getSessions() { return sessions; }
    public void setSessions(List<SessionRow> sessions) { this.sessions = sessions; }
}
