package school.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a chart's figures out of a page as the browser's charts.js does: the {@code data-chart} JSON of an element. */
public final class PageCharts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PageCharts() {
    }

    /** The chart data of the element with this id; fails when the page has no such chart. */
    public static JsonNode chart(String page, String id) {
        Matcher found = Pattern.compile("<div[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*\\sdata-chart=\"([^\"]*)\"")
                .matcher(page);
        assertThat(found.find()).as("a chart #" + id + " in the page").isTrue();
        try {
            return JSON.readTree(HtmlUtils.htmlUnescape(found.group(1)));
        } catch (JsonProcessingException e) {
            throw new AssertionError("chart #" + id + " has no JSON: " + found.group(1), e);
        }
    }

    public static boolean hasChart(String page, String id) {
        return Pattern.compile("\\sid=\"" + Pattern.quote(id) + "\"[^>]*\\sdata-chart=").matcher(page).find();
    }

    /** The values of a series named {@code name}. */
    public static List<Long> series(JsonNode chart, String name) {
        for (JsonNode series : chart.get("series")) {
            if (series.get("name").asText().equals(name)) {
                return longs(series.get("data"));
            }
        }
        throw new AssertionError("no series " + name + " in " + chart);
    }

    public static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    public static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
