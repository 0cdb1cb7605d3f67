package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static school.training.security.EngineRest.NOT_IN_FORM;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.security.EngineRest;
import school.training.tasklist.WebFixtures;

/**
 * The term review's attendance item (培训考勤) comes from the school-training records of the term: an
 * excellent result +2, a failed one −5 (the rubric's settings), worked out when the leader's scoring is
 * recorded. The leader no longer types it; a value a client sends is refused by the form, and one that
 * reaches the engine anyway is ignored. The score sheet links the records behind the figure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class TrainingAttendanceTests {

    /** These teachers keep their lesson plans and observations on paper: full marks, said why. */
    static final String OUTSIDE_THE_RECORDS = "教案和听课记录为纸质存档，已核对齐全";

    private static final String OFFICE = "zhao.min";
    private static final String SELF_ASSESSMENT = "本学期认真完成教学任务，按时提交教案。".repeat(4);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    Directory directory;

    EngineRest rest;
    WebFixtures web;
    String group;
    String leader;
    String excellent;
    String failed;

    @BeforeEach
    void aGroupWithAClosedTraining() {
        ProcessEngines.registerProcessEngine(processEngine);
        rest = new EngineRest(template);
        web = new WebFixtures(identityService);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        group = "ta" + suffix;
        leader = group + ".leader";
        excellent = group + ".good";
        failed = group + ".weak";
        directory.createTeachingGroup(group, "考勤测试组" + suffix, "Attendance " + suffix, 98);
        directory.register(leader, "组长" + suffix, Role.GROUP_LEADER, group, "语文", "demo");
        directory.register(excellent, "优秀" + suffix, Role.TEACHER, group, "语文", "demo");
        directory.register(failed, "不合格" + suffix, Role.TEACHER, group, "语文", "demo");
    }

    @Test
    void attendanceComesFromTheTermsTrainingRecordsNotFromTheClient() throws Exception {
        // given a training of the group this term, closed: one teacher excellent, one failed
        Long project = closedTraining(LocalDate.now().minusDays(10));
        TermReviewCampaign campaign = opened();
        ProcessInstance good = review(campaign, excellent);
        ProcessInstance weak = review(campaign, failed);
        selfAssess(excellent, good);
        selfAssess(failed, weak);

        // the leader's scoring page shows each figure from the records, with the training behind it
        String scoring = mvc.perform(get(ScoringController.URL).with(web.as(leader))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(scoring).contains("培训考勤 2 分", "培训考勤 -5 分", "href=\"/trainings/" + project + "\"");

        // when the leader sends an attendance figure of her own over REST, the form refuses it
        Task weakScoring = task(weak, TermReviewProcess.LEADER_SCORING);
        rest.complete(leader, weakScoring.getId(), Map.of("archiveDeduction", 0, "missingLessonPlans", 0,
                "observationDeduction", 0, "deductionReason", OUTSIDE_THE_RECORDS, "attendance", "excellent")).isRefused(BAD_REQUEST, "attendance", NOT_IN_FORM);
        assertThat(task(weak, TermReviewProcess.LEADER_SCORING).getId()).isEqualTo(weakScoring.getId());
        // and when she scores without it, the records decide: −5
        rest.complete(leader, weakScoring.getId(), Map.of("archiveDeduction", 0, "missingLessonPlans", 0,
                "observationDeduction", 0, "deductionReason", OUTSIDE_THE_RECORDS)).isNoContent();
        assertThat(runtimeService.getVariable(weak.getId(), "scoreAttendance")).isEqualTo(-5);
        assertThat(runtimeService.getVariable(weak.getId(), "failedTrainings")).isEqualTo(String.valueOf(project));

        // a value that reaches the engine without the form (the app's own completion) changes nothing: +2
        taskService.complete(task(good, TermReviewProcess.LEADER_SCORING).getId(), Map.of("archiveDeduction", 0.0,
                "missingLessonPlans", 0.0, "observationDeduction", 0.0, "attendance", "failed", "deductionReason", OUTSIDE_THE_RECORDS));
        assertThat(runtimeService.getVariable(good.getId(), "scoreAttendance")).isEqualTo(2);
        // 10 + 32 + (30 − 2 × 10 hours missing: 5 credited) + 20 + 8 + 2 = 82
        assertThat(runtimeService.getVariable(good.getId(), "rubricScore")).isEqualTo(82.0);

        // and the score sheet links the training behind the figure
        String sheet = mvc.perform(get("/requests/" + good.getId()).with(web.as(excellent))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(sheet).contains("本学期培训：优秀 1 项，不合格 0 项", "href=\"/trainings/" + project + "\"");
    }

    @Test
    void aTrainingOutsideTheReviewedTermDoesNotCount() throws Exception {
        closedTraining(LocalDate.now().minusMonths(8));
        ProcessInstance good = review(opened(), excellent);
        selfAssess(excellent, good);
        rest.complete(leader, task(good, TermReviewProcess.LEADER_SCORING).getId(), Map.of("archiveDeduction", 0,
                "missingLessonPlans", 0, "observationDeduction", 0, "deductionReason", OUTSIDE_THE_RECORDS))
                .isNoContent();
        assertThat(runtimeService.getVariable(good.getId(), "scoreAttendance")).isEqualTo(0);
    }

    /** The office plans a two-session training for the group, everyone present, results recorded, closed. */
    private Long closedTraining(LocalDate first) throws Exception {
        String location = mvc.perform(post("/trainings/new").with(csrf()).with(web.as(OFFICE))
                .param("planToken", UUID.randomUUID().toString()).param("title", "考勤来源 " + group)
                .param("category", "SCHOOL_BASED").param("audience", "GROUPS").param("groups", group)
                .param("sessions[0].date", first.toString()).param("sessions[0].start", "14:00")
                .param("sessions[0].end", "16:00").param("sessions[0].place", "报告厅").param("sessions[0].hours", "2")
                .param("sessions[1].date", first.plusDays(1).toString()).param("sessions[1].start", "14:00")
                .param("sessions[1].end", "17:00").param("sessions[1].place", "报告厅").param("sessions[1].hours", "3"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/trainings/");
        Long id = Long.valueOf(location.substring("/trainings/".length()));
        String page = mvc.perform(get(location).with(web.as(OFFICE))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (String roll : List.of(page.split("/sessions/"))) {
            if (roll.matches("(?s)^\\d+/roll.*")) {
                mvc.perform(post(location + "/sessions/" + roll.substring(0, roll.indexOf('/')) + "/roll").with(csrf())
                        .with(web.as(OFFICE)));
            }
        }
        MockHttpServletRequestBuilder results = post(location + "/results").with(csrf()).with(web.as(OFFICE))
                .param("result-" + leader, "PASS").param("result-" + excellent, "EXCELLENT")
                .param("result-" + failed, "FAIL");
        mvc.perform(results);
        mvc.perform(post(location + "/close").with(csrf()).with(web.as(OFFICE)));
        return id;
    }

    private TermReviewCampaign opened() {
        LocalDate today = LocalDate.now();
        return campaigns.open("2026–2027 学年第一学期", today.minusMonths(2), today.plusMonths(1), today.plusDays(7),
                group, OFFICE);
    }

    private ProcessInstance review(TermReviewCampaign campaign, String teacher) {
        ProcessInstance review = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId() + ":" + teacher).singleResult();
        assertThat(review).isNotNull();
        return review;
    }

    private void selfAssess(String teacher, ProcessInstance review) {
        rest.complete(teacher, task(review, TermReviewProcess.SELF_ASSESSMENT).getId(),
                Map.of("selfAssessment", SELF_ASSESSMENT)).isNoContent();
    }

    private Task task(ProcessInstance review, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("%s at %s", review.getId(), key).isNotNull();
        return task;
    }
}
