package school.training.externalstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import school.training.attachments.Attachments;
import school.training.tasklist.WebFixtures;

/** The outside-study forms on our pages: bad input comes back beside its field, good input starts typed. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class ExternalStudyFormTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    Attachments attachments;

    WebFixtures web;

    @BeforeEach
    void setUp() {
        web = new WebFixtures(identityService);
    }

    @Test
    void startFormRendersEveryField() throws Exception {
        String page = mvc.perform(get(WebFixtures.START_URL).with(web.as("li.na"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"title\"", "name=\"startDate\"", "name=\"budgetTransport\"",
                "name=\"invitation\"", "name=\"_csrf\"");
    }

    @Test
    void endBeforeStartIsShownBesideTheEndDateAndTheTypedValuesStay() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.put("startDate", LocalDate.now().plusDays(20).toString());
        fields.put("endDate", LocalDate.now().plusDays(18).toString());
        fields.put("title", "省级数学年会（保留我）");

        String page = rejected(fields, WebFixtures.pdf("notice.pdf"));

        assertThat(errorBeside(page, "endDate")).isEqualTo("结束日期不能早于开始日期。");
        assertThat(page).doesNotContain("id=\"err-startDate\"");
        assertThat(page).contains("value=\"省级数学年会（保留我）\"", "value=\"" + fields.get("endDate") + "\"",
                "value=\"" + fields.get("startDate") + "\"", "学习新课标下的阅读教学方法");
    }

    @Test
    void aTripLongerThanTheMaximumIsRefusedBesideTheEndDateAndTheTypedValuesStay() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        LocalDate start = LocalDate.now().plusDays(10);
        fields.put("startDate", start.toString());
        fields.put("endDate", start.plusDays(399).toString());
        fields.put("title", "一年多的进修（保留我）");

        String page = rejected(fields, WebFixtures.pdf("notice.pdf"));

        assertThat(errorBeside(page, "endDate")).isEqualTo("外出时间最长 366 天，请检查结束日期。");
        assertThat(page).contains("value=\"一年多的进修（保留我）\"", "value=\"" + fields.get("endDate") + "\"",
                "学习新课标下的阅读教学方法");
    }

    @Test
    void aTripOfExactlyTheMaximumIsAccepted() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        LocalDate start = LocalDate.now().plusDays(10);
        fields.put("startDate", start.toString());
        fields.put("endDate", start.plusDays(365).toString());

        mvc.perform(WebFixtures.startForm(fields, WebFixtures.pdf("notice.pdf")).with(web.as("li.na")))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aControlCharacterIsRefusedBesideItsFieldAndTheRestStays() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.put("organizer", "市教育局\u0000教研室");
        fields.put("title", "省级数学年会（保留我）");

        String page = rejected(fields, WebFixtures.pdf("notice.pdf"));

        assertThat(errorBeside(page, "organizer")).isEqualTo("含有不可见的控制字符，请删除后再提交（常见于从别处复制的文字）");
        assertThat(page).doesNotContain("id=\"err-title\"", "id=\"err-purpose\"")
                .contains("value=\"省级数学年会（保留我）\"", "学习新课标下的阅读教学方法");
    }

    @Test
    void startInThePastIsRefused() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.put("startDate", LocalDate.now().minusDays(1).toString());
        String page = rejected(fields, WebFixtures.pdf("notice.pdf"));
        assertThat(errorBeside(page, "startDate")).isEqualTo("开始日期不能早于今天。");
    }

    @Test
    void negativeMoneyIsShownBesideItsLine() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.put("budgetTransport", "-5");

        String page = rejected(fields, WebFixtures.pdf("notice.pdf"));

        assertThat(errorBeside(page, "budgetTransport")).isEqualTo("不能小于 0");
        assertThat(page).contains("value=\"-5\"").doesNotContain("id=\"err-budgetLodging\"");
    }

    @Test
    void missingTitleIsRequired() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.remove("title");

        String page = rejected(fields, WebFixtures.pdf("notice.pdf"));

        assertThat(errorBeside(page, "title")).isEqualTo("此项必填");
        assertThat(page).contains("value=\"市教育局教研室\"");
    }

    @Test
    void aFileAttachedToARefusedFormIsKeptForTheNextAttemptAndNobodyElsesFileCanBeSlippedIn() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.remove("title");

        // the title is missing: the page says so and offers back the invitation she attached (issue 14's walkthrough)
        String page = rejected(fields, WebFixtures.pdf("会议通知.pdf"));
        assertThat(page).contains("会议通知.pdf");
        java.util.regex.Matcher kept = java.util.regex.Pattern
                .compile("name=\"invitation__kept\" value=\"([^\"]+)\"").matcher(page);
        assertThat(kept.find()).as("the kept file travels with the form").isTrue();
        String keptId = kept.group(1);
        assertThat(attachments.find(keptId)).get().extracting(a -> a.getUploadedBy()).isEqualTo("li.na");

        // another teacher cannot borrow it: for him the invitation is still missing
        Map<String, String> his = WebFixtures.validFields();
        his.put("invitation__kept", keptId);
        String refused = mvc.perform(WebFixtures.startForm(his).with(web.as("zhou.tao")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(errorBeside(refused, "invitation")).isEqualTo("此项必填");

        // she adds the title and sends again without choosing the file: the request has her invitation
        fields.put("title", "带着已上传文件的申请");
        fields.put("invitation__kept", keptId);
        String location = mvc.perform(WebFixtures.startForm(fields).with(web.as("li.na")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring("/requests/".length());
        assertThat(runtimeService.getVariable(id, "invitation")).isEqualTo(keptId);
        assertThat(attachments.find(keptId).get().getProcessInstanceId()).isEqualTo(id);
    }

    @Test
    void programFilesAreNotAccepted() throws Exception {
        String page = rejected(WebFixtures.validFields(),
                new MockMultipartFile("invitation", "invitation.exe", "application/octet-stream", new byte[] { 77, 90 }));
        assertThat(errorBeside(page, "invitation")).startsWith("文件类型不支持").contains(".pdf");
    }

    @Test
    void filesOverTenMegabytesAreNotAccepted() throws Exception {
        byte[] elevenMegabytes = new byte[11 * 1024 * 1024];
        String page = rejected(WebFixtures.validFields(),
                new MockMultipartFile("invitation", "scan.pdf", "application/pdf", elevenMegabytes));
        assertThat(errorBeside(page, "invitation")).isEqualTo("文件不能超过 10 MB");
    }

    @Test
    void aThousandCharacterFileNameIsStoredShortenedWithItsExtension() throws Exception {
        String name = storedInvitationName("邀".repeat(996) + ".pdf");

        assertThat(name).hasSizeLessThanOrEqualTo(200).startsWith("邀邀邀").endsWith("….pdf");
    }

    @Test
    void controlCharactersAndPathsInAFileNameAreDropped() throws Exception {
        // Tomcat itself refuses a NUL before we see it (UploadLimitsHttpTests); anything that gets here is cleaned
        assertThat(storedInvitationName("..\\..\\通知\u0000\u001b[2J\u202Efdp.pdf")).isEqualTo("通知[2Jfdp.pdf");
    }

    /** Starts a request with this invitation file name (no 500, whatever the name) and answers the name kept. */
    private String storedInvitationName(String filename) throws Exception {
        var result = mvc.perform(WebFixtures.startForm(WebFixtures.validFields(),
                new MockMultipartFile("invitation", filename, "application/pdf", "%PDF-1.4".getBytes()))
                .with(web.as("li.na"))).andExpect(status().is3xxRedirection()).andReturn();
        String id = result.getResponse().getRedirectedUrl().substring("/requests/".length());
        String attachmentId = (String) runtimeService.getVariable(id, "invitation");
        return attachments.find(attachmentId).orElseThrow().getFileName();
    }

    @Test
    void goodRequestStartsTheProcessWithTypedVariablesComputedOnTheServer() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        // a browser could post the read-only total or the days: the server must not believe them
        fields.put("budgetTotal", "99999");
        fields.put("tripDays", "99");

        var result = mvc.perform(WebFixtures.startForm(fields, WebFixtures.pdf("邀请函.pdf")).with(web.as("li.na")))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/requests/");
        String id = location.substring("/requests/".length());

        Map<String, Object> variables = runtimeService.getVariables(id);
        assertThat(variables.get("applicant")).isEqualTo("li.na");
        assertThat(variables.get("budgetTransport")).isEqualTo(120.5);
        assertThat(variables.get("budgetLodging")).isInstanceOf(Double.class).isEqualTo(300.0);
        assertThat(variables.get("budgetTotal")).isInstanceOf(Double.class).isEqualTo(440.75);
        assertThat(variables.get("tripDays")).isEqualTo(2);
        assertThat(variables.get("outOfProvince")).isEqualTo(false);
        assertThat(variables.get("startDate")).isEqualTo(fields.get("startDate"));
        assertThat(variables.get("invitation")).isInstanceOf(String.class);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
                .getStartUserId()).isEqualTo("li.na");
        assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey())
                .isEqualTo(ExternalStudyProcess.LEADER_REVIEW);
    }

    @Test
    void rejectWithoutCommentAtLeaderReviewIsShownBesideTheCommentAndCompletesNothing() throws Exception {
        String id = web.submitRequest(mvc, "li.na");
        Task review = taskService.createTaskQuery().processInstanceId(id).singleResult();

        var response = mvc.perform(post("/tasks/" + review.getId()).param("leaderDecision", "reject")
                .param("leaderComment", "   ").with(csrf()).with(web.as("chen.jing")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse();
        String page = response.getContentAsString();

        assertThat(errorBeside(page, "leaderComment")).isEqualTo("退回或不同意时请写明理由。");
        assertThat(page).containsPattern("value=\"reject\"[^>]*checked");
        Task still = taskService.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(still.getId()).isEqualTo(review.getId());
        assertThat(runtimeService.getVariable(id, "leaderDecision")).isNull();
    }

    @Test
    void linksAndMarkupATeacherTypedAreShownAsPlainTextOnTheLeadersTaskPage() throws Exception {
        Map<String, String> fields = WebFixtures.validFields();
        fields.put("title", "<b>观摩</b> [报名](http://evil.example/t)");
        fields.put("purpose", "详见 <a href=\"http://evil.example/a\">通知</a> 与 [课件](http://evil.example/m) ![x](http://evil.example/i.png)");
        fields.put("classCover", "**王老师** <script>alert(1)</script>");
        var result = mvc.perform(WebFixtures.startForm(fields, WebFixtures.pdf("notice.pdf")).with(web.as("li.na")))
                .andExpect(status().is3xxRedirection()).andReturn();
        String id = result.getResponse().getRedirectedUrl().substring("/requests/".length());
        Task review = taskService.createTaskQuery().processInstanceId(id).singleResult();

        String page = mvc.perform(get("/tasks/" + review.getId()).with(web.as("chen.jing")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("<a href=\"http://evil.example", "href=\"http://evil.example", "<script>alert",
                "<b>观摩</b>", "<img", "<strong>王老师</strong>");
        assertThat(page).contains("&lt;a href=&quot;http://evil.example/a&quot;&gt;通知&lt;/a&gt; 与 [课件](http://evil.example/m)",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;观摩&lt;/b&gt; [报名](http://evil.example/t)");
        // the review form shows the request in disabled fields: plain text, like Camunda's Tasklist
        assertThat(page).containsPattern("<textarea[^>]*id=\"f-purpose\"[^>]*disabled");
        assertThat(page).containsPattern("<input[^>]*id=\"f-title\"[^>]*disabled");
    }

    @Test
    void whatTheReviewFormShowsIsNeverTakenFromThePost() throws Exception {
        String id = web.submitRequest(mvc, "li.na");
        Task review = taskService.createTaskQuery().processInstanceId(id).singleResult();
        Object title = runtimeService.getVariable(id, "title");

        mvc.perform(post("/tasks/" + review.getId()).param("leaderDecision", "approve")
                .param("title", "改过的标题").param("purpose", "[改过](http://evil.example)").param("budgetTotal", "1")
                .with(csrf()).with(web.as("chen.jing"))).andExpect(status().is3xxRedirection());

        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("title")
                .singleResult().getValue()).isEqualTo(title);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("purpose")
                .singleResult().getValue()).isEqualTo(WebFixtures.validFields().get("purpose"));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("budgetTotal")
                .singleResult().getValue()).isEqualTo(440.75);
    }

    @Test
    void rejectWithReasonEndsTheRequest() throws Exception {
        String id = web.submitRequest(mvc, "li.na");
        Task review = taskService.createTaskQuery().processInstanceId(id).singleResult();

        mvc.perform(post("/tasks/" + review.getId()).param("leaderDecision", "reject")
                .param("leaderComment", "本学期课时紧张").with(csrf()).with(web.as("chen.jing")))
                .andExpect(status().is3xxRedirection());

        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo(ExternalStudyProcess.END_REJECTED);
    }

    /** Posts the start form as li.na, expects 422, and checks that no request was started. */
    private String rejected(Map<String, String> fields, MockMultipartFile file) throws Exception {
        long before = startedByLiNa();
        String page = mvc.perform(WebFixtures.startForm(fields, file).with(web.as("li.na")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(startedByLiNa()).as("instances started by li.na").isEqualTo(before);
        return page;
    }

    private long startedByLiNa() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ExternalStudyProcess.KEY)
                .startedBy("li.na").count();
    }

    static String errorBeside(String page, String key) {
        Matcher matcher = Pattern.compile("id=\"err-" + Pattern.quote(key) + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(matcher.find()).as("element err-" + key + " on the page").isTrue();
        return matcher.group(1).strip();
    }
}
