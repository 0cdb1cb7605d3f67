package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import school.training.ledger.SchoolCalendar;
import school.training.ledger.Term;
import school.training.people.Directory;
import school.training.people.Role;
import school.training.termreview.TermReviewCampaign;
import school.training.termreview.TermReviewCampaigns;

/**
 * Issue 11's story: on a phone a teacher hands in this month's lesson plan and records a lesson she observed;
 * her leader accepts the plan at his desk; when the term is reviewed, the leader's scoring page and the score
 * sheet show both, each item pre-filled from the records.
 */
class TermRecordsBrowserTests extends BrowserTestBase {

    @Autowired
    Directory directory;
    @Autowired
    TermReviewCampaigns campaigns;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    SchoolCalendar calendar;

    @Test
    void aPlanAndAnObservationFromAPhoneReachTheTermReview() {
        String group = "brec" + System.nanoTime();
        String leader = group + ".leader";
        String teacher = group + ".teacher";
        directory.createTeachingGroup(group, "常规浏览器组", "Records browser group", 98);
        directory.register(leader, "冯组长", Role.GROUP_LEADER, group, "化学", "demo");
        directory.register(teacher, "蒋老师", Role.TEACHER, group, "化学", "demo");
        LocalDate today = LocalDate.now();
        Term term = Term.containing(today);
        // the latest teaching month of the term so far (this month, or June in the summer holiday)
        List<YearMonth> months = calendar.teachingMonths(term.start(), today);
        YearMonth month = months.get(months.size() - 1);

        Dimension before = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(390, 844));
            loginAs(teacher);

            // the month's lesson plan, with its reflection and a file
            driver().get(url("/lesson-plans/submit?month=" + month));
            type(By.id("title"), "《化学反应速率》教学设计");
            type(By.id("planText"), "教学目标：理解影响化学反应速率的因素。教学过程：实验导入、分组探究、归纳总结。");
            type(By.id("reflection"), "分组实验时间偏紧，下次提前准备器材。");
            visible(By.id("files")).sendKeys(invitationPdf().toString());
            assertNoSidewaysScroll(driver().getCurrentUrl());
            clickAndWaitForNewPage(By.id("submit"));
            assertThat(visible(By.id("notice")).getText()).isNotBlank();
            assertThat(visible(By.id("month-" + month)).getText()).contains("待检查");

            // a lesson she observed: her leader's, with a suggestion
            driver().get(url("/observations/new"));
            new Select(visible(By.id("observedId"))).selectByValue(leader);
            type(By.id("className"), "高一（3）班");
            type(By.id("notes"), "以实验引入，学生参与度高，板书清楚。");
            type(By.id("suggestions"), "小组讨论后可请学生上台汇报，时间再留足一些。");
            assertNoSidewaysScroll(driver().getCurrentUrl());
            clickAndWaitForNewPage(By.id("save-observation"));
            assertThat(visible(By.id("notice")).getText()).isNotBlank();
            assertThat(visible(By.id("my-records")).getText()).contains("高一（3）班");
            logout();
        } finally {
            driver().manage().window().setSize(before);
        }

        // the leader accepts the plan from his group's grid, and reads the suggestion about his lesson
        loginAs(leader);
        driver().get(url("/lesson-plans/group"));
        clickAndWaitForNewPage(By.cssSelector("#row-" + css(teacher) + " a"));
        clickAndWaitForNewPage(By.id("accept"));
        assertThat(visible(By.id("notice")).getText()).contains("已通过");
        assertThat(visible(By.id("row-" + teacher)).getText()).contains("已通过");
        driver().get(url("/observations/about-me"));
        assertThat(visible(By.tagName("main")).getText()).contains("小组讨论后可请学生上台汇报");
        logout();

        // the term is reviewed: the leader's scoring page shows both records, pre-filled
        TermReviewCampaign campaign = campaigns.open("常规演练 " + group.substring(group.length() - 6), term.start(),
                term.end(), today.plusDays(7), group, "zhao.min");
        String review = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId() + ":" + teacher).singleResult().getId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey("selfAssessment").singleResult().getId(),
                Map.of("selfAssessment", "本学期按月上交教案，坚持听课评课。".repeat(3)));
        int due = calendar.teachingMonths(term.start(), term.end()).size();
        loginAs(leader);
        driver().get(url("/term-reviews/scoring"));
        String scoring = taskService.createTaskQuery().processInstanceId(review).taskDefinitionKey("leaderScoring")
                .singleResult().getId();
        String row = visible(By.id("row-" + scoring)).getText();
        assertThat(row).contains("月度教案通过 1 / " + due + " 个月", "听课 1 / ");
        assertThat(visible(By.id("t-" + scoring + "-missingLessonPlans")).getAttribute("value"))
                .isEqualTo(String.valueOf(Math.min(due - 1, 16)));
        // he confirms the records as they are: no reason needed
        clickAndWaitForNewPage(By.id("submit-scores"));
        assertThat(runtimeService.getActiveActivityIds(review)).contains("principalConfirmation");

        // the score sheet names the records behind the items
        driver().get(url("/requests/" + review));
        assertThat(visible(By.id("records-lessonPlans")).getText()).contains("未通过检查的月份");
        assertThat(visible(By.id("records-observation")).getText()).contains("听课 1 节");
        assertThat(driver().findElements(By.cssSelector("#score-sheet .override"))).isEmpty();
    }

    private static String css(String id) {
        return id.replace(".", "\\.");
    }
}
