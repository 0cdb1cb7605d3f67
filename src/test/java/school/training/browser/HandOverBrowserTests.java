package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import school.training.externalstudy.ExternalStudyRequests;
import school.training.people.Directory;
import school.training.people.Role;

/**
 * 转办 on a phone: the office clerk hands a registration to her colleague with a reason; the colleague finds it
 * in her inbox, with the line "转办 赵敏 → 何丽" and the reason in the request's timeline.
 */
class HandOverBrowserTests extends BrowserTestBase {

    /** A second office clerk, so the registration has someone else allowed to do it. */
    static final String COLLEAGUE = "he.li";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Directory directory;

    @Test
    void theClerkHandsARegistrationToHerColleagueWhoFindsItWithTheReason() {
        synchronized (HandOverBrowserTests.class) {
            if (directory.find(COLLEAGUE).isEmpty()) {
                directory.register(COLLEAGUE, "何丽", Role.OFFICE, null, null, "demo");
            }
        }
        String title = "转办 " + UUID.randomUUID().toString().substring(0, 8);
        String request = approvedByTheLeader(title);
        String registration = taskService.createTaskQuery().processInstanceId(request)
                .taskDefinitionKey("officeRegistration").singleResult().getId();

        Dimension before = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(390, 844));

            // zhao.min opens the registration and hands it over with a reason
            loginAs("zhao.min");
            driver().get(url("/tasks/" + registration));
            click(By.cssSelector("#hand-over summary"));
            WebElement picker = visible(By.id("hand-over-to"));
            assertThat(new Select(picker).getOptions()).extracting(WebElement::getText)
                    .contains("何丽 (he.li)").noneMatch(text -> text.contains("zhao.min") || text.contains("li.na"));
            WebElement reason = visible(By.id("hand-over-reason"));
            // usable on a phone: the picker and the reason fit the screen
            assertThat(picker.getRect().getX() + picker.getRect().getWidth()).isLessThanOrEqualTo(390);
            assertThat(reason.getRect().getX() + reason.getRect().getWidth()).isLessThanOrEqualTo(390);
            new Select(picker).selectByValue(COLLEAGUE);
            type(By.id("hand-over-reason"), "下午外出开会，请何老师登记");
            clickAndWaitForNewPage(By.id("hand-over-submit"));
            assertThat(visible(By.cssSelector(".alert.notice")).getText()).isEqualTo("已转办，对方会收到通知。");
            logout();

            // he.li finds it among her own tasks and reads why in the timeline
            loginAs(COLLEAGUE);
            clickAndWaitForNewPage(By.xpath("//section[@id='assigned']//tr[td[normalize-space()='" + title
                    + "']]/td[1]/a"));
            assertThat(driver().getCurrentUrl()).endsWith("/tasks/" + registration);
            WebElement line = visible(By.cssSelector(".timeline li.handover"));
            assertThat(line.getText()).contains("转办", "赵敏 → 何丽", "下午外出开会，请何老师登记");
            // and her notifications say so
            driver().get(url("/notifications"));
            assertThat(visible(By.xpath("//tr[contains(@class,'notification')][contains(., '" + title + "')]"))
                    .getText()).contains("赵敏 把申请「" + title + "」的一项待办转给您办理：下午外出开会，请何老师登记");
            logout();
        } finally {
            driver().manage().window().setSize(before);
        }
    }

    private String approvedByTheLeader(String title) {
        String request = new ExternalStudyRequests(identityService, runtimeService).start("li.na", title);
        String review = taskService.createTaskQuery().processInstanceId(request).singleResult().getId();
        identityService.setAuthentication("chen.jing", List.of("teachers", "group-leaders"));
        try {
            taskService.complete(review, Map.of("leaderDecision", "approve"));
        } finally {
            identityService.clearAuthentication();
        }
        return request;
    }
}
