package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import school.training.people.Directory;
import school.training.people.Role;
import school.training.termreview.TermReviewCampaign;
import school.training.termreview.TermReviewCampaigns;

/**
 * A term's review in the browser, for a teaching group of its own: the office opens the campaign, the
 * teacher writes her self-assessment, the group leader scores the group on one page, the principal
 * confirms the group in one step, and the teacher sees her score sheet: 10 + 30 (one missing lesson
 * plan) + 0 (no training hours) + 20 + 8 = 68, 合格.
 */
class TermReviewBrowserTests extends BrowserTestBase {

    @Autowired
    Directory directory;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void openSelfAssessScoreConfirmAndTheTeacherSeesHerResult() {
        String group = "tb" + System.nanoTime();
        directory.createTeachingGroup(group, "浏览器考核组", "Browser review group", 98);
        directory.register(group + ".leader", "吴组长", Role.GROUP_LEADER, group, "物理", "demo");
        directory.register(group + ".teacher", "郑老师", Role.TEACHER, group, "物理", "demo");
        String label = "考核演练 " + group.substring(group.length() - 6);

        // this term the group had a school training, where the teacher's result was excellent
        loginAs("zhao.min");
        driver().get(url("/trainings"));
        clickAndWaitForNewPage(By.id("plan-training"));
        String training = "期中专题培训 " + group.substring(group.length() - 6);
        type(By.id("title"), training);
        new Select(visible(By.id("category"))).selectByValue("SCHOOL_BASED");
        click(By.id("audience-GROUPS"));
        click(By.id("group-" + group));
        // today: always inside the term the review is opened for
        setDate(By.id("s0-date"), LocalDate.now());
        js("arguments[0].value = arguments[1];", visible(By.id("s0-start")), "07:00");
        js("arguments[0].value = arguments[1];", visible(By.id("s0-end")), "08:00");
        type(By.id("s0-place"), "物理实验室");
        type(By.id("s0-hours"), "1");
        clickAndWaitForNewPage(By.id("plan-submit"));
        driver().get(driver().findElement(By.cssSelector("a[id^='roll-']")).getAttribute("href"));
        clickAndWaitForNewPage(By.id("roll-save"));
        clickAndWaitForNewPage(By.id("record-results"));
        click(By.id("result-" + group + ".teacher-EXCELLENT"));
        clickAndWaitForNewPage(By.id("results-save"));
        clickAndWaitForNewPage(By.id("close-project"));
        assertThat(visible(By.id("project-state")).getText()).isEqualTo("已结项");

        // the office opens the term's review for the group
        driver().get(url("/term-reviews"));
        type(By.id("f-termLabel"), label);
        new Select(visible(By.id("f-group"))).selectByValue(group);
        clickAndWaitForNewPage(By.id("open-campaign-button"));
        TermReviewCampaign campaign = campaigns.all().stream().filter(c -> c.getTermLabel().equals(label)).findFirst()
                .orElseThrow();
        assertThat(campaign.getReviews()).isEqualTo(2);
        String review = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId() + ":" + group + ".teacher").singleResult().getId();
        logout();

        // the teacher writes her self-assessment from her home page
        loginAs(group + ".teacher");
        // a review is titled by its term; the process column beside it says it is a review
        clickAndWaitForNewPage(By.xpath("//section[@id='assigned']//tr[td[normalize-space()='" + label
                + "']]/td[1]/a"));
        type(By.id("f-selfAssessment"), "本学期承担初二物理教学，按时完成教案，组织学生实验竞赛，参加校本研修。".repeat(2));
        clickAndWaitForNewPage(By.id("complete"));
        logout();

        // the leader scores the group on one page. The group keeps its plans and observations on paper, so she
        // changes what the (empty) records imply: one missing lesson plan, nothing else, with the reason
        loginAs(group + ".leader");
        driver().get(url("/term-reviews/scoring"));
        String scoring = taskService.createTaskQuery().processInstanceId(review).taskDefinitionKey("leaderScoring")
                .singleResult().getId();
        type(By.id("t-" + scoring + "-archiveDeduction"), "0");
        type(By.id("t-" + scoring + "-missingLessonPlans"), "1");
        type(By.id("t-" + scoring + "-observationDeduction"), "0");
        type(By.id("t-" + scoring + "-deductionReason"), "十月份教学反思未交");
        clickAndWaitForNewPage(By.id("submit-scores"));
        assertThat(runtimeService.getActiveActivityIds(review)).contains("principalConfirmation");
        logout();

        // the principal confirms the group's results in one step
        loginAs("liu.hua");
        driver().get(url("/term-reviews/confirmation"));
        clickAndWaitForNewPage(By.xpath("//section[@id='group-" + campaign.getId() + "-" + group + "']//button[@type='submit']"));
        assertThat(runtimeService.getActiveActivityIds(review)).contains("appeal");
        logout();

        // the teacher sees her score sheet
        loginAs(group + ".teacher");
        driver().get(url("/requests/" + review));
        assertThat(visible(By.id("score-sheet")).getText()).contains("十月份教学反思未交");
        // 68 as judged without the training; its one hour is one missing hour less (+2), and its excellent
        // result is the attendance bonus (+2), which the sheet names and links
        assertThat(visible(By.id("score-sheet")).getText()).contains("本学期培训：优秀 1 项，不合格 0 项");
        assertThat(driver().findElements(By.cssSelector("#score-sheet a.excellent-training"))).hasSize(1);
        assertThat(visible(By.id("score-total")).getText()).contains("72");
        assertThat(visible(By.id("score-grade")).getText()).contains("合格");
    }
}
