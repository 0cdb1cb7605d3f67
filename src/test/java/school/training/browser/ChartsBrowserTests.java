package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import school.training.externalstudy.ExternalStudyRequests;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.termreview.TermReviewCampaign;
import school.training.termreview.TermReviewCampaigns;
import school.training.termreview.TermReviewProcess;

/**
 * Issue 14's pictures on a 390×844 phone: each statistics page, opened by the role it is for, draws its chart
 * (a canvas of real size inside the chart's element) with no script error and no refusal by the
 * Content-Security-Policy, keeps the table of the same figures, and does not scroll sideways.
 */
class ChartsBrowserTests extends BrowserTestBase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    Directory directory;
    @Autowired
    TermReviewCampaigns campaigns;

    @Test
    void everyChartIsDrawnOnAPhoneForTheOfficeAndThePrincipal() {
        request("li.na", "图表浏览器 " + System.nanoTime()); // an approval waiting, for the office dashboard
        long campaign = campaignWithResults();

        Dimension before = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(390, 844));
            loginAs("zhao.min");
            drawn("/office", "approvals-chart", "#approvals table");
            drawn("/ledger/compliance", "compliance-chart", "#per-group table");
            drawn("/term-reviews/" + campaign, "grade-chart", "#distribution table");
            drawn("/degree/statistics", "degree-chart", "#distribution table");
            logout();

            loginAs("liu.hua");
            drawn("/degree/statistics", "degree-chart", "#distribution table");
            drawn("/term-reviews/" + campaign + "?lang=en", "grade-chart", "#distribution table");
            assertThat(driver().findElement(By.id("grade-chart")).getAttribute("aria-label")).startsWith("Grades: ");
            drawn("/office?lang=zh_CN", "approvals-chart", "#approvals table");
            assertThat(driver().findElement(By.id("approvals-chart")).getAttribute("aria-label"))
                    .startsWith("待审批的申请已等了多久");
            logout();
        } finally {
            driver().manage().window().setSize(before);
        }
    }

    /** Opens the page and checks its chart, its table and its width. */
    private void drawn(String path, String chartId, String tableSelector) {
        driver().get(url(path));
        WebElement chart = visible(By.id(chartId));
        waiting().until(d -> chart.getAttribute("data-chart-rendered") != null);
        assertThat(chart.getAttribute("data-chart-rendered")).as(path + " drew its chart").isEqualTo("true");
        @SuppressWarnings("unchecked")
        List<Number> canvas = (List<Number>) js("var c = arguments[0].querySelector('canvas');"
                + "if (!c) { return [0, 0]; } var r = c.getBoundingClientRect(); return [r.width, r.height];", chart);
        assertThat(canvas.get(0).doubleValue()).as(path + " canvas width").isGreaterThan(200).isLessThanOrEqualTo(390);
        assertThat(canvas.get(1).doubleValue()).as(path + " canvas height").isGreaterThan(100);
        // something was painted: the canvas is not blank
        assertThat(js("var c = arguments[0].querySelector('canvas'); var d = c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data; for (var i = 3; i < d.length; i += 4) {"
                + " if (d[i] > 0) { return true; } } return false;", chart)).as(path + " painted").isEqualTo(true);
        assertThat(js("return window.chartErrors;")).as(path + " script errors and CSP refusals")
                .asList().isEmpty();
        assertThat(visible(By.cssSelector(tableSelector)).isDisplayed()).as(path + " keeps its table").isTrue();
        assertNoSidewaysScroll(path);
    }

    private long campaignWithResults() {
        String group = "cb" + System.nanoTime();
        directory.createTeachingGroup(group, "图表考核组", "Chart review group", 95);
        directory.register(group + ".leader", "图表组长", Role.GROUP_LEADER, group, "数学", "demo");
        directory.register(group + ".a", "图表教师甲", Role.TEACHER, group, "数学", "demo");
        LocalDate today = LocalDate.now();
        TermReviewCampaign campaign = campaigns.open("2026–2027 学年第一学期", today.minusMonths(1), today.plusMonths(4),
                today.plusDays(7), group, "zhao.min");
        for (String teacher : new String[] { group + ".leader", group + ".a" }) {
            complete(campaign, teacher, TermReviewProcess.SELF_ASSESSMENT,
                    Map.of("selfAssessment", "认真完成教学任务。".repeat(6)));
            complete(campaign, teacher, TermReviewProcess.LEADER_SCORING,
                    Map.of("archiveDeduction", 0, "missingLessonPlans", 0, "observationDeduction", 0));
            complete(campaign, teacher, TermReviewProcess.PRINCIPAL_CONFIRMATION, Map.of("principalDecision", "approve"));
        }
        return campaign.getId();
    }

    private void complete(TermReviewCampaign campaign, String teacher, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(campaign.getId() + ":" + teacher)
                .taskDefinitionKey(step).singleResult();
        assertThat(task).as(teacher + " at " + step).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    private String request(String applicant, String title) {
        // a trip three weeks from now
        return new ExternalStudyRequests(identityService, runtimeService).start(applicant, Map.of("title", title,
                "startDate", LocalDate.now().plusDays(20).toString(),
                "endDate", LocalDate.now().plusDays(21).toString())).getId();
    }
}
