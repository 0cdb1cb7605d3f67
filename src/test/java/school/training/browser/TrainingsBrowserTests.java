package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import school.training.people.Directory;
import school.training.people.Person;
import school.training.people.TeachingGroup;

/**
 * 校本培训 in the browser: the office plans a two-session training for 语文组, takes the roll on a phone
 * (390×844: one row per person, everyone present by default, one save), records the results (李娜
 * excellent), closes it, and 李娜 finds the hours in her ledger. The sessions lie in the past, so nobody's
 * home page changes for the other browser tests.
 */
class TrainingsBrowserTests extends BrowserTestBase {

    @Autowired
    Directory directory;

    @Test
    void planTakeTheRollOnAPhoneRecordResultsCloseAndTheHoursAreInTheLedger() {
        String title = "语文组专题培训 " + UUID.randomUUID().toString().substring(0, 8);
        TeachingGroup chinese = directory.teachingGroups().stream().filter(g -> g.getName().equals("语文组")).findFirst()
                .orElseThrow();
        String absent = directory.membersOf(chinese.getId()).stream().map(Person::getId)
                .filter(id -> !id.equals("li.na") && !id.equals("chen.jing")).findFirst().orElseThrow();
        LocalDate first = LocalDate.now().minusDays(2);

        // the office plans it
        loginAs("zhao.min");
        driver().get(url("/trainings"));
        clickAndWaitForNewPage(By.id("plan-training"));
        type(By.id("title"), title);
        new Select(visible(By.id("category"))).selectByValue("CENTRALIZED");
        click(By.id("audience-GROUPS"));
        click(By.id("group-" + chinese.getId()));
        session(0, first, "14:00", "16:00", "学术报告厅", "2");
        session(1, first.plusDays(1), "09:00", "12:00", "多媒体教室", "3");
        clickAndWaitForNewPage(By.id("plan-submit"));
        assertThat(visible(By.id("project-title")).getText()).isEqualTo(title);
        String project = driver().getCurrentUrl().replaceAll(".*/trainings/", "");
        List<String> rollLinks = driver().findElements(By.cssSelector("a[id^='roll-']")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(rollLinks).hasSize(2);

        // the roll on a phone: everyone present by default, one person absent, one save per session
        Dimension before = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(390, 844));
            driver().get(rollLinks.get(0));
            assertThat(visible(By.id("status-li.na-PRESENT")).isSelected()).isTrue();
            assertNoSidewaysScroll("the roll call");
            click(By.id("status-" + absent + "-ABSENT"));
            clickAndWaitForNewPage(By.id("roll-save"));
            assertThat(visible(By.id("notice")).getText()).contains("考勤已保存");
            driver().get(rollLinks.get(1));
            clickAndWaitForNewPage(By.id("roll-save"));
        } finally {
            driver().manage().window().setSize(before);
        }

        // results: 李娜 excellent, everyone else as offered (pass); then close
        clickAndWaitForNewPage(By.id("record-results"));
        click(By.id("result-li.na-EXCELLENT"));
        clickAndWaitForNewPage(By.id("results-save"));
        clickAndWaitForNewPage(By.id("close-project"));
        assertThat(visible(By.id("project-state")).getText()).isEqualTo("已结项");
        assertThat(driver().findElements(By.id("close-project"))).isEmpty();
        logout();

        // 李娜 sees the five hours in her ledger, and her result on the training
        loginAs("li.na");
        driver().get(url("/ledger"));
        List<String> rows = visible(By.id("entries")).findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(title, "5.0", "校本培训"));
        driver().get(url("/trainings/" + project));
        assertThat(visible(By.id("my-result")).getText()).contains("优秀");
        logout();

        // the colleague absent from the first session earned the second one's three hours only
        loginAs(absent);
        driver().get(url("/ledger"));
        List<String> theirs = visible(By.id("entries")).findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText).filter(row -> row.contains(title)).toList();
        assertThat(theirs).singleElement().satisfies(row -> assertThat(row).contains("3.0"));
        logout();
    }

    private void session(int row, LocalDate date, String start, String end, String place, String hours) {
        setDate(By.id("s" + row + "-date"), date);
        setValue(By.id("s" + row + "-start"), start);
        setValue(By.id("s" + row + "-end"), end);
        type(By.id("s" + row + "-place"), place);
        type(By.id("s" + row + "-hours"), hours);
    }

    /** Time inputs, like dates, depend on the browser's locale for typing: set the value. */
    private void setValue(By by, String value) {
        js("arguments[0].value = arguments[1];", visible(by), value);
    }
}
