package school.training.tasklist;

import school.training.externalstudy.ExternalStudyRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.notifications.Notification;
import school.training.notifications.Notifications;
import school.training.people.Directory;
import school.training.records.RequestRecords;
import school.training.records.TaskHandover;
import school.training.security.EngineRest;

/**
 * 转办: the holder of a waiting step hands it to another person allowed to do it, with a reason, on our
 * page and through the engine API alike; nobody else is allowed, nobody hands over a step that is not
 * theirs, and a sole possible holder decides without claiming first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class HandOverTests {

    /** A second office clerk (钱办公室), as the completion race tests make her. */
    static final String SECOND_CLERK = CompletionRaceTests.SECOND_CLERK;

    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    RequestRecords records;
    @Autowired
    Notifications notifications;
    @Autowired
    MockMvc mvc;

    EngineRest rest;
    WebFixtures web;
    String title;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(processEngine);
        rest = new EngineRest(template);
        web = new WebFixtures(identityService);
        CompletionRaceTests.secondClerk(directory);
        title = "转办 " + System.nanoTime();
    }

    @Test
    void theOfficeHandsTheRegistrationToAColleagueWithAReason() throws Exception {
        // given li.na's request approved by her leader, waiting for the office
        String request = approvedByTheLeader();
        String registration = task(request, "officeRegistration");

        // the page offers exactly the people who may register it, but not the holder, the applicant or a leader
        String page = mvc.perform(get("/tasks/" + registration).with(web.as("zhao.min"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String picker = page.substring(page.indexOf("id=\"hand-over-to\""), page.indexOf("</select>",
                page.indexOf("id=\"hand-over-to\"")));
        assertThat(picker).contains("value=\"" + SECOND_CLERK + "\"").doesNotContain("value=\"zhao.min\"",
                "value=\"li.na\"", "value=\"chen.jing\"", "value=\"liu.hua\"");

        // when zhao.min hands it over with a reason
        mvc.perform(post("/tasks/" + registration + "/hand-over").param("to", SECOND_CLERK)
                .param("reason", "本周外出培训，请钱老师登记").with(csrf()).with(web.as("zhao.min")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", "handover.done"));

        // then the step waits for her colleague, in her inbox
        assertThat(assigneeOf(registration)).isEqualTo(SECOND_CLERK);
        String home = mvc.perform(get("/").with(web.as(SECOND_CLERK))).andReturn().getResponse().getContentAsString();
        assertThat(section(home, "assigned")).contains("/tasks/" + registration);
        // the timeline says who handed it to whom and why
        List<TaskHandover> handovers = records.handovers(request);
        assertThat(handovers).singleElement().satisfies(line -> {
            assertThat(line.getReason()).isEqualTo(TaskHandover.BY_HOLDER);
            assertThat(line.getFromUser()).isEqualTo("zhao.min");
            assertThat(line.getToUser()).isEqualTo(SECOND_CLERK);
            assertThat(line.getComment()).isEqualTo("本周外出培训，请钱老师登记");
            assertThat(line.getHandedOverBy()).isEqualTo("zhao.min");
        });
        String timeline = mvc.perform(get("/requests/" + request).with(web.as("li.na"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(timeline).contains("<strong>转办</strong>", "赵敏 → 钱办公室", "本周外出培训，请钱老师登记");
        // and she is told, with the reason
        Notification notice = notifications.latest(SECOND_CLERK, 50).stream()
                .filter(n -> ("/tasks/" + registration).equals(n.getLink())).findFirst().orElseThrow();
        assertThat(notice.getMessageKey()).isEqualTo("handover.notice");
        assertThat(notifications.text(notice, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("赵敏 把申请「" + title + "」的一项待办转给您办理：本周外出培训，请钱老师登记");
        assertThat(notifications.text(notice, Locale.ENGLISH)).startsWith("赵敏 handed you a step of the request");

        // and she registers it
        rest.complete(SECOND_CLERK, registration, Map.of()).isNoContent();
        assertThat(taskService.createTaskQuery().taskId(registration).count()).isZero();
    }

    @Test
    void someoneNotAllowedForTheStepIsRefusedAndNothingChanges() throws Exception {
        // given the office's registration, not yet taken
        String request = approvedByTheLeader();
        String registration = task(request, "officeRegistration");

        // when zhao.min tries to hand it to a group leader, to the applicant, or without a reason
        String refused = mvc.perform(post("/tasks/" + registration + "/hand-over").param("to", "chen.jing")
                .param("reason", "请组长登记").with(csrf()).with(web.as("zhao.min")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不能转给 陈静", "id=\"hand-over-error\"", "请组长登记");
        mvc.perform(post("/tasks/" + registration + "/hand-over").param("to", "li.na").param("reason", "自己登记")
                .with(csrf()).with(web.as("zhao.min"))).andExpect(status().isUnprocessableEntity());
        String noReason = mvc.perform(post("/tasks/" + registration + "/hand-over").param("to", SECOND_CLERK)
                .param("reason", "  ").with(csrf()).with(web.as("zhao.min")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("请填写转办原因");

        // then nothing changed: nobody holds it, no line in the timeline, nobody told
        assertThat(assigneeOf(registration)).isNull();
        assertThat(records.handovers(request)).isEmpty();
        assertThat(notifications.latest("chen.jing", 50)).extracting(Notification::getLink)
                .doesNotContain("/tasks/" + registration);
    }

    @Test
    void aStrangerCannotHandOverATaskThatIsNotTheirs() throws Exception {
        // given li.na's request waiting for chen.jing's review
        String request = start("li.na", false);
        String review = task(request, "leaderReview");

        // a teacher (the applicant herself) and another leader get the same "no such task" as for any task
        for (String stranger : List.of("li.na", "sun.wei", "zhou.tao")) {
            mvc.perform(post("/tasks/" + review + "/hand-over").param("to", stranger).param("reason", "我来")
                    .with(csrf()).with(web.as(stranger))).andExpect(status().isNotFound());
        }
        assertThat(assigneeOf(review)).isEqualTo("chen.jing");
        assertThat(records.handovers(request)).isEmpty();

        // and the leader, the only one who may review it, is offered nobody to hand it to
        String page = mvc.perform(get("/tasks/" + review).with(web.as("chen.jing"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("id=\"hand-over\"");
    }

    @Test
    void overTheEngineApiEveryRoleAssignsOnlyToSomeoneAllowed() {
        // given li.na's out-of-province request waiting for her leader
        String request = start("li.na", true);
        String review = task(request, "leaderReview");
        String path = "/engine-rest/task/" + review;

        // the leader cannot give her review to a teacher, delegate it, or widen who may do it
        rest.post("chen.jing", path + "/assignee", Map.of("userId", "zhou.tao")).isRefused(BAD_REQUEST, "不能转给 周涛");
        rest.post("chen.jing", path + "/delegate", Map.of("userId", "zhou.tao")).isRefused(FORBIDDEN, "转办");
        rest.post("chen.jing", path + "/identity-links", Map.of("userId", "zhou.tao", "type", "candidate"))
                .isRefused(FORBIDDEN, "候选人");
        // nor leave it to nobody: the process gave it to her
        rest.post("chen.jing", path + "/unclaim", Map.of()).isRefused(BAD_REQUEST, "不能退回无人办理");
        // the teacher cannot take her own approval, nor hand it to anyone
        assertThat(rest.post("li.na", path + "/assignee", Map.of("userId", "li.na")).status().is4xxClientError())
                .isTrue();
        assertThat(rest.post("li.na", path + "/claim", Map.of("userId", "li.na")).status().is4xxClientError())
                .isTrue();
        assertThat(rest.post("li.na", path + "/assignee", Map.of("userId", "zhou.tao")).status().is4xxClientError())
                .isTrue();
        // not even the admin makes the applicant her own approver
        rest.post("admin", path + "/assignee", Map.of("userId", "li.na")).isRefused(BAD_REQUEST, "不能转给 李娜");
        assertThat(assigneeOf(review)).isEqualTo("chen.jing");

        // the principal cannot take the principal's approval for a teacher, or for the applicant
        rest.complete("chen.jing", review, Map.of("leaderDecision", "approve")).isNoContent();
        String approval = task(request, "principalApproval");
        rest.post("liu.hua", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "zhou.tao"))
                .isRefused(BAD_REQUEST, "不能转给 周涛");
        rest.post("liu.hua", "/engine-rest/task/" + approval + "/assignee", Map.of("userId", "li.na"))
                .isRefused(BAD_REQUEST, "不能转给 李娜");
        assertThat(assigneeOf(approval)).isNull();
        // (claiming it herself is still fine)
        rest.post("liu.hua", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "liu.hua")).isNoContent();
        rest.complete("liu.hua", approval, Map.of("principalDecision", "approve")).isNoContent();

        // the office cannot give the registration to a leader, and a colleague cannot take it from the holder
        String registration = task(request, "officeRegistration");
        rest.post("zhao.min", "/engine-rest/task/" + registration + "/assignee", Map.of("userId", "sun.wei"))
                .isRefused(BAD_REQUEST, "不能转给 孙伟");
        rest.post("zhao.min", "/engine-rest/task/" + registration + "/claim", Map.of("userId", "zhao.min"))
                .isNoContent();
        assertThat(rest.post(SECOND_CLERK, "/engine-rest/task/" + registration + "/assignee",
                Map.of("userId", SECOND_CLERK)).status().is4xxClientError()).isTrue();
        assertThat(assigneeOf(registration)).isEqualTo("zhao.min");
        assertThat(records.handovers(request)).isEmpty();
    }

    @Test
    void aHandOverOverTheEngineApiIsRecordedAndToldLikeOnThePage() {
        // given the office's registration
        String request = approvedByTheLeader();
        String registration = task(request, "officeRegistration");

        // when zhao.min takes it in Tasklist (no hand-over) and then gives it to her colleague over REST
        rest.post("zhao.min", "/engine-rest/task/" + registration + "/claim", Map.of("userId", "zhao.min"))
                .isNoContent();
        assertThat(records.handovers(request)).isEmpty();
        rest.post("zhao.min", "/engine-rest/task/" + registration + "/assignee", Map.of("userId", SECOND_CLERK))
                .isNoContent();

        // then it is hers, the timeline has the line and she is told
        assertThat(assigneeOf(registration)).isEqualTo(SECOND_CLERK);
        assertThat(records.handovers(request)).singleElement().satisfies(line -> {
            assertThat(line.getReason()).isEqualTo(TaskHandover.BY_HOLDER);
            assertThat(line.getFromUser()).isEqualTo("zhao.min");
            assertThat(line.getToUser()).isEqualTo(SECOND_CLERK);
            assertThat(line.getComment()).isNull();
        });
        assertThat(notifications.latest(SECOND_CLERK, 50)).filteredOn(n -> ("/tasks/" + registration)
                .equals(n.getLink())).extracting(Notification::getMessageKey)
                .containsExactly("handover.noticeWithoutReason");
    }

    @Test
    void aHandOverOfATaskJustCompletedOrHandedOverTellsSoPlainly() throws Exception {
        // given two registrations zhao.min has open in a tab each
        String first = task(approvedByTheLeader(), "officeRegistration");
        String second = task(approvedByTheLeader(), "officeRegistration");

        // when a colleague registers the first, and zhao.min's other tab hands over the second, meanwhile
        rest.complete(SECOND_CLERK, first, Map.of()).isNoContent();
        mvc.perform(post("/tasks/" + second + "/hand-over").param("to", SECOND_CLERK).param("reason", "请代办")
                .with(csrf()).with(web.as("zhao.min"))).andExpect(status().is3xxRedirection());

        // then handing either over now says someone else was first, and changes nothing
        for (String task : List.of(first, second)) {
            mvc.perform(post("/tasks/" + task + "/hand-over").param("to", SECOND_CLERK).param("reason", "请代办")
                    .with(csrf()).with(web.as("zhao.min"))).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/")).andExpect(flash().attribute("problem", "handover.gone"));
        }
        assertThat(assigneeOf(second)).isEqualTo(SECOND_CLERK);
    }

    @Test
    void theSolePrincipalDecidesWithoutClaimingFirst() throws Exception {
        // given an out-of-province request approved by the leader: offered to the principal group, of one member
        String request = start("li.na", true);
        rest.complete("chen.jing", task(request, "leaderReview"), Map.of("leaderDecision", "approve")).isNoContent();
        String approval = task(request, "principalApproval");
        assertThat(assigneeOf(approval)).isNull();

        // then it is listed as hers, with nothing to claim
        String home = mvc.perform(get("/").with(web.as("liu.hua"))).andReturn().getResponse().getContentAsString();
        assertThat(section(home, "assigned")).contains("/tasks/" + approval);
        assertThat(home).doesNotContain("/tasks/" + approval + "/claim");

        // and she decides on its page directly
        mvc.perform(post("/tasks/" + approval).param("principalDecision", "approve").with(csrf())
                .with(web.as("liu.hua"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "task.completed"));
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(approval).singleResult().getAssignee())
                .isEqualTo("liu.hua");
    }

    private String approvedByTheLeader() {
        String request = start("li.na", false);
        rest.complete("chen.jing", task(request, "leaderReview"), Map.of("leaderDecision", "approve")).isNoContent();
        return request;
    }

    private String assigneeOf(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    private String task(String instanceId, String key) {
        return ExternalStudyRequests.taskAt(taskService, instanceId, key);
    }

    /** One section of the home page, by its id. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private String start(String applicant, boolean outOfProvince) {
        return new ExternalStudyRequests(identityService, runtimeService).start(applicant, Map.of("title", title,
                "location", outOfProvince ? "上海市" : "市第一中学", "outOfProvince", outOfProvince)).getId();
    }
}
