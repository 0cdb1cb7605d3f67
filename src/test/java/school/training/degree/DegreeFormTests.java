package school.training.degree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import school.training.tasklist.WebFixtures;

/**
 * The degree-upgrade pages start from the recorded degree and refuse what makes no sense, beside the
 * field, keeping what was typed: a target not above the current degree (a second degree excepted),
 * completion before start, a mismatch without a reason, full-time study without lesson cover, a
 * completion without certificate or graduating in the future, an extension that does not extend.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DegreeFormTests {

    /** A study begun two years ago, so that a graduation "yesterday" is after its start. */
    private static final String TWO_YEARS_AGO = LocalDate.now().minusYears(2).toString();


    static final String START_URL = "/requests/new/" + DegreeProcess.KEY;

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    WebFixtures web;
    DegreeApplications applications;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        web = new WebFixtures(identityService);
        applications = new DegreeApplications(identityService, runtimeService, taskService);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theApplicationStartsFromTheRecordedDegree() throws Exception {
        String page = mvc.perform(get(START_URL).with(web.as("zhou.tao"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(selectedOption(page, "currentDegree")).isEqualTo("college");
        String other = mvc.perform(get(START_URL).with(web.as("li.na"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(selectedOption(other, "currentDegree")).isEqualTo("bachelor");
    }

    @Test
    void aTargetNotAboveTheCurrentDegreeIsRefused() throws Exception {
        Map<String, String> fields = valid();
        fields.put("targetDegree", "college");
        fields.put("institution", "某某师范学院继续教育学院");

        String page = refused(start(fields));

        assertThat(page).contains("id=\"err-targetDegree\"", "某某师范学院继续教育学院", "目标学历应高于现有学历");
    }

    @Test
    void theCurrentDegreeIsTheOneOnRecord() throws Exception {
        // zhou.tao's record says college; claiming secondary to ask for a college course is refused
        Map<String, String> fields = valid();
        fields.put("currentDegree", "secondary");
        fields.put("targetDegree", "college");

        String page = refused(start(fields));

        assertThat(page).contains("id=\"err-currentDegree\"", "学校记录的现有学历是“专科”");
    }

    @Test
    void completionBeforeStartIsRefused() throws Exception {
        Map<String, String> fields = valid();
        fields.put("expectedCompletion", "2030-08-31");

        assertThat(refused(start(fields))).contains("id=\"err-expectedCompletion\"").doesNotContain("id=\"err-targetDegree\"");
    }

    @Test
    void aMismatchNeedsAReason() throws Exception {
        Map<String, String> fields = valid();
        fields.put("matchesSubject", "no");

        assertThat(refused(start(fields))).contains("id=\"err-mismatchReason\"");

        fields.put("mismatchReason", "学校急需信息技术教师");
        assertThat(started(start(fields))).isNotBlank();
    }

    @Test
    void aSecondDegreeAtTheSameLevelIsAccepted() throws Exception {
        Map<String, String> fields = valid();
        fields.put("route", "secondDegree");
        fields.put("targetDegree", "college");

        String id = started(start(fields));

        assertThat(runtimeService.getVariable(id, "route")).isEqualTo("secondDegree");
        assertThat(runtimeService.getVariable(id, "applicant")).isEqualTo("zhou.tao");
        assertThat(runtimeService.getActiveActivityIds(id)).contains(DegreeProcess.LEADER_OPINION);
    }

    @Test
    void aValidApplicationStartsAtTheLeader() throws Exception {
        String id = started(start(valid()));

        assertThat(runtimeService.getVariable(id, "targetDegree")).isEqualTo("bachelor");
        assertThat(runtimeService.getVariable(id, "expectedCompletion")).isEqualTo("2032-07-15");
        assertThat(runtimeService.getActiveActivityIds(id)).contains(DegreeProcess.LEADER_OPINION);
    }

    @Test
    void fullTimeStudyNeedsTheLessonCoverFromThePrincipal() throws Exception {
        ProcessInstance instance = applications.start("zhou.tao", Map.of("studyMode", "fullTime"));
        applications.complete(instance, DegreeProcess.LEADER_OPINION, Map.of("leaderDecision", "approve"));
        String task = applications.task(instance, DegreeProcess.PRINCIPAL_APPROVAL).getId();

        String page = refused(mvc.perform(post(task, Map.of("principalDecision", "approve")).with(web.as("liu.hua"))));

        assertThat(page).contains("id=\"err-lessonCover\"");
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains(DegreeProcess.PRINCIPAL_APPROVAL);

        mvc.perform(post(task, Map.of("principalDecision", "approve", "lessonCover", "由同组王老师代课")).with(web.as("liu.hua")))
                .andExpect(status().is3xxRedirection());
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains(DegreeProcess.OFFICE_REGISTRATION);
        assertThat(runtimeService.getVariable(instance.getId(), "lessonCover")).isEqualTo("由同组王老师代课");
    }

    @Test
    void partTimeStudyNeedsNoLessonCoverButReturningNeedsAComment() throws Exception {
        ProcessInstance instance = applications.start("zhou.tao");
        applications.complete(instance, DegreeProcess.LEADER_OPINION, Map.of("leaderDecision", "approve"));
        String task = applications.task(instance, DegreeProcess.PRINCIPAL_APPROVAL).getId();

        assertThat(refused(mvc.perform(post(task, Map.of("principalDecision", "revise")).with(web.as("liu.hua")))))
                .contains("id=\"err-principalComment\"").doesNotContain("id=\"err-lessonCover\"");

        mvc.perform(post(task, Map.of("principalDecision", "approve")).with(web.as("liu.hua")))
                .andExpect(status().is3xxRedirection());
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains(DegreeProcess.OFFICE_REGISTRATION);
    }

    @Test
    void thePagesShowTheSupportAskedForAndOnceRegisteredTheSupportGranted() throws Exception {
        // given zhou.tao asking for 50% of the tuition and 10 days of exam leave, approved by his leader
        ProcessInstance instance = applications.start("zhou.tao", Map.of("startDate", TWO_YEARS_AGO));
        applications.complete(instance, DegreeProcess.LEADER_OPINION, Map.of("leaderDecision", "approve"));

        // then the principal deciding sees what he asked for, nothing granted yet
        String deciding = mvc.perform(get("/tasks/" + applications.task(instance, DegreeProcess.PRINCIPAL_APPROVAL)
                .getId()).with(web.as("liu.hua"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(deciding).contains("id=\"degree-support\"", "id=\"support-pending\"", "<td>50%</td>");

        // when the office registers 40% and 8 days
        applications.complete(instance, DegreeProcess.PRINCIPAL_APPROVAL, Map.of("principalDecision", "approve"));
        applications.complete(instance, DegreeProcess.OFFICE_REGISTRATION, DegreeApplications.registration());

        // then his own page while studying shows the support granted beside what he asked for
        String studying = mvc.perform(get("/tasks/" + applications.task(instance, DegreeProcess.SUBMIT_COMPLETION)
                .getId()).with(web.as("zhou.tao"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(studying).contains("<td class=\"granted\">40%</td>", "<td class=\"granted\">8</td>",
                "id=\"support-number\">XL-2030-001<").doesNotContain("id=\"support-pending\"");
    }

    @Test
    void aCompletionNeedsTheCertificateAndAGraduationDateNotInTheFuture() throws Exception {
        ProcessInstance instance = applications.studying("zhou.tao", Map.of("startDate", TWO_YEARS_AGO));
        String task = applications.task(instance, DegreeProcess.SUBMIT_COMPLETION).getId();
        String yesterday = LocalDate.now().minusDays(1).toString();

        assertThat(refused(mvc.perform(post(task, Map.of("completionStatus", "completed", "graduationDate", yesterday))
                .with(web.as("zhou.tao"))))).contains("id=\"err-certificate\"").doesNotContain("id=\"err-graduationDate\"");

        MockMultipartHttpServletRequestBuilder future = post(task, Map.of("completionStatus", "completed",
                "graduationDate", LocalDate.now().plusDays(5).toString()));
        future.file(certificate());
        assertThat(refused(mvc.perform(future.with(web.as("zhou.tao"))))).contains("id=\"err-graduationDate\"")
                .doesNotContain("id=\"err-certificate\"");
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains(DegreeProcess.SUBMIT_COMPLETION);

        // nor before the study began (issue 14's walkthrough)
        MockMultipartHttpServletRequestBuilder beforeStart = post(task, Map.of("completionStatus", "completed",
                "graduationDate", LocalDate.parse(TWO_YEARS_AGO).minusDays(1).toString()));
        beforeStart.file(certificate());
        assertThat(refused(mvc.perform(beforeStart.with(web.as("zhou.tao"))))).contains("id=\"err-graduationDate\"",
                "毕业日期不能早于入学日期（" + TWO_YEARS_AGO + "）");
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains(DegreeProcess.SUBMIT_COMPLETION);

        MockMultipartHttpServletRequestBuilder good = post(task, Map.of("completionStatus", "completed",
                "graduationDate", yesterday));
        good.file(certificate());
        mvc.perform(good.with(web.as("zhou.tao"))).andExpect(status().is3xxRedirection());
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains(DegreeProcess.VERIFY_CERTIFICATE);
        assertThat(runtimeService.getVariable(instance.getId(), "certificate")).isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), "graduationDate")).isEqualTo(yesterday);
    }

    @Test
    void anExtensionMustMoveTheDateLaterAndGiveAReason() throws Exception {
        ProcessInstance instance = applications.studying("zhou.tao", Map.of());
        String task = applications.task(instance, DegreeProcess.SUBMIT_COMPLETION).getId();

        assertThat(refused(mvc.perform(post(task, Map.of("completionStatus", "extend", "newExpectedCompletion",
                "2032-01-15", "extensionReason", "论文推迟")).with(web.as("zhou.tao")))))
                .contains("id=\"err-newExpectedCompletion\"", "论文推迟");
        assertThat(refused(mvc.perform(post(task, Map.of("completionStatus", "extend", "newExpectedCompletion",
                "2033-01-15")).with(web.as("zhou.tao"))))).contains("id=\"err-extensionReason\"")
                .doesNotContain("id=\"err-newExpectedCompletion\"");

        mvc.perform(post(task, Map.of("completionStatus", "extend", "newExpectedCompletion", "2033-01-15",
                "extensionReason", "论文推迟")).with(web.as("zhou.tao"))).andExpect(status().is3xxRedirection());
        assertThat(runtimeService.getVariable(instance.getId(), "expectedCompletion")).isEqualTo("2033-01-15");
        assertThat(runtimeService.getVariable(instance.getId(), "extensions")).isEqualTo(1);
    }

    @Test
    void givingUpNeedsAReason() throws Exception {
        ProcessInstance instance = applications.studying("zhou.tao", Map.of());
        String task = applications.task(instance, DegreeProcess.SUBMIT_COMPLETION).getId();

        assertThat(refused(mvc.perform(post(task, Map.of("completionStatus", "gaveUp")).with(web.as("zhou.tao")))))
                .contains("id=\"err-gaveUpReason\"");
    }

    private Map<String, String> valid() {
        Map<String, String> fields = new LinkedHashMap<>();
        DegreeApplications.application().forEach((key, value) -> fields.put(key, String.valueOf(value)));
        return fields;
    }

    private org.springframework.test.web.servlet.ResultActions start(Map<String, String> fields) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(START_URL);
        fields.forEach(request::param);
        request.with(csrf());
        return mvc.perform(request.with(web.as("zhou.tao")));
    }

    private static String refused(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
    }

    private static String started(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        MvcResult done = result.andReturn();
        String location = done.getResponse().getRedirectedUrl();
        if (done.getResponse().getStatus() != 302 || location == null || !location.startsWith("/requests/")) {
            throw new AssertionError("request not started: " + done.getResponse().getStatus() + " "
                    + done.getResponse().getContentAsString());
        }
        return location.substring("/requests/".length());
    }

    private static String selectedOption(String page, String name) {
        Matcher select = Pattern.compile("<select[^>]*name=\"" + name + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(select.find()).as("select " + name).isTrue();
        Matcher option = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected[^>]*>|<option[^>]*selected[^>]*value=\"([^\"]*)\"")
                .matcher(select.group(1));
        assertThat(option.find()).as("a selected option in " + name).isTrue();
        return option.group(1) != null ? option.group(1) : option.group(2);
    }

    private static MockMultipartFile certificate() {
        return new MockMultipartFile("certificate", "毕业证.pdf", "application/pdf", "%PDF-1.4 diploma".getBytes());
    }

    private static MockMultipartHttpServletRequestBuilder post(String taskId, Map<String, String> fields) {
        MockMultipartHttpServletRequestBuilder request = multipart("/tasks/" + taskId);
        fields.forEach(request::param);
        request.with(csrf());
        return request;
    }
}
