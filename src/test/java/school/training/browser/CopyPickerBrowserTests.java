package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import school.training.externalstudy.ExternalStudyRequests;
import school.training.notifications.Notifications;

/**
 * 抄送 in a school too large to list everyone (here past 3 people): chen.jing types part of a name, picks
 * the colleague offered, then a second one, and both are copied when she returns the request.
 */
@TestPropertySource(properties = "training.copy.listed-up-to=3")
class CopyPickerBrowserTests extends BrowserTestBase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Notifications notifications;

    @Test
    void theLeaderPicksTwoColleaguesFromSuggestionsAsSheTypes() {
        String title = "抄送 " + UUID.randomUUID().toString().substring(0, 8);
        String id = new ExternalStudyRequests(identityService, runtimeService).start("li.na", title);

        Dimension before = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(390, 844)); // a phone
            pickTwo(id);
        } finally {
            driver().manage().window().setSize(before);
        }
        for (String copied : new String[] { "zhou.tao", "wang.haoran" }) {
            assertThat(notifications.latest(copied, 20)).as(copied)
                    .anyMatch(n -> n.getLink().equals("/requests/" + id) && n.getMessageKey().equals("hearback.copied"));
        }
    }

    private void pickTwo(String id) {
        loginAs("chen.jing");
        driver().get(url("/tasks/" + taskService.createTaskQuery().processInstanceId(id).singleResult().getId()));
        click(By.cssSelector("input[name=leaderDecision][value=revise]"));
        type(By.id("f-leaderComment"), "请补充日程");

        // part of a name: the colleague is offered with her group, and choosing puts her staff id in the field
        type(By.id("copyTo"), "周");
        WebElement zhou = visible(By.cssSelector("#copyTo-suggestions button[data-id='zhou.tao']"));
        assertThat(zhou.getText()).isEqualTo("周涛 (zhou.tao) · 数学组");
        assertNoSidewaysScroll("task page with suggestions");
        zhou.click();
        assertThat(visible(By.id("copyTo")).getAttribute("value")).isEqualTo("zhou.tao, ");

        // a second one, by part of her id
        visible(By.id("copyTo")).sendKeys("wang.h");
        click(By.cssSelector("#copyTo-suggestions button[data-id='wang.haoran']"));
        assertThat(visible(By.id("copyTo")).getAttribute("value")).isEqualTo("zhou.tao, wang.haoran, ");

        clickAndWaitForNewPage(By.id("complete"));
        assertThat(visible(By.cssSelector(".alert.notice")).isDisplayed()).isTrue();
        logout();
    }
}
