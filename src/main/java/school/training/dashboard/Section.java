package school.training.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The lists of the office dashboard, in page order; the id names the section on the page, in messages and in the CSV URL. */
enum Section {
    UNDER_WAY("underWay", Column.TEACHER, Column.GROUP, Column.TITLE, Column.START_DATE, Column.END_DATE),
    RETURNING_TODAY("returningToday", Column.TEACHER, Column.GROUP, Column.TITLE, Column.START_DATE, Column.END_DATE),
    CHECK_INS_TODAY("checkInsToday", Column.TEACHER, Column.GROUP, Column.TITLE, Column.END_DATE, Column.DUE),
    OVERDUE("overdue", Column.TEACHER, Column.GROUP, Column.TITLE, Column.STEP, Column.DUE, Column.DAYS_OVERDUE),
    REVIEWS("reviews", Column.TEACHER, Column.GROUP, Column.TITLE, Column.ASSIGNEE, Column.SINCE,
            Column.DAYS_WAITING),
    REIMBURSEMENTS("reimbursements", Column.TEACHER, Column.GROUP, Column.TITLE, Column.AMOUNT, Column.SINCE,
            Column.ASSIGNEE),
    APPROVALS("approvals", Column.TEACHER, Column.GROUP, Column.TITLE, Column.STEP, Column.SINCE,
            Column.DAYS_WAITING, Column.ASSIGNEE);

    private final String id;
    private final List<Column> columns;

    Section(String id, Column... columns) {
        this.id = id;
        this.columns = List.of(columns);
    }

    public String getId() {
        return id;
    }

    public List<Column> getColumns() {
        return columns;
    }

    static Optional<Section> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
