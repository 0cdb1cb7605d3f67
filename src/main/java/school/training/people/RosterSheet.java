package school.training.people;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A roster file as read: which columns it has and its rows of trimmed text, each with the line number the
 * office sees in Excel (or in the CSV), so every problem can say where to look. Kept in the HTTP session
 * between preview and import, hence serializable.
 */
record RosterSheet(String fileName, List<RosterColumn> columns, List<Line> lines) implements Serializable {

    record Line(int number, Map<RosterColumn, String> cells) implements Serializable {

        /** The cell's text, or null when the column is missing or the cell is empty. */
        String get(RosterColumn column) {
            String text = cells.get(column);
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
