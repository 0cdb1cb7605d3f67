package school.training.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.records.WaitingByAge;
import school.training.web.PageCharts;

/** Who sees which part of the school on /office, and the CSV a spreadsheet opens. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DashboardControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Directory directory;

    String prefix;
    String mathOverdue;
    String chineseAway;

    @BeforeEach
    void setUp() {
        Trips trips = new Trips(identityService, runtimeService, taskService, managementService);
        prefix = "DCT-" + UUID.randomUUID().toString().substring(0, 8) + " ";
        LocalDate today = LocalDate.now().plusDays(60);
        Trips.setClock(today.atTime(10, 0));
        mathOverdue = trips.reportBack(trips.registered("zhou.tao", prefix + "数学研讨", today.minusDays(5),
                today.minusDays(4)));
        chineseAway = trips.registered("li.na", prefix + "语文观摩", today.minusDays(1), today.plusDays(1));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void officeSeesEveryGroupAndMayNarrowItToOne() throws Exception {
        String page = page("/office", as("zhao.min", "office"));
        String overdue = all("/office", as("zhao.min", "office"), "overdue");
        assertThat(overdue).contains(prefix + "数学研讨");
        assertThat(all("/office", as("zhao.min", "office"), "underWay")).contains(prefix + "语文观摩");
        String row = text(row(overdue, mathOverdue));
        assertThat(row).containsSubsequence("周涛", "数学组", prefix + "数学研讨", "回校报到").endsWith(" 4");
        assertThat(row(overdue, mathOverdue)).contains("href=\"/requests/" + mathOverdue + "\"");
        // on a phone the headings are hidden: every cell names its column (issue 14's walkthrough)
        assertThat(row(overdue, mathOverdue)).contains("data-label=\"教师\"", "data-label=\"教研组\"");
        assertThat(page).contains("<select id=\"group\"", "value=\"science\"");

        String math = page("/office?group=math", as("liu.hua", "principal"));
        assertThat(all("/office?group=math", as("liu.hua", "principal"), "overdue")).contains(prefix + "数学研讨");
        assertThat(all("/office?group=math", as("liu.hua", "principal"), "underWay"))
                .doesNotContain(prefix + "语文观摩");
        assertThat(math).containsPattern("value=\"math\"\\s+selected");
    }

    @Test
    void whatATeacherTypedIsShownAsTextNeverAsMarkup() throws Exception {
        // given: a request whose title is markup (the rows' cells are written by Table.Line, not the template)
        Trips trips = new Trips(identityService, runtimeService, taskService, managementService);
        String title = prefix + "<img src=x onerror=\"alert(1)\"> & 'quotes'";
        String request = trips.requested("li.na", title, LocalDate.now().plusDays(90), LocalDate.now().plusDays(91));

        // when the office opens the approvals waiting in 语文组
        String row = row(all("/office?group=chinese", as("zhao.min", "office"), "approvals"), request);

        // then the title is escaped text in the link to the request, and the row's cells are all there
        assertThat(row).doesNotContain("<img").contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;")
                .contains("<a href=\"/requests/" + request + "\">")
                .contains("data-label=\"教师\"><span>李娜</span>", "class=\"number\" data-label=\"已等天数\"");
    }

    @Test
    void groupLeaderSeesOnlyTheirOwnGroupWhateverTheUrlSays() throws Exception {
        String page = page("/office?group=math", as("chen.jing", "group-leaders"));
        assertThat(all("/office?group=math", as("chen.jing", "group-leaders"), "underWay"))
                .contains(prefix + "语文观摩");
        assertThat(all("/office?group=math", as("chen.jing", "group-leaders"), "overdue"))
                .doesNotContain(prefix + "数学研讨");
        assertThat(page).doesNotContain("<select id=\"group\"").containsPattern("id=\"shown-group\"[^>]*>[^<]*语文组");

        String csv = csv("/office/export/overdue.csv?group=math", as("chen.jing", "group-leaders"));
        assertThat(csv).doesNotContain(prefix);
    }

    @Test
    void theApprovalsChartCountsTheTablesDaysWaitingByAge() throws Exception {
        // given: a group of its own, so the page's table holds every one of its approvals
        String group = "dca" + System.nanoTime();
        directory.createTeachingGroup(group, "看板图表组", "Chart group", 97);
        directory.register(group + ".leader", "组长丁", Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(group + ".t", "教师戊", Role.TEACHER, group, "语文", "demo");
        Trips trips = new Trips(identityService, runtimeService, taskService, managementService);
        LocalDateTime now = LocalDate.now().plusDays(60).atTime(10, 0);
        int[] hoursAgo = { 2, 30, 50, 100, 24 * 8 + 1, 24 * 12 };
        for (int hours : hoursAgo) {
            Trips.setClock(now.minusHours(hours));
            trips.requested(group + ".t", prefix + "等待 " + hours, now.toLocalDate().plusDays(30),
                    now.toLocalDate().plusDays(31));
        }
        Trips.setClock(now);

        // when
        String page = page("/office?group=" + group, as("zhao.min", "office"));

        // then: the chart's bars are the table's "days waiting" column counted by band
        String approvals = section(page, "approvals");
        Matcher days = Pattern.compile("data-label=\"已等天数\"[^>]*>\\s*<span>(\\d+)</span>").matcher(approvals);
        long[] fromTable = new long[4];
        int rows = 0;
        while (days.find()) {
            fromTable[WaitingByAge.band(Long.parseLong(days.group(1)))]++;
            rows++;
        }
        assertThat(rows).as(approvals).isEqualTo(hoursAgo.length);
        JsonNode chart = PageCharts.chart(page, "approvals-chart");
        assertThat(PageCharts.texts(chart.get("categories"))).containsExactly("不到 1 天", "1–2 天", "3–7 天", "超过 7 天");
        assertThat(PageCharts.series(chart, "申请数")).containsExactly(fromTable[0], fromTable[1], fromTable[2],
                fromTable[3]).containsExactly(1L, 2L, 1L, 2L);
        assertThat(chart.get("title").asText()).isEqualTo("待审批的申请已等了多久");

        JsonNode english = PageCharts.chart(page("/office?lang=en&group=" + group, as("liu.hua", "principal")),
                "approvals-chart");
        assertThat(PageCharts.texts(english.get("categories"))).containsExactly("Under 1 day", "1–2 days", "3–7 days",
                "Over 7 days");
        assertThat(PageCharts.series(english, "Requests")).containsExactly(1L, 2L, 1L, 2L);
        // a group without approvals waiting has no chart, only its "none" line
        directory.createTeachingGroup(group + "e", "空组", "Empty group", 96);
        String empty = page("/office?group=" + group + "e", as("zhao.min", "office"));
        assertThat(PageCharts.hasChart(empty, "approvals-chart")).isFalse();
        assertThat(section(empty, "approvals")).contains("class=\"empty\"");
    }

    @Test
    void teachersHaveNoDashboard() throws Exception {
        mvc.perform(get("/office").with(as("li.na", "teachers"))).andExpect(status().isNotFound());
        mvc.perform(get("/office/export/overdue.csv").with(as("li.na", "teachers"))).andExpect(status().isNotFound());
    }

    @Test
    void csvHasByteOrderMarkHeaderInTheReadersLanguageAndTheOverdueRow() throws Exception {
        byte[] bytes = mvc.perform(get("/office/export/overdue.csv").with(as("zhao.min", "office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("教师,教研组,外出学习,环节,截止时间,逾期天数");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("周涛,数学组," + prefix + "数学研讨,回校报到,")
                .endsWith(",4"));

        String english = csv("/office/export/overdue.csv?lang=en", as("zhao.min", "office"));
        assertThat(english).startsWith("\uFEFFTeacher,Group,Outside study,Step,Due,Days overdue\r\n");

        mvc.perform(get("/office/export/nonsense.csv").with(as("zhao.min", "office"))).andExpect(status().isNotFound());
    }

    private RequestPostProcessor as(String userId, String group) {
        return user(userId).authorities(new SimpleGrantedAuthority("GROUP_" + group));
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String csv(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** One section over all its pages (a page shows 50 rows; the shared test database has more). */
    private String all(String url, RequestPostProcessor who, String id) throws Exception {
        StringBuilder html = new StringBuilder();
        for (int page = 0; page < 100; page++) {
            String section = section(page(url + (url.contains("?") ? "&" : "?") + "section=" + id + "&page=" + page,
                    who), id);
            html.append(section);
            if (!section.contains("id=\"more-" + id + "\"")) {
                break;
            }
        }
        return html.toString();
    }

    /** The HTML of one section of the page. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private static String row(String section, String requestId) {
        int start = section.indexOf("data-request=\"" + requestId + "\"");
        assertThat(start).as("row of " + requestId).isPositive();
        return section.substring(start, section.indexOf("</tr>", start));
    }

    private static String text(String html) {
        return html.replaceFirst("^[^>]*>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }
}
