package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The external-study story in the browser: li.na asks, her group leader chen.jing approves, the
 * principal liu.hua approves (national level, 4 days), the office zhao.min registers it, li.na sees
 * it approved with the whole timeline.
 */
class ExternalStudyBrowserTests extends BrowserTestBase {

    private static final By BUDGET_TOTAL = By.cssSelector("[data-expression-key=budgetTotal]");

    @Test
    void requestGoesThroughLeaderPrincipalAndOfficeInTheBrowser() {
        String title = "全国中学语文教学研讨会 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate start = LocalDate.now().plusDays(10);

        // li.na asks
        loginAs("li.na");
        clickAndWaitForNewPage(By.id("start-externalStudy"));
        fillRequest(title, start, start.plusDays(3));
        assertBudgetTotalShown("2300");
        visible(By.id("f-invitation")).sendKeys(invitationPdf().toAbsolutePath().toString());
        clickAndWaitForNewPage(By.id("submit"));

        WebElement status = visible(By.id("request-status"));
        assertThat(status.getAttribute("class")).contains("status-leaderReview");
        assertThat(status.getText()).isEqualTo("待教研组长审核");
        assertThat(driver().getCurrentUrl()).contains("/requests/");
        logout();

        // her group leader approves
        loginAs("chen.jing");
        clickAndWaitForNewPage(taskLinkIn("assigned", title));
        WebElement details = visible(By.id("request-details"));
        assertThat(details.getText()).contains(title, "北京", "2300");
        WebElement attachment = details.findElement(By.cssSelector("a[href*='/attachments/']"));
        assertThat(attachment.getText()).isEqualTo("invitation.pdf");
        assertThat(fetchStatus(attachment.getAttribute("href"))).isEqualTo(200);
        click(By.cssSelector("input[name=leaderDecision][value=approve]"));
        clickAndWaitForNewPage(By.id("complete"));
        visible(By.id("assigned"));
        logout();

        // the principal: offered to the principal group, of which she is the only member: hers, nothing to claim
        loginAs("liu.hua");
        clickAndWaitForNewPage(groupTask(title));
        assertThat(driver().getCurrentUrl()).contains("/tasks/");
        visible(By.id("request-details"));
        click(By.cssSelector("input[name=principalDecision][value=approve]"));
        clickAndWaitForNewPage(By.id("complete"));
        visible(By.id("assigned"));
        logout();

        // the office registers it
        loginAs("zhao.min");
        clickAndWaitForNewPage(groupTask(title));
        type(By.id("f-approvalNumber"), "WX-2026-015");
        clickAndWaitForNewPage(By.id("complete"));
        visible(By.id("assigned"));
        logout();

        // li.na sees it approved and registered, with every step
        loginAs("li.na");
        clickAndWaitForNewPage(By.xpath("//section[@id='my-requests']//a[normalize-space()='" + title + "']"));
        status = visible(By.id("request-status"));
        assertThat(status.getAttribute("class")).contains("status-tripEnds");
        assertThat(status.getText()).isEqualTo("已批准登记，等待外出结束");
        assertThat(visible(By.id("approval-number")).getText()).isEqualTo("WX-2026-015");

        List<String> steps = driver().findElements(By.cssSelector(".timeline .step")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).hasSizeGreaterThanOrEqualTo(4);
        assertThat(steps.get(0)).contains("提交申请", "李娜");
        assertThat(steps.get(1)).contains("教研组长审核", "陈静", "同意");
        assertThat(steps.get(2)).contains("校长审批", "刘华", "同意");
        assertThat(steps.get(3)).contains("办公室登记", "赵敏", "WX-2026-015");
        logout();
    }

    @Test
    void endDateBeforeStartDateIsShownBesideTheFieldAndKeepsWhatWasTyped() {
        String title = "市级读书分享会 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate start = LocalDate.now().plusDays(20);

        loginAs("li.na");
        clickAndWaitForNewPage(By.id("start-externalStudy"));
        fillRequest(title, start, start.minusDays(2));
        visible(By.id("f-invitation")).sendKeys(invitationPdf().toAbsolutePath().toString());
        clickAndWaitForNewPage(By.id("submit"));

        assertThat(visible(By.id("err-endDate")).getText()).isNotBlank();
        assertThat(driver().findElements(By.id("err-startDate"))).isEmpty();
        assertThat(driver().findElement(By.id("f-title")).getAttribute("value")).isEqualTo(title);
        assertThat(driver().findElement(By.id("f-endDate")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().findElements(By.id("request-status"))).isEmpty();
        assertThat(driver().getCurrentUrl()).endsWith("/requests/new/externalStudy");
        logout();
    }

    @Test
    void withdrawingAsksFirstAndChangesNothingWhenThePersonSaysNo() {
        String title = "区级课堂观摩 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate start = LocalDate.now().plusDays(30);
        loginAs("li.na");
        clickAndWaitForNewPage(By.id("start-externalStudy"));
        fillRequest(title, start, start.plusDays(1));
        visible(By.id("f-invitation")).sendKeys(invitationPdf().toAbsolutePath().toString());
        clickAndWaitForNewPage(By.id("submit"));
        String requestPage = driver().getCurrentUrl();

        // a slip of the finger: the page asks, "no" keeps the request as it was
        click(By.id("withdraw"));
        Alert question = waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("撤回");
        question.dismiss();
        assertThat(driver().getCurrentUrl()).isEqualTo(requestPage);
        assertThat(visible(By.id("request-status")).getText()).isEqualTo("待教研组长审核");

        // meant it: "yes" withdraws
        click(By.id("withdraw"));
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().until(d -> d.findElements(By.id("withdraw")).isEmpty());
        assertThat(visible(By.id("request-status")).getText()).isNotEqualTo("待教研组长审核");
        logout();
    }

    private void fillRequest(String title, LocalDate start, LocalDate end) {
        type(By.id("f-title"), title);
        type(By.id("f-organizer"), "教育部基础教育司");
        new Select(visible(By.id("f-level"))).selectByValue("national");
        new Select(visible(By.id("f-kind"))).selectByValue("conference");
        type(By.id("f-location"), "北京");
        click(By.id("f-outOfProvince"));
        setDate(By.id("f-startDate"), start);
        setDate(By.id("f-endDate"), end);
        type(By.id("f-purpose"), "学习整本书阅读教学的新做法，回校后在语文组上一节汇报课。");
        type(By.id("f-classCover"), "周二、周四的语文课由王老师代课。");
        type(By.id("f-budgetTransport"), "800");
        type(By.id("f-budgetLodging"), "900");
        type(By.id("f-budgetFees"), "600");
        type(By.id("f-budgetOther"), "0");
    }

    /** The live total comes from POST /forms/expressions while the person types. */
    private void assertBudgetTotalShown(String expected) {
        try {
            waiting().until(textToBe(BUDGET_TOTAL, expected));
        } catch (TimeoutException e) {
            throw new AssertionError("the live budget total did not update to " + expected + " (shows '"
                    + driver().findElement(BUDGET_TOTAL).getText() + "')", e);
        }
    }

    private static By taskLinkIn(String section, String title) {
        return By.xpath("//section[@id='" + section + "']//tr[td[normalize-space()='" + title + "']]/td[1]/a");
    }

    /**
     * A step offered to a group, opened from the home page: under 我的待办 for its only member (the demo's
     * one principal, one clerk), under 待认领 when a colleague could take it too; deciding takes it.
     */
    private static By groupTask(String title) {
        return By.xpath("//section[@id='assigned' or @id='offered']//tr[td[normalize-space()='" + title
                + "']]/td[1]/a");
    }
}
