package school.training.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every export of the school's lists: CSV (RFC 4180) in UTF-8 with a byte-order mark, which is what
 * makes Excel on a Chinese Windows read the names right. A cell starting with = + - @ (other than a
 * plain number) is defused so a spreadsheet never runs a name or a title as a formula.
 */
public final class Csv {

    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    public static byte[] of(List<String> header, List<? extends List<String>> rows) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes a CSV as it goes, for exports of any length: {@link #header} once, then {@link #rows} page
     * by page, so no list is held whole in memory.
     */
    public static final class Writer {

        private final java.io.Writer out;

        public Writer(java.io.OutputStream out) {
            this.out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        }

        public Writer header(List<String> header) throws java.io.IOException {
            out.write(BOM);
            return rows(List.of(header));
        }

        public Writer rows(List<? extends List<String>> rows) throws java.io.IOException {
            StringBuilder csv = new StringBuilder();
            rows.forEach(row -> line(csv, row));
            out.write(csv.toString());
            return this;
        }

        public void flush() throws java.io.IOException {
            out.flush();
        }
    }

    /** Quoted when needed; a leading = + - @ gets a ' in front unless the cell is a plain number. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
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
}
