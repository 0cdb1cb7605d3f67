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

    /** Streams the header, then each chunk of rows as {@code rows} hands them over. */
    static void write(Section section, java.util.function.Consumer<java.util.function.Consumer<List<DashboardRow>>> rows,
            MessageSource messages, Locale locale, java.io.OutputStream out) throws java.io.IOException {
        Csv.Writer csv = new Csv.Writer(out).header(section.getColumns().stream().map(c -> c.heading(messages, locale))
                .toList());
        try {
            rows.accept(chunk -> {
                try {
                    csv.rows(chunk.stream().map(row -> section.getColumns().stream()
                            .map(c -> c.text(row, messages, locale)).toList()).toList());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    static byte[] of(Section section, List<DashboardRow> rows, MessageSource messages, Locale locale) {
        return Csv.of(section.getColumns().stream().map(c -> c.heading(messages, locale)).toList(),
                rows.stream().map(row -> section.getColumns().stream().map(c -> c.text(row, messages, locale)).toList())
                        .toList());
    }


}
