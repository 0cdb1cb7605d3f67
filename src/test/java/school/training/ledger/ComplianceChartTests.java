package school.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import school.training.tasklist.WebFixtures;
import school.training.web.PageCharts;

/** The compliance page's chart draws the per-group table's figures: who met the rule and who is behind. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ComplianceChartTests {

    private static final Pattern GROUP_ROW = Pattern.compile("<tr id=\"group-([^\"]+)\">\\s*<td>([^<]*)</td>\\s*"
            + "<td class=\"number\">(\\d+)</td>\\s*<td class=\"number met\">(\\d+)</td>");

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;

    @Test
    void theChartHasOneBarPerGroupRowWithItsMetAndBehindCounts() throws Exception {
        for (String rule : new String[] { "educationTechnologyYear", "creditsYear" }) {
            String page = mvc.perform(get("/ledger/compliance").param("rule", rule)
                    .with(new WebFixtures(identityService).as("zhao.min"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<String> names = new ArrayList<>();
            List<Long> teachers = new ArrayList<>();
            List<Long> met = new ArrayList<>();
            List<Long> behind = new ArrayList<>();
            Matcher row = GROUP_ROW.matcher(page);
            while (row.find()) {
                names.add(row.group(2));
                teachers.add(Long.parseLong(row.group(3)));
                met.add(Long.parseLong(row.group(4)));
                behind.add(Long.parseLong(row.group(3)) - Long.parseLong(row.group(4)));
            }
            assertThat(names).as("the demo school's groups in the table").hasSizeGreaterThan(2);

            JsonNode chart = PageCharts.chart(page, "compliance-chart");
            assertThat(PageCharts.texts(chart.get("categories"))).isEqualTo(names);
            assertThat(PageCharts.longs(chart.get("totals"))).isEqualTo(teachers);
            assertThat(PageCharts.series(chart, "达标人数")).isEqualTo(met);
            assertThat(PageCharts.series(chart, "未达标")).isEqualTo(behind);
            assertThat(chart.get("title").asText()).startsWith("各教研组达标情况：");
            assertThat(chart.get("unit").asText()).isEqualTo("%");
        }
    }

    @Test
    void englishReadersGetEnglishLabels() throws Exception {
        String page = mvc.perform(get("/ledger/compliance").param("lang", "en")
                .with(new WebFixtures(identityService).as("liu.hua"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode chart = PageCharts.chart(page, "compliance-chart");
        assertThat(chart.get("title").asText()).startsWith("Who meets it, by group: ");
        assertThat(chart.get("series")).hasSize(2);
        assertThat(chart.get("series").get(0).get("name").asText()).isEqualTo("Meeting it");
        assertThat(chart.get("series").get(1).get("name").asText()).isEqualTo("Behind");
    }
}
