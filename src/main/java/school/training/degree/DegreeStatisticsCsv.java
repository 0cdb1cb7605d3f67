package school.training.degree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import school.training.people.Degree;

/**
 * The degree statistics as CSV (RFC 4180) in UTF-8 with a byte-order mark, so Excel on a Chinese Windows
 * reads the names right; the header row is in the reader's language; a cell starting with = + - @ is
 * defused so a spreadsheet never runs it as a formula.
 */
final class DegreeStatisticsCsv {

    private static final String BOM = "\uFEFF";

    private DegreeStatisticsCsv() {
    }

    static byte[] distribution(DegreeStatistics.Overview overview, MessageSource messages, Locale locale) {
        StringBuilder csv = new StringBuilder(BOM);
        List<String> header = new ArrayList<>();
        header.add(text(messages, locale, "degreestats.col.group"));
        header.add(text(messages, locale, "degreestats.col.teachers"));
        for (Degree degree : Degree.values()) {
            header.add(text(messages, locale, "degreestats.degree." + degree.value()));
        }
        header.add(text(messages, locale, "degreestats.degree.unknown"));
        header.add(text(messages, locale, "degreestats.col.share"));
        header.add(text(messages, locale, "degreestats.col.met"));
        line(csv, header);
        List<DegreeStatistics.Row> rows = new ArrayList<>(overview.groups());
        rows.add(overview.school());
        for (DegreeStatistics.Row row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(groupName(row.groupId(), row.groupName(), row.groupNameEn(), messages, locale));
            cells.add(String.valueOf(row.teachers()));
            for (Degree degree : Degree.values()) {
                cells.add(String.valueOf(row.count(degree)));
            }
            cells.add(String.valueOf(row.unknown()));
            cells.add(row.bachelorShare() == null ? "" : row.bachelorShare().toPlainString());
            cells.add(text(messages, locale, row.targetMet() ? "degreestats.met.yes" : "degreestats.met.no"));
            line(csv, cells);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] studying(List<DegreeStatistics.Studying> studying, MessageSource messages, Locale locale) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.of("degreestats.col.teacher", "degreestats.col.group", "degreestats.col.target",
                "degreestats.col.route", "degreestats.col.institution", "degreestats.col.major", "degreestats.col.due",
                "degreestats.col.status").stream().map(key -> text(messages, locale, key)).toList());
        for (DegreeStatistics.Studying s : studying) {
            line(csv, List.of(nonNull(s.teacherName()),
                    groupName(s.groupId(), s.groupName(), s.groupNameEn(), messages, locale),
                    s.targetDegree() == null ? "" : text(messages, locale, "degreestats.degree." + s.targetDegree().value()),
                    s.route() == null ? "" : messages.getMessage("degreestats.route." + s.route(), null, s.route(), locale),
                    nonNull(s.institution()), nonNull(s.major()),
                    s.expectedCompletion() == null ? "" : s.expectedCompletion().toString(),
                    text(messages, locale, s.overdue() ? "degreestats.status.overdue" : "degreestats.step." + s.step())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String groupName(String id, String name, String nameEn, MessageSource messages, Locale locale) {
        if (DegreeStatistics.SCHOOL.equals(id)) {
            return text(messages, locale, "degreestats.school");
        }
        if (name == null) {
            return text(messages, locale, "degreestats.noGroup");
        }
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }

    private static String text(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
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

    /** Quoted when needed; a leading = + - @ (other than a plain number) gets a ' in front. */
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
