package school.training.hearback;

import school.training.externalstudy.ExternalStudyRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.notifications.Notification;
import school.training.notifications.Notifications;
import school.training.security.EngineRest;
import school.training.tasklist.WebFixtures;

/**
 * Hearing back: every decision reaches the applicant once, with its reason, whichever client made it; she may
 * urge a step that waited long enough once a day, nobody else may; a decision copied on our page lets the
 * people copied, and nobody else, read the request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class HearBackTests {

    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Notifications notifications;
    @Autowired
    MockMvc mvc;
    @Autowired
    Urges urges;

    EngineRest rest;
    WebFixtures web;
    String title;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(processEngine);
        rest = new EngineRest(template);
        web = new WebFixtures(identityService);
        title = "听回音 " + System.nanoTime();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyDecisionOverTheRestApiReachesTheApplicantOnceWithItsReason() {
        // given three requests of li.na's waiting for her leader
        String approved = start("li.na", title + " 同意");
        String returned = start("li.na", title + " 退回");
        String refused = start("li.na", title + " 驳回");

        // when chen.jing decides each over REST, and the office registers the approved one
        rest.complete("chen.jing", task(approved, "leaderReview"), Map.of("leaderDecision", "approve",
                "leaderComment", "同意")).isNoContent();
        rest.complete("chen.jing", task(returned, "leaderReview"), Map.of("leaderDecision", "revise",
                "leaderComment", "请补充代课安排")).isNoContent();
        rest.complete("chen.jing", task(refused, "leaderReview"), Map.of("leaderDecision", "reject",
                "leaderComment", "与期中考试冲突")).isNoContent();
        rest.complete("zhao.min", task(approved, "officeRegistration"), Map.of()).isNoContent();

        // then she has exactly one notification per decision, each saying who, what and why, in her language
        List<Notification> onApproved = toLiNa(approved);
        assertThat(onApproved).extracting(Notification::getMessageKey)
                .containsExactly("hearback.registered", "hearback.approved");
        assertThat(text(onApproved.get(1))).isEqualTo("陈静 同意了您的申请「" + title + " 同意」");
        assertThat(text(onApproved.get(0))).startsWith("赵敏 已登记您的申请「" + title + " 同意」，审批编号 WX-");
        assertThat(toLiNa(returned)).singleElement().extracting(this::text)
                .isEqualTo("陈静 退回了您的申请「" + title + " 退回」：请补充代课安排");
        Notification refusal = toLiNa(refused).get(0);
        assertThat(toLiNa(refused)).hasSize(1);
        assertThat(text(refusal)).isEqualTo("陈静 未同意您的申请「" + title + " 驳回」：与期中考试冲突");
        assertThat(notifications.text(refusal, Locale.ENGLISH))
                .isEqualTo("陈静 did not approve your request \"" + title + " 驳回\": 与期中考试冲突");
        // nobody but the applicant hears of it
        assertThat(notifications.latest("chen.jing", 50)).extracting(Notification::getLink)
                .doesNotContain("/requests/" + refused);

    }

    @Test
    void aDecisionOnOurPageReachesTheApplicantOnceAndMayBeCopiedToWhomTheApproverNames() throws Exception {
        // given a request of li.na's that zhou.tao (another group's teacher) cannot read
        String id = start("li.na", title);
        mvc.perform(get("/requests/" + id).with(web.as("zhou.tao"))).andExpect(status().isNotFound());

        // when chen.jing returns it on her task page, copying zhou.tao and the office
        mvc.perform(decide(id, "revise", "预算请细化").param("copyTo", "zhou.tao").param("copyOffice", "true"))
                .andExpect(status().is3xxRedirection());

        // then li.na hears of it once, with the reason
        assertThat(toLiNa(id)).singleElement().extracting(this::text)
                .isEqualTo("陈静 退回了您的申请「" + title + "」：预算请细化");
        // zhou.tao and the office are told and may read it, on our page and over REST
        assertThat(notifications.latest("zhou.tao", 20)).filteredOn(n -> n.getLink().equals("/requests/" + id))
                .singleElement().extracting(n -> notifications.text(n, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("陈静 抄送给您：李娜 的申请「" + title + "」");
        assertThat(notifications.latest("zhao.min", 20)).extracting(Notification::getLink).contains("/requests/" + id);
        mvc.perform(get("/requests/" + id).with(web.as("zhou.tao"))).andExpect(status().isOk());
        assertThat(rest.get("zhou.tao", "/engine-rest/history/process-instance/" + id).status())
                .isEqualTo(HttpStatus.OK);
        // another teacher still may not
        mvc.perform(get("/requests/" + id).with(web.as("wang.haoran"))).andExpect(status().isNotFound());
        assertThat(rest.get("wang.haoran", "/engine-rest/history/process-instance/" + id).status().is2xxSuccessful())
                .isFalse();
    }

    @Test
    void theApplicantMayUrgeAStepThatWaitedTooLongOnceADayAndNobodyElseMay() throws Exception {
        // given a request of li.na's that has just reached her leader
        String id = start("li.na", title);
        String urge = "/requests/" + id + "/urge";

        // when she urges at once, it is too early and chen.jing hears nothing
        mvc.perform(post(urge).with(web.as("li.na")).with(csrf()))
                .andExpect(flash().attribute("problem", "hearback.urge.tooEarly"));
        assertThat(toChenJing(id)).isEmpty();

        // when three days have passed, her urge reaches chen.jing
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
        mvc.perform(get("/requests/" + id).with(web.as("li.na"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"urge-button\"")));
        mvc.perform(post(urge).with(web.as("li.na")).with(csrf()))
                .andExpect(flash().attribute("notice", "hearback.urge.sent"));
        assertThat(toChenJing(id)).singleElement().extracting(n -> notifications.text(n, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("李娜 催办：申请「" + title + "」已等待 3 天，请尽快处理");

        // then a second urge the same day is refused and tells nobody
        mvc.perform(post(urge).with(web.as("li.na")).with(csrf()))
                .andExpect(flash().attribute("problem", "hearback.urge.onceADay"));
        assertThat(toChenJing(id)).hasSize(1);

        // and someone else (even her leader) cannot urge it at all
        mvc.perform(post(urge).with(web.as("zhou.tao")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(urge).with(web.as("chen.jing")).with(csrf())).andExpect(status().isNotFound());
        assertThat(toChenJing(id)).hasSize(1);

        // the next day she may urge again
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
        mvc.perform(post(urge).with(web.as("li.na")).with(csrf()))
                .andExpect(flash().attribute("notice", "hearback.urge.sent"));
        assertThat(toChenJing(id)).hasSize(2);
    }

    @Test
    void twoUrgesAtTheSameMomentTellTheLeaderOnce() throws Exception {
        // given a request of li.na's waiting three days for her leader
        String id = start("li.na", title);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));

        // when two tabs urge it at once
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(tabs.submit(() -> {
                together.await();
                try {
                    urges.urge(id, "li.na");
                    return "sent";
                } catch (Urges.Refused | org.springframework.dao.DataIntegrityViolationException e) {
                    return "refused";
                }
            }));
        }
        List<String> outcomes = new java.util.ArrayList<>();
        for (var answer : answers) {
            outcomes.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        tabs.shutdown();

        // then one is sent, the other refused, and chen.jing is told once
        assertThat(outcomes).containsExactlyInAnyOrder("sent", "refused");
        assertThat(toChenJing(id)).hasSize(1);
    }

    private MockHttpServletRequestBuilder decide(String id, String decision, String comment) {
        return post("/tasks/" + task(id, "leaderReview")).with(web.as("chen.jing")).with(csrf())
                .param("leaderDecision", decision).param("leaderComment", comment);
    }

    private List<Notification> toLiNa(String id) {
        return notifications.latest("li.na", 200).stream().filter(n -> ("/requests/" + id).equals(n.getLink()))
                .toList();
    }

    private List<Notification> toChenJing(String id) {
        return notifications.latest("chen.jing", 200).stream()
                .filter(n -> ("/requests/" + id).equals(n.getLink()) && n.getMessageKey().equals("hearback.urged"))
                .toList();
    }

    private String text(Notification notification) {
        return notifications.text(notification, Locale.SIMPLIFIED_CHINESE);
    }

    private String task(String instanceId, String key) {
        return ExternalStudyRequests.taskAt(taskService, instanceId, key);
    }

    private String start(String applicant, String title) {
        return new ExternalStudyRequests(identityService, runtimeService).start(applicant, title);
    }
}
