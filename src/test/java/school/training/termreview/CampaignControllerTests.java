package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.notifications.Notification;
import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.tasklist.WebFixtures;
import school.training.web.Csv;
import school.training.web.PageCharts;

/** The office opens a term's review for a group of its own, follows it, reminds, and exports the results. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class CampaignControllerTests {

    static final String GROUP_NAME = "考核批次测试组";

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
    TermReviewCampaigns campaigns;
    @Autowired
    Notifications notifications;

    WebFixtures web;
    String group;
    String leader;
    String teacherA;
    String teacherB;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aGroupOfThree() {
        web = new WebFixtures(identityService);
        group = "cc" + System.nanoTime();
        directory.createTeachingGroup(group, GROUP_NAME, "Campaign test group", 98);
        leader = group + ".leader";
        teacherA = group + ".a";
        teacherB = group + ".b";
        directory.register(leader, "组长丙", Role.GROUP_LEADER, group, "数学", "demo");
        directory.register(teacherA, "教师甲", Role.TEACHER, group, "数学", "demo");
        directory.register(teacherB, "教师乙", Role.TEACHER, group, "数学", "demo");
    }

    @Test
    void theOfficeOpensACampaignForOneGroupAndCannotOpenItTwice() throws Exception {
        MockHttpServletResponse response = mvc.perform(openForm("2026–2027 学年第一学期", today.minusMonths(1),
                today.plusMonths(4), today.plusDays(7), group).with(web.as("zhao.min"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).matches("/term-reviews/\\d+");
        long id = Long.parseLong(response.getRedirectedUrl().substring("/term-reviews/".length()));
        assertThat(campaigns.find(id)).get().satisfies(c -> {
            assertThat(c.getReviews()).isEqualTo(3);
            assertThat(c.getTeachingGroupId()).isEqualTo(group);
            assertThat(c.getOpenedBy()).isEqualTo("zhao.min");
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TermReviewProcess.KEY)
                .variableValueEquals("campaignId", id).count()).isEqualTo(3);

        MockHttpServletResponse again = mvc.perform(openForm("2026–2027 学年第一学期", today.minusMonths(1),
                today.plusMonths(4), today.plusDays(7), group).with(web.as("zhao.min"))).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString()).contains("id=\"err-termLabel\"", "该学期在这个范围内已发起过考核");
        assertThat(campaigns.all()).filteredOn(c -> group.equals(c.getTeachingGroupId())).hasSize(1);
    }

    @Test
    void badInputComesBackWithMessagesBesideTheFieldsAndTheTypedValues() throws Exception {
        int before = campaigns.all().size();
        MockHttpServletResponse response = mvc.perform(openForm("秋季", today, today.minusDays(1),
                today.minusDays(1), group).with(web.as("zhao.min"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page).contains("id=\"err-termLabel\"", "id=\"err-termEnd\"", "id=\"err-selfAssessmentDue\"")
                .doesNotContain("id=\"err-termStart\"", "id=\"err-group\"");
        assertThat(page).contains("value=\"秋季\"", "value=\"" + today.minusDays(1) + "\"")
                .containsPattern("value=\"" + group + "\"\\s+selected");
        assertThat(campaigns.all()).hasSize(before);
    }

    @Test
    void teachersFindNothingAndThePrincipalOnlyReads() throws Exception {
        assertThat(status(get("/term-reviews").with(web.as("li.na")))).isEqualTo(404);
        assertThat(status(openForm("2026–2027 学年第一学期", today, today.plusMonths(4), today.plusDays(7), group)
                .with(web.as("li.na")))).isEqualTo(404);
        assertThat(campaigns.all()).noneMatch(c -> group.equals(c.getTeachingGroupId()));

        String principals = mvc.perform(get("/term-reviews").with(web.as("liu.hua"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(principals).contains("id=\"campaign-list\"").doesNotContain("id=\"campaign-form\"");
        assertThat(status(openForm("2026–2027 学年第一学期", today, today.plusMonths(4), today.plusDays(7), group)
                .with(web.as("liu.hua")))).isEqualTo(403);

        String office = mvc.perform(get("/term-reviews").with(web.as("zhao.min"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(office).contains("id=\"campaign-form\"", "value=\"" + today.plusDays(7) + "\"",
                "value=\"" + school.training.ledger.Term.containing(today).label() + "\"");
    }

    @Test
    void progressShowsTheGroupAtSelfAssessmentAndRemindingTellsEachOfThem() throws Exception {
        TermReviewCampaign campaign = open();
        String page = page("/term-reviews/" + campaign.getId(), "zhao.min");
        String row = between(page, "data-group=\"" + group + "\"", "</tr>");
        assertThat(row).contains(GROUP_NAME).containsPattern("data-step=\"selfAssessment\">3<")
                .containsPattern("data-step=\"leaderScoring\">0<");

        MockHttpServletResponse remind = mvc.perform(post("/term-reviews/" + campaign.getId() + "/remind")
                .with(csrf()).with(web.as("zhao.min"))).andReturn().getResponse();
        assertThat(remind.getStatus()).isEqualTo(302);

        for (String user : new String[] { leader, teacherA, teacherB }) {
            assertThat(notifications.latest(user, 5)).extracting(Notification::getMessageKey)
                    .contains("notify.termReviewSelfAssessmentDue");
        }
        assertThat(status(post("/term-reviews/" + campaign.getId() + "/remind").with(csrf()).with(web.as("li.na"))))
                .isEqualTo(404);
    }

    @Test
    void remindingTellsALeaderOnceWithTheCountOfScoringWaiting() throws Exception {
        TermReviewCampaign campaign = open();
        complete(campaign, teacherA, TermReviewProcess.SELF_ASSESSMENT, Map.of("selfAssessment", "认真完成教学任务。".repeat(6)));
        complete(campaign, teacherB, TermReviewProcess.SELF_ASSESSMENT, Map.of("selfAssessment", "认真完成教学任务。".repeat(6)));

        mvc.perform(post("/term-reviews/" + campaign.getId() + "/remind").with(csrf()).with(web.as("zhao.min")));

        assertThat(notifications.latest(leader, 10)).filteredOn(n -> n.getMessageKey().equals("notify.termReviewScoringDue"))
                .singleElement().satisfies(n -> assertThat(n.getArgs()).startsWith("2"));
        assertThat(notifications.latest(teacherA, 10)).extracting(Notification::getMessageKey)
                .doesNotContain("notify.termReviewSelfAssessmentDue");
    }

    @Test
    void aFinishedReviewIsInTheResultsAndItsExports() throws Exception {
        TermReviewCampaign campaign = open();
        complete(campaign, teacherB, TermReviewProcess.SELF_ASSESSMENT, Map.of("selfAssessment", "认真完成教学任务。".repeat(6)));
        complete(campaign, teacherB, TermReviewProcess.LEADER_SCORING, Map.of("archiveDeduction", 0,
                "missingLessonPlans", 2, "observationDeduction", 0, "deductionReason", "缺两次"));
        complete(campaign, teacherB, TermReviewProcess.PRINCIPAL_CONFIRMATION, Map.of("principalDecision", "approve"));
        complete(campaign, teacherB, TermReviewProcess.APPEAL, Map.of("appealDecision", "accept"));

        MockHttpServletResponse csv = mvc.perform(get("/term-reviews/" + campaign.getId() + "/export/results.csv")
                .with(web.as("liu.hua"))).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
        // 10 + 28 + 0 (no hours) + 20 + 8 + 0 (no training results) = 66, a pass
        assertThat(text).startsWith("\uFEFF教师,教研组,总分,等级\r\n").contains("教师乙," + GROUP_NAME + ",66,合格\r\n")
                .doesNotContain("教师甲");

        String distribution = new String(mvc.perform(get("/term-reviews/" + campaign.getId()
                + "/export/distribution.csv").with(web.as("zhao.min"))).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(distribution).startsWith("\uFEFF教研组,优秀,良好,合格,不合格,合计\r\n")
                .contains(GROUP_NAME + ",0,0,1,0,1\r\n", "全校,0,0,1,0,1\r\n");

        String page = page("/term-reviews/" + campaign.getId(), "zhao.min");
        assertThat(between(page, "data-group=\"" + group + "\"", "</tr>")).containsPattern("data-step=\"finished\">1<")
                .containsPattern("data-step=\"selfAssessment\">2<");
        assertThat(between(page, "data-teacher=\"" + teacherB + "\"", "</tr>")).contains("66", "合格");
    }

    /**
     * A district's campaign publishes thousands of results: the page shows them fifty at a time (one page of all of
     * them would be megabytes), the count, the distribution and the export take them all.
     */
    @Test
    void publishedResultsArePagedOnTheCampaignPageButCountedAndExportedWhole() throws Exception {
        List<String> teachers = new ArrayList<>(List.of(teacherA, teacherB));
        for (int i = 0; i < 49; i++) {
            String teacher = group + ".t" + i;
            directory.register(teacher, "教师" + (100 + i), Role.TEACHER, group, "数学", "demo");
            teachers.add(teacher);
        }
        TermReviewCampaign campaign = open();
        for (String teacher : teachers) { // to the appeal step: the result is published
            complete(campaign, teacher, TermReviewProcess.SELF_ASSESSMENT, Map.of("selfAssessment", "认真完成教学任务。".repeat(6)));
            complete(campaign, teacher, TermReviewProcess.LEADER_SCORING, Map.of("archiveDeduction", 0,
                    "missingLessonPlans", 2, "observationDeduction", 0, "deductionReason", "缺两次"));
            complete(campaign, teacher, TermReviewProcess.PRINCIPAL_CONFIRMATION, Map.of("principalDecision", "approve"));
        }
        String url = "/term-reviews/" + campaign.getId();

        String first = page(url, "zhao.min");
        assertThat(rows(first)).hasSize(CampaignResults.RESULTS_PER_PAGE);
        assertThat(between(first, "id=\"results-title\"", "</h2>")).contains(">51<");
        assertThat(between(first, "id=\"results-pager\"", "</nav>")).contains("第 1 / 2 页")
                .contains("href=\"" + url + "?page=1#results\"").doesNotContain("results-previous");
        assertThat(between(first, "id=\"distribution\"", "</section>")).contains(">51<");

        String second = page(url + "?page=1", "zhao.min");
        assertThat(rows(second)).hasSize(1).doesNotContainAnyElementsOf(rows(first));
        assertThat(between(second, "id=\"results-pager\"", "</nav>")).contains("第 2 / 2 页")
                .contains("href=\"" + url + "?page=0#results\"").doesNotContain("results-next");
        // a page past the end (a bookmark from before a cancellation) shows the last; a negative one the first
        assertThat(rows(page(url + "?page=9", "zhao.min"))).isEqualTo(rows(second));
        assertThat(rows(page(url + "?page=-3", "zhao.min"))).isEqualTo(rows(first));

        String csv = new String(mvc.perform(get(url + "/export/results.csv").with(web.as("zhao.min"))).andReturn()
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(1 + 51);
    }

    /** The teachers whose results a campaign page lists, in its order. */
    private static List<String> rows(String page) {
        List<String> teachers = new ArrayList<>();
        Matcher row = Pattern.compile("<tr data-teacher=\"([^\"]+)\"").matcher(page);
        while (row.find()) {
            teachers.add(row.group(1));
        }
        return teachers;
    }

    @Test
    void theGradeChartDrawsTheWholeCampaignsRowOfTheDistribution() throws Exception {
        TermReviewCampaign campaign = open();
        assertThat(PageCharts.hasChart(page("/term-reviews/" + campaign.getId(), "zhao.min"), "grade-chart"))
                .as("no chart before any result is published").isFalse();
        for (String teacher : new String[] { teacherA, teacherB }) {
            complete(campaign, teacher, TermReviewProcess.SELF_ASSESSMENT,
                    Map.of("selfAssessment", "认真完成教学任务。".repeat(6)));
        }
        complete(campaign, teacherA, TermReviewProcess.LEADER_SCORING, Map.of("archiveDeduction", 0,
                "missingLessonPlans", 0, "observationDeduction", 0));
        complete(campaign, teacherB, TermReviewProcess.LEADER_SCORING, Map.of("archiveDeduction", 0,
                "missingLessonPlans", 2, "observationDeduction", 0, "deductionReason", "缺两次"));
        complete(campaign, teacherA, TermReviewProcess.PRINCIPAL_CONFIRMATION, Map.of("principalDecision", "approve"));
        complete(campaign, teacherB, TermReviewProcess.PRINCIPAL_CONFIRMATION, Map.of("principalDecision", "approve"));

        String page = page("/term-reviews/" + campaign.getId(), "liu.hua");
        JsonNode chart = PageCharts.chart(page, "grade-chart");
        String totalRow = between(page, "<tr class=\"total-row\">", "</tr>");
        List<Long> table = new ArrayList<>();
        for (String grade : CampaignResults.GRADES) {
            Matcher cell = Pattern.compile("data-grade=\"" + grade + "\">(\\d+)<").matcher(totalRow);
            assertThat(cell.find()).as(grade).isTrue();
            table.add(Long.parseLong(cell.group(1)));
        }
        assertThat(table.stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
        assertThat(PageCharts.texts(chart.get("categories"))).containsExactly("优秀", "良好", "合格", "不合格");
        assertThat(PageCharts.series(chart, "人数")).isEqualTo(table);
        assertThat(chart.get("title").asText()).isEqualTo("考核等级分布：2026–2027 学年第一学期");

        JsonNode english = PageCharts.chart(mvc.perform(get("/term-reviews/" + campaign.getId()).param("lang", "en")
                .with(web.as("zhao.min"))).andReturn().getResponse().getContentAsString(), "grade-chart");
        assertThat(PageCharts.texts(english.get("categories"))).containsExactly("Excellent", "Good", "Pass", "Fail");
        assertThat(PageCharts.series(english, "Teachers")).isEqualTo(table);
    }

    @Test
    void englishReadersGetAnEnglishHeader() throws Exception {
        TermReviewCampaign campaign = open();
        String text = new String(mvc.perform(get("/term-reviews/" + campaign.getId() + "/export/results.csv")
                .param("lang", "en").with(web.as("zhao.min"))).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFTeacher,Teaching group,Total,Grade\r\n");
    }

    @Test
    void aFormulaInANameIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("-5")).isEqualTo("-5");
        assertThat(Csv.cell("@me")).isEqualTo("'@me");
    }

    private TermReviewCampaign open() {
        return campaigns.open("2026–2027 学年第一学期", today.minusMonths(1), today.plusMonths(4), today.plusDays(7), group,
                "zhao.min");
    }

    private void complete(TermReviewCampaign campaign, String teacher, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(campaign.getId() + ":" + teacher)
                .taskDefinitionKey(step).singleResult();
        assertThat(task).as(teacher + " at " + step).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    private MockHttpServletRequestBuilder openForm(String label, LocalDate start, LocalDate end, LocalDate due,
            String groupId) {
        return post("/term-reviews").with(csrf()).param("termLabel", label).param("termStart", start.toString())
                .param("termEnd", end.toString()).param("selfAssessmentDue", due.toString()).param("group", groupId);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String page(String url, String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(web.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as("page contains " + from).isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf(to, start));
    }
}
