package school.training.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.records.RequestOverview;
import school.training.records.RequestOverviews;
import school.training.tasklist.WebFixtures;

/**
 * The request register through its pages and files, on requests this test makes in the app's own
 * engine. The context is shared with other tests, so every query narrows to this test's own titles (a
 * unique prefix) and every assertion looks only at those.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class RegisterTests {

    private static final Pattern ROW = Pattern.compile("data-request=\"([^\"]+)\"");

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
    RequestOverviews overviews;

    WebFixtures web;
    String prefix;
    LocalDate today;

    @BeforeEach
    void setUp() {
        web = new WebFixtures(identityService);
        prefix = "REG" + UUID.randomUUID().toString().substring(0, 8);
        today = LocalDate.now().plusDays(60); // a day of our own, clear of other tests' dates
        setClock(today.atTime(10, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTeacherFindsOnlyHerOwnRequestsWhateverSheAsksFor() throws Exception {
        String mine = requested("li.na", prefix + " mine", today.plusDays(5));
        String others = requested("zhou.tao", prefix + " math", today.plusDays(5));

        assertThat(ids(page("li.na", "title", prefix))).containsExactly(mine);
        assertThat(ids(page("li.na", "title", prefix, "teacher", "zhou.tao"))).containsExactly(mine);
        assertThat(ids(page("li.na", "title", prefix, "group", "math"))).containsExactly(mine);
        assertThat(ids(page("zhou.tao", "title", prefix))).containsExactly(others);
    }

    @Test
    void aLeaderFindsHerGroupsAndHerOwnButNotAnotherGroupsEvenWhenAskingForIt() throws Exception {
        String member = requested("li.na", prefix + " member", today.plusDays(5));
        String own = requested("chen.jing", prefix + " leader", today.plusDays(5));
        String math = requested("zhou.tao", prefix + " math", today.plusDays(5));

        assertThat(ids(page("chen.jing", "title", prefix))).containsExactlyInAnyOrder(member, own);
        assertThat(ids(page("chen.jing", "title", prefix, "group", "math"))).isEmpty();
        assertThat(ids(page("chen.jing", "title", prefix, "teacher", "zhou.tao"))).isEmpty();
        assertThat(ids(page("chen.jing", "title", prefix, "teacher", "李娜"))).containsExactly(member);
        assertThat(ids(page("sun.wei", "title", prefix))).containsExactly(math);
    }

    @Test
    void theOfficeAndThePrincipalFindEveryoneAndNarrowByGroupAndTeacher() throws Exception {
        String chinese = requested("li.na", prefix + " chinese", today.plusDays(5));
        String math = requested("zhou.tao", prefix + " math", today.plusDays(5));

        assertThat(ids(page("zhao.min", "title", prefix))).containsExactlyInAnyOrder(chinese, math);
        assertThat(ids(page("liu.hua", "title", prefix))).containsExactlyInAnyOrder(chinese, math);
        assertThat(ids(page("zhao.min", "title", prefix, "group", "math"))).containsExactly(math);
        assertThat(ids(page("zhao.min", "title", prefix, "teacher", "zhou.tao"))).containsExactly(math);
        assertThat(ids(page("zhao.min", "title", prefix, "teacher", "周"))).containsExactly(math);
    }

    @Test
    void filtersByTitleStateDatesNumberAndProcessAndFinishedRequestsStayFindable() throws Exception {
        setClock(LocalDateTime.of(2021, 3, 15, 9, 0));
        String old = requested("li.na", prefix + " old spring", LocalDate.of(2021, 4, 1));
        setClock(today.atTime(10, 0));
        String registered = registered("li.na", prefix + " registered", today.plusDays(5));
        String rejected = requested("li.na", prefix + " rejected", today.plusDays(5));
        complete(rejected, "leaderReview", Map.of("leaderDecision", "reject"));
        String withdrawn = requested("li.na", prefix + " withdrawn", today.plusDays(5));
        runtimeService.deleteProcessInstance(withdrawn, "withdrawn by the applicant");
        String finished = registered("li.na", prefix + " finished", today.plusDays(1));
        Job timer = managementService.createJobQuery().processInstanceId(finished).activityId("tripEnds")
                .singleResult();
        managementService.executeJob(timer.getId());
        String number = overviews.get(registered).orElseThrow().getApprovalNumber();
        assertThat(number).isNotBlank();

        assertThat(ids(page("zhao.min", "title", prefix + " REJ"))).containsExactly(rejected);
        assertThat(ids(page("zhao.min", "title", prefix, "state", "REJECTED"))).containsExactly(rejected);
        assertThat(ids(page("zhao.min", "title", prefix, "state", "WITHDRAWN"))).containsExactly(withdrawn);
        assertThat(ids(page("zhao.min", "title", prefix, "state", "COMPLETED"))).containsExactly(finished);
        // the finished trip's report-back carries its title and runs on
        assertThat(ids(page("zhao.min", "title", prefix, "state", "RUNNING", "process", "externalStudy")))
                .containsExactlyInAnyOrder(old, registered);
        assertThat(ids(page("zhao.min", "title", prefix, "from", "2021-03-01", "to", "2021-03-15")))
                .containsExactly(old);
        assertThat(ids(page("zhao.min", "title", prefix, "from", today.toString(), "process", "externalStudy")))
                .hasSize(4).doesNotContain(old);
        assertThat(ids(page("zhao.min", "title", prefix, "number", number))).containsExactly(registered);
        assertThat(ids(page("zhao.min", "title", prefix, "process", "externalStudy"))).hasSize(5);
        assertThat(ids(page("zhao.min", "title", prefix, "process", "degreeUpgrade"))).isEmpty();
        assertThat(ids(page("zhao.min", "title", prefix, "process", "postStudyReport"))).hasSize(1)
                .doesNotContain(finished);
        // the teacher finds her finished requests too
        assertThat(ids(page("li.na", "title", prefix, "state", "COMPLETED"))).containsExactly(finished);
        // a title with LIKE's wildcards is taken literally
        assertThat(ids(page("zhao.min", "title", prefix + "%"))).isEmpty();
    }

    @Test
    void fiftyFiveRequestsComeFiftyToAPageWithTheirCountAndSortedAsAsked() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            setClock(today.atTime(8, 0).plusMinutes(i));
            made.add(requested(i % 2 == 0 ? "li.na" : "zhou.tao", prefix + String.format(" %02d", 54 - i),
                    today.plusDays(5)));
        }
        setClock(today.atTime(10, 0));

        String first = page("zhao.min", "title", prefix);
        assertThat(first).contains("第 1–50 条，共 55 条").contains("id=\"more-register\"");
        // newest first: the last one made leads
        assertThat(ids(first)).hasSize(50).first().isEqualTo(made.get(54));
        String second = page("zhao.min", "title", prefix, "page", "1");
        assertThat(ids(second)).containsExactly(made.get(4), made.get(3), made.get(2), made.get(1), made.get(0));
        assertThat(second).contains("第 51–55 条，共 55 条").contains("id=\"previous-register\"");

        // by title, ascending: " 00" (the last made) first
        assertThat(ids(page("zhao.min", "title", prefix, "sort", "title", "dir", "asc"))).first()
                .isEqualTo(made.get(54));
        assertThat(ids(page("zhao.min", "title", prefix, "sort", "submitted", "dir", "asc"))).first()
                .isEqualTo(made.get(0));
        // by teacher: 李娜 (li) before 周涛 (zhou) by the database's order of the names; all of one, then the other
        List<String> byTeacher = ids(page("zhao.min", "title", prefix, "sort", "teacher", "dir", "asc"));
        List<String> byTeacherDesc = ids(page("zhao.min", "title", prefix, "sort", "teacher", "dir", "desc"));
        assertThat(byTeacher.get(0)).isNotEqualTo(byTeacherDesc.get(0));
        List<String> applicants = byTeacher.stream().map(id -> overviews.get(id).orElseThrow().getApplicant())
                .toList();
        long changes = java.util.stream.IntStream.range(1, applicants.size())
                .filter(i -> !applicants.get(i).equals(applicants.get(i - 1))).count();
        assertThat(changes).as("one teacher's rows, then the other's: %s", applicants).isEqualTo(1);
        // by state: the rejected one before the running ones, and last the other way round
        complete(made.get(10), "leaderReview", Map.of("leaderDecision", "reject"));
        assertThat(ids(page("zhao.min", "title", prefix, "sort", "state", "dir", "asc"))).first()
                .isEqualTo(made.get(10));
        assertThat(ids(page("zhao.min", "title", prefix, "sort", "state", "dir", "desc", "page", "1"))).last()
                .isEqualTo(made.get(10));
    }

    @Test
    void aBadDateIsAnsweredBesideItsFieldWithTheOtherFiltersKept() throws Exception {
        MockHttpServletResponse bad = mvc.perform(register("/register", "zhao.min", "title", prefix + " kept",
                "from", "2026-13-40", "state", "RUNNING")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        String html = bad.getContentAsString();
        assertThat(html).contains("id=\"from-error\"").contains("请输入有效日期")
                .contains("value=\"" + prefix + " kept\"").contains("value=\"2026-13-40\"")
                .containsPattern("<option value=\"RUNNING\" selected=\"selected\"");

        String backwards = mvc.perform(register("/register", "zhao.min", "title", prefix, "from", "2026-03-10", "to",
                "2026-03-01")).andReturn().getResponse().getContentAsString();
        assertThat(backwards).contains("id=\"to-error\"").contains("结束日期不能早于开始日期");

        MockHttpServletResponse file = mvc.perform(register("/register.csv", "zhao.min", "from", "2026-13-40"))
                .andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(400);
    }

    @Test
    void theCsvAndTheExcelFileHoldExactlyThePermittedRows() throws Exception {
        String member = requested("li.na", prefix + " member", today.plusDays(5));
        String own = requested("chen.jing", prefix + " leader", today.plusDays(5));
        requested("zhou.tao", prefix + " math", today.plusDays(5));

        MockHttpServletResponse csv = mvc.perform(register("/register.csv", "chen.jing", "title", prefix))
                .andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("\uFEFF审批编号,流程,标题,教师,教研组,状态,当前环节,提交日期,结束日期");
        assertThat(text).contains(prefix + " member", prefix + " leader").doesNotContain(prefix + " math");
        assertThat(text).contains("外出学习申请", "李娜", "语文组", "进行中");

        MockHttpServletResponse xlsx = mvc.perform(register("/register.xlsx", "chen.jing", "title", prefix, "lang",
                "en")).andReturn().getResponse();
        assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Approval number");
            List<String> titles = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    titles.add(row.getCell(2).getStringCellValue());
                }
            }
            assertThat(titles).containsExactlyInAnyOrder(prefix + " member", prefix + " leader");
        }
        // and the office's file holds every group's
        String office = mvc.perform(register("/register.csv", "zhao.min", "title", prefix)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(office.lines()).hasSize(4);
        assertThat(List.of(member, own)).isNotEmpty();
    }

    @Test
    void upcomingTripsListApprovedTripsNotYetBegunByTheirStartDate() throws Exception {
        String later = registered("li.na", prefix + " later", today.plusDays(9));
        String sooner = registered("zhou.tao", prefix + " sooner", today.plusDays(3));
        String away = registered("li.na", prefix + " away", today.minusDays(1)); // begun, not over yet
        String unapproved = requested("li.na", prefix + " unapproved", today.plusDays(4));
        String leavesToday = registered("zhou.tao", prefix + " today", today);

        String html = page("zhao.min", "view", "upcoming", "title", prefix);
        assertThat(ids(html)).containsExactly(sooner, later).doesNotContain(away, unapproved, leavesToday);
        assertThat(html).contains("id=\"upcoming-table\"").contains("市第一中学")
                .contains(today.plusDays(3).toString());
        assertThat(ids(page("liu.hua", "view", "upcoming", "title", prefix))).containsExactly(sooner, later);
        // a teacher has no such view: she gets her own requests
        String teacher = page("li.na", "view", "upcoming", "title", prefix);
        assertThat(teacher).doesNotContain("id=\"upcoming-table\"").doesNotContain("id=\"view-upcoming\"");
        assertThat(ids(teacher)).containsExactlyInAnyOrder(later, away, unapproved);
    }

    @Test
    void theHeaderLinksTheRegisterForStaffButNotForTheAdministrator() throws Exception {
        assertThat(page("li.na")).contains("id=\"nav-register\"");
        assertThat(page("zhao.min")).contains("id=\"nav-register\"").contains("id=\"view-upcoming\"");
        String admin = mvc.perform(get("/").with(web.as("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(admin).doesNotContain("id=\"nav-register\"");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder register(String path, String user, String... params) {
        MockHttpServletRequestBuilder request = get(path).with(web.as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    private String page(String user, String... params) throws Exception {
        MockHttpServletResponse response = mvc.perform(register("/register", user, params)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static void setClock(LocalDateTime now) {
        ClockUtil.setCurrentTime(Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
    }

    /** A short, cheap, municipal outside-study request of one day, waiting for the group leader. */
    private String requested(String applicant, String title, LocalDate start) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("organizer", "市教育局教研室");
        variables.put("level", "municipal");
        variables.put("kind", "training");
        variables.put("location", "市第一中学");
        variables.put("outOfProvince", Boolean.FALSE);
        variables.put("startDate", start.toString());
        variables.put("endDate", start.plusDays(1).toString());
        variables.put("purpose", "学习新课标下的教学方法");
        variables.put("classCover", "王老师代课");
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("applicant", applicant);
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Approved and registered with the approval number the office is offered: waiting for the trip's end. */
    private String registered(String applicant, String title, LocalDate start) {
        String id = requested(applicant, title, start);
        complete(id, "leaderReview", Map.of("leaderDecision", "approve"));
        complete(id, "principalApproval", Map.of("principalDecision", "approve"));
        Task registration = taskService.createTaskQuery().processInstanceId(id)
                .taskDefinitionKey("officeRegistration").singleResult();
        Object number = taskService.getVariable(registration.getId(), "approvalNumber");
        taskService.complete(registration.getId(), number == null ? Map.of() : Map.of("approvalNumber", number));
        assertThat(overviews.get(id).map(RequestOverview::getStep)).contains("tripEnds");
        return id;
    }

    private void complete(String instanceId, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
        if (task != null) {
            taskService.complete(task.getId(), variables);
        }
    }
}
