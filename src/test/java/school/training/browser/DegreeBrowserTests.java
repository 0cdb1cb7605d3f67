package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A degree upgrade in the browser moves the school's degree statistics: zhou.tao (专科, 数学组) applies for
 * a bachelor's degree, his leader sun.wei agrees, the principal liu.hua approves, the office zhao.min
 * registers it; he studies, graduates and uploads the certificate; zhao.min verifies it. On
 * /degree/statistics the math group then has one 专科 fewer and one 本科 more than before the story, and
 * while he studied he was on the list of who is studying.
 */
class DegreeBrowserTests extends BrowserTestBase {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void applyApproveRegisterCompleteVerifyAndTheStatisticsMove() {
        String institution = "省师范大学继续教育学院" + UUID.randomUUID().toString().substring(0, 6);
        String title = institution + " 数学与应用数学（本科）";
        LocalDate start = LocalDate.now().plusDays(20);
        LocalDate due = start.plusYears(2);

        loginAs("zhao.min");
        driver().get(url("/degree/statistics"));
        int collegeBefore = mathCell("college");
        int bachelorBefore = mathCell("bachelor");
        int schoolCollegeBefore = cell("school", "college");
        logout();

        // zhou.tao applies; the school's record of his degree is already filled in
        loginAs("zhou.tao");
        clickAndWaitForNewPage(By.id("start-degreeUpgrade"));
        assertThat(new Select(visible(By.id("f-currentDegree"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("college");
        new Select(visible(By.id("f-targetDegree"))).selectByValue("bachelor");
        new Select(visible(By.id("f-route"))).selectByValue("adultExam");
        type(By.id("f-institution"), institution);
        type(By.id("f-major"), "数学与应用数学");
        click(By.cssSelector("input[name=matchesSubject][value=yes]"));
        click(By.cssSelector("input[name=studyMode][value=partTime]"));
        setDate(By.id("f-startDate"), start);
        setDate(By.id("f-expectedCompletion"), due);
        type(By.id("f-requestedTuitionShare"), "50");
        type(By.id("f-requestedExamLeaveDays"), "5");
        clickAndWaitForNewPage(By.id("submit"));
        assertThat(driver().findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(driver().getCurrentUrl()).contains("/requests/");
        String request = driver().getCurrentUrl().replaceFirst(".*/requests/", "").replaceFirst("[?#].*", "");
        logout();

        // his group leader agrees
        loginAs("sun.wei");
        clickAndWaitForNewPage(taskLink("assigned", title, "教研组长意见"));
        click(By.cssSelector("input[name=leaderDecision][value=approve]"));
        clickAndWaitForNewPage(By.id("complete"));
        logout();

        // the principal approves
        loginAs("liu.hua");
        clickAndWaitForNewPage(groupTask(title, "校长审批"));
        click(By.cssSelector("input[name=principalDecision][value=approve]"));
        clickAndWaitForNewPage(By.id("complete"));
        logout();

        // the office registers the support; now he is studying
        loginAs("zhao.min");
        clickAndWaitForNewPage(groupTask(title, "办公室登记"));
        type(By.id("f-grantedTuitionShare"), "50");
        type(By.id("f-grantedExamLeaveDays"), "5");
        type(By.id("f-approvalNumber"), "学历〔2026〕7号");
        clickAndWaitForNewPage(By.id("complete"));
        assertThat(driver().findElements(By.cssSelector(".field-error"))).isEmpty();
        driver().get(url("/degree/statistics"));
        assertThat(visible(By.cssSelector("#studying tr[data-request='" + request + "']")).getText())
                .contains("周涛", "数学组", "本科", "成人高考", institution, due.toString());
        logout();

        // two years on he has graduated and hands in the certificate
        setClock(due.plusDays(3).atTime(9, 0));
        loginAs("zhou.tao");
        clickAndWaitForNewPage(taskLink("assigned", title, "学习进展与毕业"));
        click(By.cssSelector("input[name=completionStatus][value=completed]"));
        visible(By.id("f-certificate")).sendKeys(invitationPdf().toAbsolutePath().toString());
        setDate(By.id("f-graduationDate"), due);
        clickAndWaitForNewPage(By.id("complete"));
        assertThat(driver().findElements(By.cssSelector(".field-error"))).isEmpty();
        logout();

        // the office verifies it; his recorded degree is now 本科
        loginAs("zhao.min");
        clickAndWaitForNewPage(groupTask(title, "办公室核验证书"));
        click(By.cssSelector("input[name=verifyDecision][value=approve]"));
        clickAndWaitForNewPage(By.id("complete"));
        assertThat(driver().findElements(By.cssSelector(".field-error"))).isEmpty();

        driver().get(url("/degree/statistics"));
        assertThat(mathCell("college")).isEqualTo(collegeBefore - 1);
        assertThat(mathCell("bachelor")).isEqualTo(bachelorBefore + 1);
        assertThat(cell("school", "college")).isEqualTo(schoolCollegeBefore - 1);
        assertThat(driver().findElements(By.cssSelector("#studying tr[data-request='" + request + "']"))).isEmpty();
        logout();
    }

    private int mathCell(String degree) {
        return cell("math", degree);
    }

    private int cell(String group, String degree) {
        return Integer.parseInt(visible(By.cssSelector("#distribution td[data-group='" + group + "'][data-degree='"
                + degree + "']")).getText().trim());
    }

    private static void setClock(LocalDateTime now) {
        ClockUtil.setCurrentTime(Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private static By taskLink(String section, String title, String step) {
        return By.xpath("//section[@id='" + section + "']//tr[td[normalize-space()='" + title
                + "']]/td[1]/a[normalize-space()='" + step + "']");
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
