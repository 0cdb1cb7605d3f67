package school.training.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiFunction;

import org.springframework.context.MessageSource;

/** A column of a dashboard list: its heading (message {@code dashboard.column.<id>}) and its text, the same on the page and in CSV. */
enum Column {
    TEACHER("teacher", false, (row, locale) -> row.teacherName()),
    GROUP("group", false, (row, locale) -> row.group() == null ? "—"
            : "en".equals(locale.getLanguage()) && row.group().getNameEn() != null ? row.group().getNameEn()
                    : row.group().getName()),
    TITLE("title", false, (row, locale) -> row.title()),
    STEP("step", false, (row, locale) -> row.step()),
    START_DATE("startDate", false, (row, locale) -> row.startDate() == null ? "" : row.startDate().toString()),
    END_DATE("endDate", false, (row, locale) -> row.endDate() == null ? "" : row.endDate().toString()),
    DUE("due", false, (row, locale) -> row.due() == null ? "" : Minutes.format(row.due())),
    DAYS_OVERDUE("daysOverdue", true, (row, locale) -> row.days() == null ? "" : row.days().toString()),
    SINCE("since", false, (row, locale) -> row.since() == null ? "" : Minutes.format(row.since())),
    DAYS_WAITING("daysWaiting", true, (row, locale) -> row.days() == null ? "" : row.days().toString()),
    AMOUNT("amount", true, (row, locale) -> row.amount() == null ? "" : row.amount().toPlainString()),
    ASSIGNEE("assignee", false, (row, locale) -> row.assignee() == null ? "" : row.assignee());

    private final String id;
    private final boolean number;
    private final BiFunction<DashboardRow, Locale, String> text;

    Column(String id, boolean number, BiFunction<DashboardRow, Locale, String> text) {
        this.id = id;
        this.number = number;
        this.text = text;
    }

    public String getId() {
        return id;
    }

    public boolean isNumber() {
        return number;
    }

    public boolean isTitle() {
        return this == TITLE;
    }

    public String heading(MessageSource messages, Locale locale) {
        return messages.getMessage("dashboard.column." + id, null, id, locale);
    }

    /** The cell's text; a step is shown by its name in the reader's language. */
    public String text(DashboardRow row, MessageSource messages, Locale locale) {
        String value = text.apply(row, locale);
        if (this == STEP && value != null) {
            return messages.getMessage("activity." + value, null, value, locale);
        }
        return value == null ? "" : value;
    }

    /** Held apart because an enum constant may not refer to the enum's own static fields. */
    private static final class Minutes {
        private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        static String format(java.time.LocalDateTime time) {
            return time.format(PATTERN);
        }
    }
}
