package school.training.degree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import school.training.people.Degree;
import school.training.web.Csv;

/**
 * The degree statistics as CSV ({@link Csv}); the header row is in the reader's language.
 */
final class DegreeStatisticsCsv {


    private DegreeStatisticsCsv() {
    }

    static byte[] distribution(DegreeStatistics.Overview overview, MessageSource messages, Locale locale) {
        List<String> header = new ArrayList<>();
        header.add(text(messages, locale, "degreestats.col.group"));
        header.add(text(messages, locale, "degreestats.col.teachers"));
        for (Degree degree : Degree.values()) {
            header.add(text(messages, locale, "degreestats.degree." + degree.value()));
        }
        header.add(text(messages, locale, "degreestats.degree.unknown"));
        header.add(text(messages, locale, "degreestats.col.share"));
        header.add(text(messages, locale, "degreestats.col.met"));
        List<DegreeStatistics.Row> rows = new ArrayList<>(overview.groups());
        rows.add(overview.school());
        List<List<String>> lines = new ArrayList<>();
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
            lines.add(cells);
        }
        return Csv.of(header, lines);
    }

    static byte[] studying(List<DegreeStatistics.Studying> studying, MessageSource messages, Locale locale) {
        List<String> header = List.of("degreestats.col.teacher", "degreestats.col.group", "degreestats.col.target",
                "degreestats.col.route", "degreestats.col.institution", "degreestats.col.major", "degreestats.col.due",
                "degreestats.col.status").stream().map(key -> text(messages, locale, key)).toList();
        List<List<String>> lines = new ArrayList<>();
        for (DegreeStatistics.Studying s : studying) {
            lines.add(List.of(nonNull(s.teacherName()),
                    groupName(s.groupId(), s.groupName(), s.groupNameEn(), messages, locale),
                    s.targetDegree() == null ? "" : text(messages, locale, "degreestats.degree." + s.targetDegree().value()),
                    s.route() == null ? "" : messages.getMessage("degreestats.route." + s.route(), null, s.route(), locale),
                    nonNull(s.institution()), nonNull(s.major()),
                    s.expectedCompletion() == null ? "" : s.expectedCompletion().toString(),
                    text(messages, locale, s.overdue() ? "degreestats.status.overdue" : "degreestats.step." + s.step())));
        }
        return Csv.of(header, lines);
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


}
