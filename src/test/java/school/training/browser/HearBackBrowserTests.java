package school.training.browser;

import school.training.externalstudy.ExternalStudyRequests;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hearing back in the browser: chen.jing returns li.na's request with a reason, li.na reads it in her
 * notifications; three days later she urges her other request and chen.jing is told.
 */
class HearBackBrowserTests extends BrowserTestBase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theTeacherReadsWhyHerRequestCameBackAndUrgesTheOtherOne() {
        String title = "回音 " + UUID.randomUUID().toString().substring(0, 8);
        String returned = start(title + " 甲");
        String waiting = start(title + " 乙");

        // her leader returns the first one with a reason
        loginAs("chen.jing");
        driver().get(url("/tasks/" + taskService.createTaskQuery().processInstanceId(returned).singleResult().getId()));
        click(By.cssSelector("input[name=leaderDecision][value=revise]"));
        type(By.id("f-leaderComment"), "请写明代课安排");
        clickAndWaitForNewPage(By.id("complete"));
        logout();

        // li.na reads why, and the notification leads to the request
        loginAs("li.na");
        driver().get(url("/notifications"));
        By notice = By.xpath("//tr[contains(@class,'notification')][contains(., '" + title + " 甲')]//button");
        assertThat(visible(notice).getText()).isEqualTo("陈静 退回了您的申请「" + title + " 甲」：请写明代课安排");
        clickAndWaitForNewPage(notice);
        assertThat(driver().getCurrentUrl()).endsWith("/requests/" + returned);

        // three days on, the other request still waits for her leader: she urges it
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
        driver().get(url("/requests/" + waiting));
        clickAndWaitForNewPage(By.id("urge-button"));
        assertThat(visible(By.cssSelector(".alert.notice")).getText()).isEqualTo("已催办，审批人会收到提醒。");
        assertThat(visible(By.id("urged-today")).isDisplayed()).isTrue();
        logout();

        // and chen.jing is told
        loginAs("chen.jing");
        driver().get(url("/notifications"));
        assertThat(visible(By.xpath("//tr[contains(@class,'notification')][contains(., '" + title + " 乙')]")).getText())
                .contains("李娜 催办：申请「" + title + " 乙」已等待 3 天");
    }

    private String start(String title) {
        return new ExternalStudyRequests(identityService, runtimeService).start("li.na", title);
    }
}
