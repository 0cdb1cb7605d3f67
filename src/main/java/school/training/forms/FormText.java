package school.training.forms;

import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Value formatting and the small, safe markdown subset of form-js text components. Everything from
 * the JSON and from values is HTML-escaped; only the markup produced here is raw.
 */
final class FormText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    private FormText() {
    }

    static String format(Object value, Integer decimalDigits) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal d = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
            d = d.stripTrailingZeros();
            if (d.scale() < 0) {
                d = d.setScale(0);
            }
            return d.toPlainString();
        }
        if (value instanceof Date date) {
            return new SimpleDateFormat("yyyy-MM-dd").format(date);
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }

    /**
     * Renders {@code source}: blocks separated by blank lines become paragraphs or headings
     * ({@code ### }), a line ending in two spaces breaks the line, {@code **bold**} is strong, and
     * {@code {{name}}} is replaced by the escaped value.
     */
    static String render(String source, Map<String, ?> values) {
        if (source == null || source.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String block : source.replace("\r\n", "\n").trim().split("\\n\\s*\\n")) {
            block = block.strip();
            if (block.isEmpty()) {
                continue;
            }
            Matcher h = HEADING.matcher(block);
            if (h.matches()) {
                int level = h.group(1).length();
                html.append("<h").append(level).append('>').append(inline(h.group(2).strip(), values))
                        .append("</h").append(level).append('>');
                continue;
            }
            html.append("<p>");
            String[] lines = block.split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                boolean hardBreak = line.endsWith("  ") && i < lines.length - 1;
                html.append(inline(line.strip(), values));
                if (i < lines.length - 1) {
                    html.append(hardBreak ? "<br>\n" : "\n");
                }
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static String inline(String text, Map<String, ?> values) {
        String escaped = BOLD.matcher(HtmlUtils.htmlEscape(text)).replaceAll("<strong>$1</strong>");
        // Placeholders last, so a value can't be read as markdown
        Matcher m = PLACEHOLDER.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values == null ? null : values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(HtmlUtils.htmlEscape(format(value, null))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
