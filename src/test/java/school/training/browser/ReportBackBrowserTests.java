package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report-back in the browser, from the trip's end to the money and the hours: li.na checks in and
 * reports, her leader chen.jing accepts it with a staff-meeting sharing, the office zhao.min schedules
 * and records the sharing and settles with a penalty; li.na sees what she is paid and her hours. And
 * the office dashboard shows a report that is overdue. The trips are created through the engine; only
 * the trip's own end timer is run, never the report-back's reminders.
 */
class ReportBackBrowserTests extends BrowserTestBase {

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromTheTripsEndToSettlementAndTheLedger() {
        String title = "市级语文阅读教学培训 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate start = LocalDate.now().plusDays(5);
        LocalDate end = start.plusDays(1);
        String trip = registeredTrip("li.na", title, start, end);

        // the trip ends: the engine's clock on the morning of the last day, its end timer runs
        setClock(end.atTime(9, 0));
        String reportBack = reportBack(trip);

        // li.na checks in
        loginAs("li.na");
        clickAndWaitForNewPage(taskLink("assigned", title, "回校报到"));
        click(By.cssSelector("input[name=checkInStatus][value=onTime]"));
        clickAndWaitForNewPage(By.id("complete"));

        // and submits her report: transport above its budget of 100
        clickAndWaitForNewPage(taskLink("assigned", title, "提交学习汇报"));
        type(By.id("f-reflections"), ("这次培训系统学习了整本书阅读的教学设计，观摩了三节示范课，"
                + "听了两场专家讲座，对如何设计阅读任务群、如何在课堂上组织学生讨论有了新的认识。").repeat(4));
        visible(By.id("f-materials")).sendKeys(upload("讲义.pdf").toString());
        type(By.id("f-actualTransport"), "150");
        type(By.id("f-actualLodging"), "300");
        type(By.id("f-actualFees"), "200");
        type(By.id("f-actualOther"), "0");
        visible(By.id("f-receipts")).sendKeys(upload("票据.pdf").toString());
        clickAndWaitForNewPage(By.id("complete"));
        assertThat(driver().findElements(By.cssSelector(".field-error"))).isEmpty();
        logout();

        // chen.jing accepts it and asks for a sharing at the staff meeting
        loginAs("chen.jing");
        clickAndWaitForNewPage(taskLink("assigned", title, "教研组长审阅汇报"));
        click(By.cssSelector("input[name=reviewDecision][value=approve]"));
        click(By.cssSelector("input[name=sharing][value=staffMeeting]"));
        clickAndWaitForNewPage(By.id("complete"));
        logout();

        // the office schedules and records the sharing, then settles with a penalty
        loginAs("zhao.min");
        clickAndWaitForNewPage(groupTask(title, "安排分享/汇报课"));
        setDate(By.id("f-sharingDate"), end.plusDays(3));
        type(By.id("f-sharingPlace"), "学校报告厅");
        clickAndWaitForNewPage(By.id("complete"));
        clickAndWaitForNewPage(groupTask(title, "记录分享情况"));
        click(By.cssSelector("input[name=sharingHeld][value=held]"));
        clickAndWaitForNewPage(By.id("complete"));
        clickAndWaitForNewPage(groupTask(title, "办公室结算报销"));
        type(By.id("f-penaltyAmount"), "50");
        type(By.id("f-penaltyReason"), "未按规定乘坐公共交通");
        clickAndWaitForNewPage(By.id("complete"));
        logout();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(reportBack).count()).isZero();

        // li.na sees the capped line and what she is paid, and her hours
        loginAs("li.na");
        driver().get(url("/requests/" + reportBack));
        WebElement reimbursement = visible(By.id("reimbursement"));
        assertThat(reimbursement.findElement(By.cssSelector("td[data-line=Transport]")).getText()).isEqualTo("100.00");
        assertThat(reimbursement.findElements(By.cssSelector("tr.capped"))).hasSize(1);
        assertThat(visible(By.id("reimbursable-total")).getText()).isEqualTo("600.00");
        assertThat(visible(By.id("reimbursed-total")).getText()).isEqualTo("550.00");

