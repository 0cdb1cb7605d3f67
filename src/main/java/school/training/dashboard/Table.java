package school.training.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/** A section as the page shows it: the same headings and texts as its CSV, the title linking to the request. */
record Table(String id, List<Heading> headings, List<Line> lines, long total, int page, boolean hasNext,
        boolean hasPrevious, long first, long last) {

    record Heading(String text, boolean number) {
    }

    /** A cell, with its column's heading as its label (shown before it where a narrow screen stacks the row). */
    record Cell(String text, boolean number, boolean title, String label) {
    }

    /**
     * A row. {@link #cellsHtml()} is its cells as the page shows them, written here rather than by the template:
     * the dashboard's seven sections have hundreds of cells, and Thymeleaf's work per cell (a loop variable set
     * and restored on the request, five expressions) was most of the page's rendering.
     */
    record Line(String requestId, String teacherId, List<Cell> cells, String requestLink) {

        /** {@code <td>}s: a number right-aligned, the title a link to the request, each text escaped. */
        public String cellsHtml() {
            StringBuilder html = new StringBuilder(cells.size() * 64);
            for (Cell cell : cells) {
                html.append("<td").append(cell.number() ? " class=\"number\"" : "").append(" data-label=\"")
                        .append(HtmlUtils.htmlEscape(cell.label())).append("\">");
                if (cell.title()) {
                    html.append("<a href=\"").append(HtmlUtils.htmlEscape(requestLink)).append("\">")
                            .append(HtmlUtils.htmlEscape(cell.text())).append("</a>");
                } else {
                    html.append("<span>").append(HtmlUtils.htmlEscape(cell.text())).append("</span>");
                }
                html.append("</td>");
            }
            return html.toString();
        }
    }

    /** {@code contextPath}: where the app is served ("" at the root), as the request says. */
    static Table of(OfficeDashboard.Slice slice, MessageSource messages, Locale locale, String contextPath) {
        Table table = of(slice.section(), slice.rows(), messages, locale, contextPath);
        return new Table(table.id(), table.headings(), table.lines(), slice.total(), slice.page(), slice.hasNext(),
                slice.hasPrevious(), slice.first(), slice.last());
    }

    static Table of(Section section, List<DashboardRow> rows, MessageSource messages, Locale locale,
            String contextPath) {
        List<Heading> headings = section.getColumns().stream()
                .map(c -> new Heading(c.heading(messages, locale), c.isNumber())).toList();
        List<Column> columns = section.getColumns();
        List<Line> lines = rows.stream().map(row -> {
            List<Cell> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                cells.add(new Cell(c.text(row, messages, locale), c.isNumber(), c.isTitle(), headings.get(i).text()));
            }
            return new Line(row.requestId(), row.teacherId(), cells, contextPath + "/requests/"
                    + UriUtils.encodePathSegment(row.requestId(), StandardCharsets.UTF_8));
        }).toList();
        return new Table(section.getId(), headings, lines, lines.size(), 0, false, false, lines.isEmpty() ? 0 : 1,
                lines.size());
    }
}
