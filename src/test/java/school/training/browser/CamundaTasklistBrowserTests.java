package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single sign-on from our login into Camunda's own Tasklist, and a task completed there with the
 * Camunda Form (rendered by form-js) deployed beside the process.
 */
class CamundaTasklistBrowserTests extends BrowserTestBase {

    /** Tasklist is an AngularJS app that loads its pieces one REST call after another. */
    private static final Duration TASKLIST_WAIT = Duration.ofSeconds(30);

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void leaderCompletesHerReviewInCamundaTasklistWithoutASecondLogin() {
        String processInstanceId = startRequestAsLiNa();
        Task review = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("leaderReview").singleResult();
        assertThat(review.getAssignee()).isEqualTo("chen.jing");

        loginAs("chen.jing");
        driver().get(url("/camunda/app/tasklist/default/"));

        // signed in already: Tasklist shows her filters and tasks, not its own login form
        WebElement taskLink = waiting(TASKLIST_WAIT).until(
                presenceOfElementLocated(By.cssSelector(".tasks-list a[href*='task=" + review.getId() + "']")));
        assertThat(driver().findElements(By.cssSelector("input#inputUsername, form[name=signinForm]"))).isEmpty();
        assertThat(driver().findElement(By.cssSelector(".task-filters")).getText()).contains("全部任务 All tasks");
        assertThat(taskLink.getText()).contains("教研组长审核");
        // her account menu, with the name from our directory (loaded by Tasklist after the page)
        waiting(TASKLIST_WAIT).until(d -> d.findElement(By.cssSelector(".account.dropdown")).getText().contains("陈静"));
        scrollIntoView(taskLink);
        taskLink.click();

        // the Camunda Form: a form-js radio group; options are labels around unnamed inputs
        By approve = By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-form-field-radio')]"
                + "/label[contains(@class,'fjs-form-field-label')][normalize-space()='同意']/input[@type='radio']");
        click(approve);
        waiting().until(d -> d.findElement(approve).isSelected());
        By complete = By.cssSelector(".task-details button[ng-click='complete()']");
        waiting(TASKLIST_WAIT).until(d -> d.findElement(complete).isEnabled());
        click(complete);

        // done in the engine, by her, with her decision
        waiting(TASKLIST_WAIT).until(d -> historicReview(review.getId()).getEndTime() != null);
        HistoricTaskInstance done = historicReview(review.getId());
        assertThat(done.getAssignee()).isEqualTo("chen.jing");
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("leaderDecision").singleResult().getValue()).isEqualTo("approve");
        assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(review.getId())
                .variableName("decision").singleResult().getValue()).isEqualTo("approve");
        // provincial, 3 days, in the province, 1500 yuan: the leader suffices, the office registers next
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult()
                .getTaskDefinitionKey()).isEqualTo("officeRegistration");

        // and Tasklist no longer lists it
        waiting(TASKLIST_WAIT).until(d -> d.findElements(
                By.cssSelector(".tasks-list a[href*='task=" + review.getId() + "']")).isEmpty());

        driver().get(url("/"));
        logout();
    }

    /**
     * form-js renders a text component's markdown and HTML with variables filled in: what a teacher typed
     * would become live links in the leader's Tasklist. The forms show it in disabled fields instead.
     */
    @Test
    void linksATeacherTypedAreShownAsPlainTextInCamundaTasklist() {
        String purpose = "详见 <a href=\"http://evil.example/a\" id=\"typed-link\">通知</a> 与 [课件](http://evil.example/m)";
        String processInstanceId = startRequestAsLiNa(Map.of("title", "[报名](http://evil.example/t) 省级培训",
                "purpose", purpose, "classCover", "**王老师** <img src=\"http://evil.example/i.png\">"));
        Task review = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("leaderReview").singleResult();

        loginAs("chen.jing");
        driver().get(url("/camunda/app/tasklist/default/"));
        WebElement taskLink = waiting(TASKLIST_WAIT).until(
                presenceOfElementLocated(By.cssSelector(".tasks-list a[href*='task=" + review.getId() + "']")));
        scrollIntoView(taskLink);
        taskLink.click();

        // the form is there once its decision radios are
        waiting(TASKLIST_WAIT).until(d -> !d.findElements(By.cssSelector(".task-details .fjs-form-field-radio")).isEmpty());
        WebElement form = driver().findElement(By.cssSelector(".task-details .fjs-form"));
        List<WebElement> textareas = form.findElements(By.cssSelector("textarea"));
        assertThat(textareas).extracting(t -> t.getDomProperty("value")).contains(purpose);
        assertThat(textareas.stream().filter(t -> purpose.equals(t.getDomProperty("value"))).findFirst().orElseThrow()
                .isEnabled()).isFalse();
        assertThat(form.findElements(By.cssSelector("a[href*='evil.example'], img[src*='evil.example'], #typed-link")))
                .isEmpty();
        assertThat(form.findElements(By.cssSelector("input")).stream().map(i -> i.getDomProperty("value")))
                .contains("[报名](http://evil.example/t) 省级培训");

        driver().get(url("/"));
        logout();
    }

    /**
     * A teacher's Tasklist and profile page still work with the user and group lists closed to her: Tasklist
     * shows her task and her name (her own profile), the profile page her groups (a list of her own groups).
     */
    @Test
    void teacherSeesHerReturnedRequestInCamundaTasklistAndHerGroupsOnHerProfile() {
        String processInstanceId = startRequestAsLiNa();
        Task review = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("leaderReview").singleResult();
        taskService.complete(review.getId(), Map.of("leaderDecision", "revise", "leaderComment", "请补充日程安排"));
        Task revise = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("reviseRequest").singleResult();
        assertThat(revise.getAssignee()).isEqualTo("li.na");

        loginAs("li.na");
        driver().get(url("/camunda/app/tasklist/default/"));
        WebElement taskLink = waiting(TASKLIST_WAIT).until(
                presenceOfElementLocated(By.cssSelector(".tasks-list a[href*='task=" + revise.getId() + "']")));
        assertThat(taskLink.getText()).contains("教师修改申请");
        waiting(TASKLIST_WAIT).until(d -> d.findElement(By.cssSelector(".account.dropdown")).getText().contains("李娜"));

        driver().get(url("/camunda/app/welcome/default/#!/welcome"));
        waiting(TASKLIST_WAIT).until(d -> d.findElement(By.tagName("body")).getText().contains("教师 Teachers"));

        driver().get(url("/"));
        logout();
    }

    private HistoricTaskInstance historicReview(String taskId) {
        return historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    }

    private String startRequestAsLiNa() {
        return startRequestAsLiNa(Map.of());
    }

    private String startRequestAsLiNa(Map<String, Object> overrides) {
        LocalDate start = LocalDate.now().plusDays(15);
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicant", "li.na");
        variables.put("title", "省级作文教学培训");
        variables.put("organizer", "省教育厅");
        variables.put("level", "provincial");
        variables.put("kind", "training");
        variables.put("location", "省城");
        variables.put("outOfProvince", false);
        variables.put("startDate", start.toString());
        variables.put("endDate", start.plusDays(2).toString());
        variables.put("purpose", "学习作文教学的新方法，回校后在组内分享。");
        variables.put("classCover", "由张老师代课");
        variables.put("budgetTransport", 300.0);
        variables.put("budgetLodging", 600.0);
        variables.put("budgetFees", 500.0);
        variables.put("budgetOther", 100.0);
        variables.put("invitation", "no-file");
        variables.putAll(overrides);
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            return runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