        driver().get(url("/ledger"));
        WebElement entries = visible(By.id("entries"));
        List<String> rows = entries.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(title, "12.0")); // 2 days × 6
        logout();
    }

    @Test
    void officeDashboardShowsAnOverdueReport() {
        String title = "市级数学教研活动 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate start = LocalDate.now().plusDays(30);
        LocalDate end = start.plusDays(1);
        String trip = registeredTrip("zhou.tao", title, start, end);
        setClock(end.atTime(9, 0));
        String reportBack = reportBack(trip);
        complete(reportBack, "returnCheckIn", Map.of("checkInStatus", "onTime"));

        // the report was due 7 days after his return; two days later it is still missing
        setClock(end.plusDays(9).atTime(10, 0));

        loginAs("zhao.min");
        driver().get(url("/office"));
        WebElement row = visible(By.xpath("//section[@id='overdue']//tr[@data-request='" + reportBack + "']"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells).containsSequence("周涛", "数学组", title, "提交学习汇报");
        assertThat(cells.get(cells.size() - 1)).isEqualTo("2");
        logout();
    }

    // ---- engine helpers -------------------------------------------------------------------------

    private String registeredTrip(String applicant, String title, LocalDate start, LocalDate end) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("organizer", "市教育局教研室");
        variables.put("level", "municipal");
        variables.put("kind", "training");
        variables.put("location", "市第一中学");
        variables.put("outOfProvince", Boolean.FALSE);
        variables.put("startDate", start.toString());
        variables.put("endDate", end.toString());
        variables.put("purpose", "学习新课标下的教学方法");
        variables.put("classCover", "王老师代课");
        variables.put("budgetTransport", 100.0);
        variables.put("budgetLodging", 300.0);
        variables.put("budgetFees", 200.0);
        variables.put("budgetOther", 0.0);
        variables.put("applicant", applicant);
        List<String> groups = identityService.createGroupQuery().groupMember(applicant).list().stream()
                .map(Group::getId).toList();
        String id;
        // seeded as the app does (no signed-in caller), so the engine's start rules for people do not apply
        try {
            id = runtimeService.startProcessInstanceByKey("externalStudy", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
        complete(id, "leaderReview", Map.of("leaderDecision", "approve"));
        complete(id, "principalApproval", Map.of("principalDecision", "approve"));
        complete(id, "officeRegistration", Map.of());
        return id;
    }

    private String reportBack(String trip) {
        Job timer = managementService.createJobQuery().processInstanceId(trip).activityId("tripEnds").singleResult();
        managementService.executeJob(timer.getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("postStudyReport")
                .processInstanceBusinessKey(trip).singleResult().getId();
    }

    private void complete(String instanceId, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
        if (task != null) {
            taskService.complete(task.getId(), variables);
        }
    }

    private static void setClock(LocalDateTime now) {
        ClockUtil.setCurrentTime(Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private static Path upload(String name) {
        Path pdf = invitationPdf();
        Path renamed = pdf.resolveSibling(name);
        return pdf.toFile().renameTo(renamed.toFile()) ? renamed.toAbsolutePath() : pdf.toAbsolutePath();
    }

    private static By taskLink(String section, String title, String step) {
        return By.xpath("//section[@id='" + section + "']//tr[td[normalize-space()='" + title + "']]/td[1]/a[normalize-space()='"
                + step + "']");
    }

    /**
     * A step offered to a group, opened from the home page: under 我的待办 for its only member (the demo's
     * one principal, one clerk), under 待认领 when a colleague could take it too; deciding takes it.
     */
    private static By groupTask(String title, String step) {
        return By.xpath("//section[@id='assigned' or @id='offered']//tr[td[normalize-space()='" + title
                + "']]/td[1]/a[normalize-space()='" + step + "']");
    }
}
