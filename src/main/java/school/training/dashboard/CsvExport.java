package school.training.dashboard;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import school.training.web.Csv;

/**
 * A dashboard list as CSV ({@link Csv}); the header row is in the reader's language.
 */
final class CsvExport {


    private CsvExport() {
    }

    static byte[] of(Section section, List<DashboardRow> rows, MessageSource messages, Locale locale) {
        return Csv.of(section.getColumns().stream().map(c -> c.heading(messages, locale)).toList(),
                rows.stream().map(row -> section.getColumns().stream().map(c -> c.text(row, messages, locale)).toList())
                        .toList());
    }


}
