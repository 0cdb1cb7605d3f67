package school.training.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A bar chart drawn in the browser by {@code static/js/charts.js} (ECharts) from the figures a page already
 * shows in its table: the page puts {@link #json()} in a {@code data-chart} attribute (our CSP allows no
 * inline script), every text already in the reader's language. The table stays the record; the chart is
 * the picture of the same numbers.
 *
 * @param title shown above the bars and read out as the picture's name
 * @param categories one bar per category (teaching groups, grades, ages)
 * @param series counts per category, stacked when {@code stacked}
 * @param totals when present, bars are drawn as percent of these (one per category) and the axis runs to 100
 * @param target a line across the bars (the 98% degree target), or null
 * @param horizontal bars across (long group names on a phone) rather than up
 * @param unit what the value axis counts ("人", "%")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Chart(String title, List<String> categories, List<Series> series, List<Long> totals, Target target,
        boolean stacked, boolean horizontal, String unit) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One colour of bars; {@code color} null leaves it to the palette. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String name, List<Long> data, String color) {
    }

    /** A marked value on the value axis, with its label. */
    public record Target(BigDecimal value, String label) {
    }

    public static Chart bars(String title, List<String> categories, String unit) {
        return new Chart(title, List.copyOf(categories), List.of(), null, null, false, false, unit);
    }

    public Chart with(String name, List<Long> data, String color) {
        if (data.size() != categories.size()) {
            throw new IllegalArgumentException("One value per category: " + data.size() + " for " + categories.size());
        }
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, List.copyOf(data), color));
        return new Chart(title, categories, List.copyOf(more), totals, target, stacked, horizontal, unit);
    }

    public Chart with(String name, List<Long> data) {
        return with(name, data, null);
    }

    /** Stacked bars drawn as shares of each category's total (the value axis in percent). */
    public Chart percentOf(List<Long> totals) {
        return new Chart(title, categories, series, List.copyOf(totals), target, true, horizontal, "%");
    }

    public Chart asStack() {
        return new Chart(title, categories, series, totals, target, true, horizontal, unit);
    }

    public Chart across() {
        return new Chart(title, categories, series, totals, target, stacked, true, unit);
    }

    public Chart target(BigDecimal value, String label) {
        return new Chart(title, categories, series, totals, new Target(value, label), stacked, horizontal, unit);
    }

    /** Nothing to draw: every count is zero (the page then shows only its table or its "none" line). */
    @JsonIgnore
    public boolean isEmpty() {
        return series.stream().flatMap(s -> s.data().stream()).allMatch(v -> v == null || v == 0);
    }

    /** What the page puts in {@code data-chart}. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
