package school.training.register;

import java.util.Map;

import org.springframework.data.domain.Sort;

/**
 * How the register is sorted: by submission (newest first unless asked), title, teacher or state, always
 * with the request id last so that pages neither overlap nor skip a row.
 */
record Sorting(String by, boolean ascending) {

    static final String SUBMITTED = "submitted";
    private static final Map<String, String> PROPERTIES = Map.of(SUBMITTED, "startedAt", "title", "title",
            "teacher", "applicantName", "state", "state");

    static Sorting of(String by, String dir) {
        String column = by != null && PROPERTIES.containsKey(by) ? by : SUBMITTED;
        boolean ascending = dir == null ? !SUBMITTED.equals(column) : "asc".equals(dir);
        return new Sorting(column, ascending);
    }

    Sort sort() {
        Sort.Direction direction = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(direction, PROPERTIES.get(by)).and(Sort.by(direction, "processInstanceId"));
    }

    /** The direction a click on this column's heading asks for: the other one when it is the current sort. */
    String next(String column) {
        if (column.equals(by)) {
            return ascending ? "desc" : "asc";
        }
        return SUBMITTED.equals(column) ? "desc" : "asc";
    }

    public String dir() {
        return ascending ? "asc" : "desc";
    }
}
