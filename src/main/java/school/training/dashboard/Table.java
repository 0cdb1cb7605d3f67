package school.training.dashboard;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** A section as the page shows it: the same headings and texts as its CSV, the title linking to the request. */
record Table(String id, List<Heading> headings, List<Line> lines, long total, int page, boolean hasNext,
        boolean hasPrevious, long first, long last) {

    record Heading(String text, boolean number) {
    }

    record Cell(String text, boolean number, boolean title) {
    }

    record Line(String requestId, String teacherId, List<Cell> cells) {
    }

    static Table of(OfficeDashboard.Slice slice, MessageSource messages, Locale locale) {
        Table table = of(slice.section(), slice.rows(), messages, locale);
        return new Table(table.id(), table.headings(), table.lines(), slice.total(), slice.page(), slice.hasNext(),
                slice.hasPrevious(), slice.first(), slice.last());
    }

    static Table of(Section section, List<DashboardRow> rows, MessageSource messages, Locale locale) {
        List<Heading> headings = section.getColumns().stream()
                .map(c -> new Heading(c.heading(messages, locale), c.isNumber())).toList();
        List<Line> lines = rows.stream().map(row -> new Line(row.requestId(), row.teacherId(), section.getColumns()
                .stream().map(c -> new Cell(c.text(row, messages, locale), c.isNumber(), c.isTitle())).toList()))
                .toList();
        return new Table(section.getId(), headings, lines, lines.size(), 0, false, false, lines.isEmpty() ? 0 : 1,
                lines.size());
    }
}
