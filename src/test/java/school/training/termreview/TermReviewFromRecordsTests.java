package school.training.termreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.security.EngineRest;
import school.training.tasklist.WebFixtures;

/**
 * The rubric computed from the records the term kept, made through the pages as people make them: 12 teaching
 * weeks, two of three monthly plans missing (one accepted, one returned, one never handed in), 30 of 36
 * observations, all 4 research activities attended, and an archive without papers and awards. The leader's form
 * opens with exactly the settings' deductions; changing one needs a reason, over the REST API too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class TermReviewFromRecordsTests {

    /** 1 September to 23 November 2026: 84 days, 12 teaching weeks, three teaching months. */
    static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 23);

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TermRecords termRecords;
    @Autowired
    TestRestTemplate template;
    @Autowired
    ProcessEngine processEngine;

    String group;
    String leader;
    String teacher;

    @BeforeEach
    void aTermOfRecords() throws Exception {
        // the records are made on 1 December 2026, the term's months behind them
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(10, 0).atZone(ZoneId.systemDefault())
                .toInstant()));
        ProcessEngines.registerProcessEngine(processEngine);
        group = "rec" + System.nanoTime();
        leader = group + ".leader";
        teacher = group + ".teacher";
        directory.createTeachingGroup(group, "记录考核组" + group, "Records review group", 97);
        directory.register(leader, "褚组长", Role.GROUP_LEADER, group, "生物", "demo");
        directory.register(teacher, "卫老师", Role.TEACHER, group, "生物", "demo");

        // monthly plans: September accepted, October returned, November never handed in
        handIn("2026-09");
        handIn("2026-10");
        check("2026-09", "accept", Map.of());
        check("2026-10", "return", Map.of("comment", "教学反思过于简略，请补充。", "redoBy", "2026-12-08"));

        // 30 observations over the twelve weeks
        for (int i = 0; i < 30; i++) {
            expectRedirect(post("/observations/new").with(as(teacher)).with(csrf())
                    .param("token", UUID.randomUUID().toString()).param("date", FROM.plusDays(i * 2L).toString())
                    .param("observedId", leader).param("className", "初二（" + (i % 4 + 1) + "）班")
                    .param("subject", "生物").param("notes", "第 " + (i + 1) + " 节：实验演示清楚。")
                    .param("suggestions", "可让学生自己动手操作。"));
        }
        // four research activities, each attended
        for (int i = 0; i < 4; i++) {
            expectRedirect(multipart("/research/new").param("group", group).with(as(leader)).with(csrf())
                    .param("token", UUID.randomUUID().toString()).param("theme", "单元教学研讨 " + (i + 1))
                    .param("date", FROM.plusWeeks(2L * i + 1).toString()).param("place", "生物实验室")
                    .param("minutes", "讨论单元教学设计与分层作业。").param("attendees", teacher, leader)
                    .param("_attendees", "on"));
        }
        // the archive: reflections, an excellent lesson plan and a research project, but no paper or award
        for (String kind : new String[] { "REFLECTION", "EXCELLENT_LESSON_PLAN", "RESEARCH_PROJECT" }) {
            expectRedirect(multipart("/archive/new").with(as(teacher)).with(csrf()).param("kind", kind)
                    .param("date", FROM.plusDays(20).toString()).param("title", "本学期 " + kind)
                    .param("description", "本学期的" + kind + "材料。").param("token", UUID.randomUUID().toString()));
        }
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void theLeaderScoresWhatTheRecordsSayOrSaysWhyNot() {
        // what the records imply, by the settings: archive −2 (one item missing), 2 plans missing, observation −6
        Rubric.Judgement judgement = termRecords.forTeacher(teacher, FROM, TO).judgement();
        assertThat(judgement).isEqualTo(new Rubric.Judgement(2, 2, 6));
        assertThat(termRecords.forTeacher(teacher, FROM, TO).archive().missing()).containsExactly("papersAndAwards");

        // the review opens, the teacher assesses herself, and the leader's form arrives pre-filled with them
        TermReviewCampaign campaign = campaigns.open("记录学期" + group, FROM, TO, LocalDate.of(2026, 12, 8), group,
                "zhao.min");
        String review = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId() + ":" + teacher).singleResult().getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey(TermReviewProcess.SELF_ASSESSMENT).singleResult().getId(),
                Map.of("selfAssessment", "本学期坚持听课评课，按月上交教案。".repeat(3)));
        String scoring = taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey(TermReviewProcess.LEADER_SCORING).singleResult().getId();
        assertThat(runtimeService.getVariables(review)).containsEntry("archiveDeduction", 2.0)
                .containsEntry("missingLessonPlans", 2.0).containsEntry("observationDeduction", 6.0)
                .containsEntry("missingPlanMonths", "2026-10,2026-11").containsEntry("observationsRecorded", 30)
                .containsEntry("observationQuota", 36).containsEntry("activitiesAttended", 4)
                .containsEntry("archiveMissingNames", "论文与获奖证书");

        // changing a figure without a reason is refused over REST, the same as on the page
        EngineRest rest = new EngineRest(template);
        rest.complete(leader, scoring, Map.of("archiveDeduction", 0, "missingLessonPlans", 2, "observationDeduction", 6))
                .isRefused(BAD_REQUEST, "deductionReason", "请写明调整理由");

        // confirming the records needs none: 8 + 28 + 14 from the records
        rest.complete(leader, scoring, Map.of("archiveDeduction", 2, "missingLessonPlans", 2, "observationDeduction", 6))
                .isNoContent();
        assertThat(runtimeService.getVariables(review)).containsEntry("scoreArchive", 8)
                .containsEntry("scoreLessonPlans", 28).containsEntry("scoreObservation", 14)
                .containsEntry("overriddenItems", "");
    }

    private void handIn(String month) throws Exception {
        expectRedirect(multipart("/lesson-plans/submit").with(as(teacher)).with(csrf()).param("month", month)
                .param("title", month + " 优质教案").param("planText", "教学目标、重难点与教学过程。")
                .param("reflection", "课后反思：学生实验操作时间不足。"));
    }

    private void check(String month, String action, Map<String, String> fields) throws Exception {
        String grid = mvc.perform(get("/lesson-plans/group").with(as(leader))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String row = grid.substring(grid.indexOf("id=\"row-" + teacher + "\""));
        Matcher plan = Pattern.compile("/lesson-plans/plans/(\\d+)").matcher(row);
        String id = null;
        // the grid's cells go month by month: September first, October second
        int wanted = month.endsWith("09") ? 1 : 2;
        for (int i = 0; i < wanted && plan.find(); i++) {
            id = plan.group(1);
        }
        String page = mvc.perform(get("/lesson-plans/plans/" + id).with(as(leader))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(month + " 优质教案");
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        var request = post("/lesson-plans/plans/" + id + "/" + action).with(as(leader)).with(csrf())
                .param("version", version.group(1));
        fields.forEach(request::param);
        expectRedirect(request);
    }

    private void expectRedirect(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
    }

    private RequestPostProcessor as(String userId) {
        return new WebFixtures(identityService).as(userId);
    }
}
