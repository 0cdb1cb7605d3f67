package school.training.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.web.Statements;

/**
 * What a page asks the database for, beyond its own business (issue 12, point 2: our pages against the same work
 * through /engine-rest): a form sent and redirected renders nothing, so it counts no notifications; a leader's task
 * page does not ask the engine whether she may withdraw a teacher's request; a request whose trip has not ended has
 * no report-back to look for; a task page finds the request's forms and who started it without the engine's
 * historic instance, and the deployment's resource names once per deployment; a process version's forms and name
 * are read once; the office takes and completes its task in one engine command.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class PageCostTests {

    private static final String[] UNREAD_COUNT = { "count(", "from notification", "read_at is null" };
    private static final String[] REPORT_BACK_LOOKUP = { "from ACT_HI_PROCINST", "BUSINESS_KEY_ = ?" };
    private static final String[] WITHDRAWAL_CHECK = { "from ACT_RU_EXECUTION RES inner join ACT_RE_PROCDEF",
            "PARENT_ID_ is null" };

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Notifications notifications;
    @Autowired
    Directory directory;
    @Autowired
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;
    @Autowired
    javax.sql.DataSource dataSource;

    WebFixtures web;
    String request;

    @BeforeEach
    void liNaAsks() throws Exception {
        web = new WebFixtures(identityService);
        request = web.submitRequest(mvc, "li.na");
    }

    @Test
    void aPageCountsTheUnreadForItsBadgeAFormSentAndRedirectedDoesNot() throws Exception {
        notifications.notify("li.na", "notify.checkInDue", "/requests/" + request, "页面成本");
        long id = notifications.latest("li.na", 1).get(0).getId();

        Statements.Cost<String> page = Statements.count(() -> mvc.perform(get("/notifications").with(web.as("li.na")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.result()).contains("id=\"notifications-link\"").contains("李娜");
        assertThat(page.sent(UNREAD_COUNT)).isOne();

        Statements.Cost<Object> sent = Statements.count(() -> mvc.perform(post("/notifications/" + id + "/read")
                .with(csrf()).with(web.as("li.na"))).andExpect(status().is3xxRedirection()).andReturn());
        assertThat(sent.statements()).isPositive();
        assertThat(sent.sent(UNREAD_COUNT)).isZero();
    }

    @Test
    void aLeadersTaskPageOnAnUnregisteredRequestAsksNeitherForAWithdrawalNorForAReportBack() throws Exception {
        String task = taskService.createTaskQuery().processInstanceId(request).singleResult().getId();
        page("/tasks/" + task, "chen.jing"); // the first page of a process version learns its forms and name

        Statements.Cost<String> leader = page("/tasks/" + task, "chen.jing");
        assertThat(leader.result()).doesNotContain("id=\"withdraw\"");
        assertThat(leader.sent(WITHDRAWAL_CHECK)).isZero();
        assertThat(leader.sent(REPORT_BACK_LOOKUP)).isZero();
        // the request's documents come from the task's process definition, the timeline's first name from the
        // request's record: the engine's history of the instance itself is not asked for
        assertThat(leader.sent("from ACT_HI_PROCINST")).isZero();
        assertThat(leader.result()).contains("李娜");
        // the deployment's list of resources is read once per deployment, not per page
        assertThat(leader.sent("select NAME_ from ACT_GE_BYTEARRAY")).isZero();
        // 抄送: everyone read once, at most one past the limit, not counted first (a list, or past the limit — as
        // here once other tests have registered a district's teachers — the field with suggestions)
        assertThat(leader.result()).contains("id=\"copyTo\"");
        assertThat(leader.sent("count(", "from person")).isZero();

        // the applicant still gets the check, and the button
        Statements.Cost<String> applicant = Statements.count(() -> mvc.perform(get("/requests/" + request)
                .with(web.as("li.na"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(applicant.result()).contains("id=\"withdraw\"");
        assertThat(applicant.sent(WITHDRAWAL_CHECK)).isOne();
        // who may read it is decided from the request's record, not from a variable query of its own
        assertThat(applicant.sent("from ACT_HI_VARINST", "NAME_ = ?")).isZero();
    }

    @Test
    void theApplicantsPageReadsItsProcessVersionOnceAndTheWithdrawalCheckInOneEngineCommand() throws Exception {
        page("/requests/" + request, "li.na"); // the first page of a process version learns its forms and name

        Statements.Cost<String> applicant = page("/requests/" + request, "li.na");

        assertThat(applicant.result()).contains("id=\"withdraw\"").contains("外出学习");
        // the request's name and its documents' forms from its own process version, read once
        assertThat(applicant.sent("MAX_VERSION")).isZero();
        assertThat(applicant.sent("from ACT_RE_DEPLOYMENT")).isZero();
        // (the version from the request's tasks in history, which the page reads anyway)
        assertThat(applicant.sent("from ACT_HI_PROCINST")).isZero();
        // the withdrawal check's instance, variable and waiting steps share what the engine read for the first
        assertThat(applicant.sent(WITHDRAWAL_CHECK)).isOne();
        assertThat(applicant.sent("select * from ACT_RU_EXECUTION where ID_")).isZero();
        assertThat(applicant.sent("select * from ACT_RE_PROCDEF where ID_")).isOne();
        // its tasks' history once, for the documents, the timeline's owners and her own waiting step (none here)
        assertThat(applicant.sent("from ACT_HI_TASKINST")).isOne();
        assertThat(applicant.sent("from ACT_RU_TASK RES", "ASSIGNEE_ = ?")).isZero();
    }

    @Test
    void theRequestPageLinksTheViewersOwnWaitingStepFromTheTasksHistory() throws Exception {
        String review = taskService.createTaskQuery().processInstanceId(request).singleResult().getId();

        Statements.Cost<String> leader = page("/requests/" + request, "chen.jing");

        assertThat(leader.result()).contains("/tasks/" + review);
        assertThat(leader.sent("from ACT_HI_TASKINST")).isOne();
        assertThat(page("/requests/" + request, "li.na").result()).doesNotContain("/tasks/" + review);
    }

    @Test
    void theOfficesTaskPageAndDecisionAskTheEngineForItsTaskOnce() throws Exception {
        taskService.complete(taskService.createTaskQuery().processInstanceId(request).singleResult().getId(),
                Map.of("leaderDecision", "approve"));
        String registration = taskService.createTaskQuery().processInstanceId(request)
                .taskDefinitionKey("officeRegistration").singleResult().getId();
        page("/tasks/" + registration, "zhao.min");

        Statements.Cost<String> office = page("/tasks/" + registration, "zhao.min");
        // the request's tasks in history once, for its documents and its timeline
        assertThat(office.sent("from ACT_HI_TASKINST")).isOne();

        // the waiting step's group comes from its history; the task's own links are read once, for the hand-over
        assertThat(office.result()).contains("待办公室认领");
        assertThat(office.sent("from ACT_HI_IDENTITYLINK")).isOne();
        assertThat(office.sent("from ACT_RU_IDENTITYLINK where TASK_ID_")).isOne();
        // and the task once: found hers, then offered for hand-over from the same read
        assertThat(office.sent("from ACT_RU_TASK")).isOne();
        // the office's page suggests a number before it registers: still no report-back before the trip ends
        assertThat(office.sent(REPORT_BACK_LOOKUP)).isZero();
        assertThat(office.sent("MAX_VERSION")).isZero();

        String number = (String) runtimeService.getVariable(request, "approvalNumber");
        RequestPostProcessor clerk = web.as("zhao.min"); // her groups, looked up by the test, not by the page
        Statements.Cost<Integer> decided = Statements.count(() -> mvc.perform(post("/tasks/" + registration)
                .param("approvalNumber", number).with(csrf()).with(clerk))
                .andReturn().getResponse().getStatus());

        assertThat(decided.result()).isEqualTo(302);
        assertThat(runtimeService.getActiveActivityIds(request)).containsExactly("tripEnds");
        // found hers by its row and candidates (no lookup of her groups: she carries them), then taken and
        // completed in one engine command: the task's row is read once there and goes without an update first
        assertThat(decided.sent("select * from ACT_RU_TASK where ID_")).isEqualTo(2);
        assertThat(decided.sent("from ACT_ID_GROUP")).isZero();
        assertThat(decided.sent("count(", "from ACT_RU_TASK")).isZero();
        assertThat(decided.sent("update ACT_RU_TASK")).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(registration).singleResult()
                .getAssignee()).isEqualTo("zhao.min");
        // and the timeline names her as the one who registered it
        assertThat(page("/requests/" + request, "li.na").result()).contains("赵敏");
    }

    @Test
    void theTimelineNamesEveryoneInItWithOneQueryNotOnePerStep() throws Exception {
        // given: li.na asked, her leader approved, the office registered it: three people on the timeline
        taskService.complete(taskService.createTaskQuery().processInstanceId(request).singleResult().getId(),
                Map.of("leaderDecision", "approve"));
        Statements.Cost<String> before = page("/requests/" + request, "li.na");
        String registration = taskService.createTaskQuery().processInstanceId(request)
                .taskDefinitionKey("officeRegistration").singleResult().getId();
        taskService.claim(registration, "zhao.min");
        taskService.complete(registration, Map.of("approvalNumber", runtimeService.getVariable(request,
                "approvalNumber")));

        // when the applicant opens her request
        Statements.Cost<String> after = page("/requests/" + request, "li.na");

        // then the timeline names all three
        assertThat(after.result()).contains("李娜").contains("陈静").contains("赵敏");
        // in one query by several ids for the timeline ("in (…)" on H2, an array on PostgreSQL; the signed-in person
        // is looked up by her id, for the page's header), as many as when it named two
        assertThat(after.sent("from person") - after.sent("from person", "where p1_0.id=?")).isOne();
        assertThat(after.sent("from person")).isEqualTo(before.sent("from person"));
    }

    @Test
    void theHomePagesNewRequestButtonsAreNotAskedOfTheEngineOnEveryView() throws Exception {
        page("/", "zhou.tao");

        // li.na's home also lists her requests (their processes named from the newest versions too; in the whole
        // suite hers on the first page may be other tests' requests, made at later engine times)
        Statements.Cost<String> again = page("/", "li.na");

        assertThat(again.result()).contains("id=\"start-externalStudy\"").contains("id=\"start-degreeUpgrade\"")
                .contains("id=\"my-requests\"").doesNotContain("您还没有提交过申请");
        assertThat(again.sent("MAX_VERSION")).isZero();
    }

    @Test
    void theHomePageAsksOnceForTheDeputiesAndForTheGroupsSomeoneIsAloneIn() throws Exception {
        Statements.Cost<String> home = page("/", "zhao.min");

        assertThat(home.sent("from deputyship")).isOne();
        assertThat(home.sent("count(", "from ACT_ID_USER")).isOne();
    }

    @Test
    void aFirstPageOfTasksNotFullIsCountedFromItsRows() throws Exception {
        // a group of its own, so that its leader has this one task whatever other tests left to chen.jing
        String suffix = groupOfItsOwn("pc", 92);
        String asked = web.submitRequest(mvc, "teach." + suffix);
        String review = taskService.createTaskQuery().processInstanceId(asked).singleResult().getId();

        Statements.Cost<String> home = page("/", "lead." + suffix);

        assertThat(home.result()).contains("/tasks/" + review);
        assertThat(home.sent("from ACT_RU_TASK RES", "ASSIGNEE_ = ?")).isOne();
        assertThat(home.sent("count(", "from ACT_RU_TASK")).isZero();
        // each row's request title and applicant: those two columns, not the request's whole row
        assertThat(home.sent("process_instance_id,", "title,", "applicant_name from request_summary",
                "where", "process_instance_id in")).isOne();
        assertThat(home.sent("start_date", "from request_summary", "process_instance_id in")).isZero();
    }

    @Test
    void onH2ALeadersPageOfTasksIsSortedByItsIdsThenReadByIdOnPostgreSqlInOneStatement() throws Exception {
        String suffix = groupOfItsOwn("po", 93);
        String first = taskService.createTaskQuery().processInstanceId(web.submitRequest(mvc, "teach." + suffix))
                .singleResult().getId();
        String second;
        // a minute later, so the two tasks cannot share a creation time
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(60_000L);
        try {
            second = taskService.createTaskQuery().processInstanceId(web.submitRequest(mvc, "teach." + suffix))
                    .singleResult().getId();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }

        Statements.Cost<String> home = page("/", "lead." + suffix);

        // newest first either way
        assertThat(home.result()).containsSubsequence("/tasks/" + second, "/tasks/" + first);
        if ("h2".equals(engine.getDatabaseType())) {
            // in the order of the index TaskListIndex makes at start, so H2 reads the page off it
            assertThat(home.sent("select RES.ID_, RES.CREATE_TIME_, RES.ASSIGNEE_ from ACT_RU_TASK RES",
                    "ASSIGNEE_ = ?", "order by ASSIGNEE_, CREATE_TIME_ desc, ID_ asc")).isOne();
            assertThat(home.sent("select RES.* from ACT_RU_TASK RES where RES.ID_ in (")).isOne();
        } else {
            assertThat(home.sent("select RES.* from ACT_RU_TASK RES", "ASSIGNEE_ = ?")).isOne();
            assertThat(home.sent("select RES.ID_, RES.CREATE_TIME_")).isZero();
        }
    }

    @Test
    void theInboxesIndexIsMadeAtStartOnCamundasTaskTable() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            String table = meta.storesLowerCaseIdentifiers() ? "act_ru_task" : "ACT_RU_TASK";
            java.util.List<String> indexes = new java.util.ArrayList<>();
            try (var rows = meta.getIndexInfo(null, null, table, false, false)) {
                while (rows.next()) {
                    indexes.add(String.valueOf(rows.getString("INDEX_NAME")).toUpperCase());
                }
            }
            assertThat(indexes).contains(TaskListIndex.NAME);
        }
    }

    /** A teaching group of its own with a leader {@code lead.<suffix>} and a teacher {@code teach.<suffix>}: the suffix. */
    private String groupOfItsOwn(String prefix, int order) {
        String suffix = prefix + java.util.UUID.randomUUID().toString().substring(0, 8);
        directory.createTeachingGroup(suffix, "页面组" + suffix, "Pages " + suffix, order);
        directory.register("lead." + suffix, "组长" + suffix, Role.GROUP_LEADER, suffix, "语文", "demo");
        directory.register("teach." + suffix, "教师" + suffix, Role.TEACHER, suffix, "语文", "demo");
        return suffix;
    }

    private Statements.Cost<String> page(String path, String userId) throws Exception {
        return Statements.count(() -> mvc.perform(get(path).with(web.as(userId))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
