package school.training.register;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import school.training.records.RequestOverview;

/**
 * The register's filters as typed (query parameters, all text so a bad value comes back to the reader as
 * typed, beside its field). {@link #check} reads them; a filter left empty does not narrow.
 */
public class RegisterForm {

    /** The register's views: every request, or the approved trips not yet begun. */
    static final String ALL = "all";
    static final String UPCOMING = "upcoming";

    private String teacher;
    private String title;
    private String number;
    private String process;
    private String state;
    private String from;
    private String to;
    private String group;
    private String sort;
    private String dir;
    private String page;
    private String view;

    /** What {@link #check} made of the text, and the message key beside each field it could not read. */
    record Checked(LocalDate from, LocalDate to, RequestOverview.State state, Sorting sorting, int page,
            Map<String, String> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    Checked check() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.put("to", "register.error.toBeforeFrom");
        }
        RequestOverview.State chosenState = null;
        if (blank(state) == null) {
            // any state
        } else {
            try {
                chosenState = RequestOverview.State.valueOf(state.trim());
            } catch (IllegalArgumentException e) {
                errors.put("state", "register.error.state");
            }
        }
        int pageNumber = 0;
        if (blank(page) != null) {
            try {
                pageNumber = Math.max(0, Integer.parseInt(page.trim()));
            } catch (NumberFormatException e) {
                pageNumber = 0; // a page number is ours, not typed: start over at the first page
            }
        }
        return new Checked(fromDate, toDate, chosenState, Sorting.of(sort, dir), pageNumber, errors);
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "register.error.date");
            return null;
        }
    }

    /** Trimmed text, or null when there is none. */
    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    boolean upcoming() {
        return UPCOMING.equals(view);
    }

    public String getTeacher() {
        return teacher;
    }

    public void setTeacher(String teacher) {
        this.teacher = teacher;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getProcess() {
        return process;
    }

    public void setProcess(String process) {
        this.process = process;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }
}
