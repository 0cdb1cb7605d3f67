package school.training.degree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.people.Degree;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;
import school.training.web.PageCharts;

/** Who sees /degree/statistics, what its tables say, and the CSV a spreadsheet opens. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DegreeStatisticsControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Directory directory;
    @Autowired
    DegreeStatistics statistics;

    RequestPostProcessor as(String userId) {
        return new WebFixtures(identityService).as(userId);
    }

    @Test
    void officeAndPrincipalSeeTheDistributionWithTheWholeSchoolAndTheTarget() throws Exception {
        DegreeStatistics.Row math = statistics.overview("math").groups().get(0);
        DegreeStatistics.Row school = statistics.overview(null).school();
        for (String who : new String[] { "zhao.min", "liu.hua" }) {
            String page = page("/degree/statistics", as(who));
            assertThat(cell(page, "math", "college")).isEqualTo(String.valueOf(math.count(Degree.COLLEGE)));
            assertThat(cell(page, "math", "bachelor")).isEqualTo(String.valueOf(math.count(Degree.BACHELOR)));
            assertThat(cell(page, "math", "teachers")).isEqualTo(String.valueOf(math.teachers()));
            assertThat(cell(page, "math", "share")).isEqualTo(math.bachelorShare().toPlainString());
            assertThat(cell(page, "school", "teachers")).isEqualTo(String.valueOf(school.teachers()));
            assertThat(page).contains("data-group=\"chinese\"", "data-group=\"arts\"", "data-target=\"98\"",
                    "本科及以上占比目标为 98%");
            // the math group is below the target: its row is highlighted
            assertThat(page).containsPattern("<tr data-group=\"math\" class=\"[^\"]*below-target");
        }
        String onlyMath = page("/degree/statistics?group=math", as("liu.hua"));
        assertThat(onlyMath).contains("data-group=\"math\"", "data-group=\"school\"")
                .doesNotContain("data-group=\"chinese\" data-degree").containsPattern("value=\"math\"\\s+selected");
    }

    @Test
    void theChartDrawsTheTablesFiguresAgainstTheTarget() throws Exception {
        Map<String, String> labels = Map.of("secondary", "中专/高中", "college", "专科", "bachelor", "本科", "master", "硕士",
                "doctor", "博士", "unknown", "未登记");
        DegreeStatistics.Overview overview = statistics.overview(null);
        List<String> rows = new ArrayList<>(overview.groups().stream().map(DegreeStatistics.Row::groupId).toList());
        rows.add(DegreeStatistics.SCHOOL);
        String page = page("/degree/statistics", as("liu.hua"));
        JsonNode chart = PageCharts.chart(page, "degree-chart");

        assertThat(PageCharts.texts(chart.get("categories"))).hasSize(rows.size()).contains("数学组", "语文组")
                .last().isEqualTo("全校");
        for (int i = 0; i < rows.size(); i++) {
            String group = rows.get(i);
            assertThat(chart.get("totals").get(i).asText()).as(group).isEqualTo(cell(page, group, "teachers"));
            for (Map.Entry<String, String> degree : labels.entrySet()) {
                assertThat(PageCharts.series(chart, degree.getValue()).get(i)).as(group + " " + degree.getKey())
                        .hasToString(cell(page, group, degree.getKey()));
            }
        }
        // highest degree first, so the bars' 本科 edge is the share with a bachelor's degree or higher
        assertThat(chart.get("series").get(0).get("name").asText()).isEqualTo("博士");
        assertThat(chart.get("series").get(4).get("name").asText()).isEqualTo("中专/高中");
        assertThat(chart.get("target").get("value").asInt()).isEqualTo(98);
        assertThat(chart.get("target").get("label").asText()).isEqualTo("目标 98%");
        assertThat(chart.get("horizontal").asBoolean()).isTrue();

        JsonNode english = PageCharts.chart(page("/degree/statistics?lang=en&group=math", as("zhao.min")),
                "degree-chart");
        assertThat(PageCharts.texts(english.get("categories"))).containsExactly("Mathematics", "Whole school");
        assertThat(english.get("title").asText()).startsWith("Degrees of full-time teachers");
        assertThat(english.get("series").get(2).get("name").asText()).isEqualTo("Bachelor");
        assertThat(english.get("target").get("label").asText()).isEqualTo("Target 98%");
    }

    @Test
    void othersGetNotFound() throws Exception {
        for (String who : new String[] { "li.na", "chen.jing", "zhou.tao" }) {
            mvc.perform(get("/degree/statistics").with(as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/degree/statistics/export/distribution.csv").with(as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/degree/statistics/export/studying.csv").with(as(who))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/degree/statistics/export/nonsense.csv").with(as("zhao.min"))).andExpect(status().isNotFound());
    }

    @Test
    void distributionCsvHasByteOrderMarkHeaderInTheReadersLanguageAndTheTotal() throws Exception {
        byte[] bytes = mvc.perform(get("/degree/statistics/export/distribution.csv").with(as("zhao.min")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("教研组,专任教师,中专/高中,专科,本科,硕士,博士,未登记,本科及以上占比(%),是否达标");
        DegreeStatistics.Row math = statistics.overview("math").groups().get(0);
        assertThat(lines).contains("数学组," + math.teachers() + ",0," + math.count(Degree.COLLEGE) + ","
                + math.count(Degree.BACHELOR) + "," + math.count(Degree.MASTER) + ",0,0," + math.bachelorShare() + ",未达标");
        assertThat(lines[lines.length - 1]).startsWith("全校,");

        String english = csv("/degree/statistics/export/distribution.csv?lang=en", as("liu.hua"));
        assertThat(english).startsWith("\uFEFFGroup,Full-time teachers,Secondary,College,Bachelor,Master,Doctor,"
                + "Not recorded,Bachelor or higher (%),Target met\r\nChinese,");
    }

    @Test
    void studyingCsvListsWhoIsDueWhenAndDefusesFormulas() throws Exception {
        String group = "dsc" + UUID.randomUUID().toString().substring(0, 8);
        directory.createTeachingGroup(group, "控制组" + group, "Control " + group, 91);
        directory.register(group + ".t", "测试教师", Role.TEACHER, group, "数学", "demo");
        directory.changeDegree(group + ".t", Degree.COLLEGE);
        LocalDate due = LocalDate.now().plusDays(100);
        String id = new DegreeStudies(identityService, runtimeService, taskService).registered(group + ".t",
                "=HYPERLINK(\"http://x\",\"大学\")", LocalDate.now().minusYears(1), due);

        String csv = csv("/degree/statistics/export/studying.csv?group=" + group, as("zhao.min"));
        assertThat(csv).isEqualTo("\uFEFF教师,教研组,目标学历,途径,院校,专业,预计毕业,状态\r\n"
                + "测试教师,控制组" + group + ",本科,成人高考,\"'=HYPERLINK(\"\"http://x\"\",\"\"大学\"\")\",数学与应用数学,"
                + due + ",在读\r\n");

        String page = page("/degree/statistics?group=" + group, as("liu.hua"));
        assertThat(page).contains("data-request=\"" + id + "\"", "测试教师", due.toString(), "成人高考");
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String csv(String url, RequestPostProcessor who) throws Exception {
        return page(url, who);
    }

    /** The text of the distribution cell of this group and degree. */
    private static String cell(String page, String group, String degree) {
        String marker = "data-group=\"" + group + "\" data-degree=\"" + degree + "\"";
        int start = page.indexOf(marker);
        assertThat(start).as(marker).isPositive();
        int open = page.indexOf('>', start) + 1;
        return page.substring(open, page.indexOf('<', open)).trim();
    }
}
