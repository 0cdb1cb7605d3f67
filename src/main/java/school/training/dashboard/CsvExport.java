package school.training.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A dashboard list as CSV (RFC 4180) in UTF-8 with a byte-order mark, which is what makes Excel on a
 * Chinese Windows read the names right; the header row is in the reader's language.
 */
final class CsvExport {

    private static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    static byte[] of(Section section, List<DashboardRow> rows, MessageSource messages, Locale locale) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, section.getColumns().stream().map(c -> c.heading(messages, locale)).toList());
        for (DashboardRow row : rows) {
            line(csv, section.getColumns().stream().map(c -> c.text(row, messages, locale)).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs a title as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
