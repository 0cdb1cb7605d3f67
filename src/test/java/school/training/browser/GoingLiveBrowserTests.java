package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import school.training.people.RosterFiles;

/**
 * A school goes live with nothing but the pages: an empty database without demo data, the first
 * administrator made on the setup page, two teaching groups, a 60-row roster imported from a spreadsheet,
 * and then a teacher of that roster logs in with her temporary password, must choose her own, and sends a
 * request that reaches her group's leader. Its own Spring context (no demo profile, its own database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "training.test.context=going-live-browser")
@ActiveProfiles(value = "test", inheritProfiles = false)
class GoingLiveBrowserTests extends BrowserTestBase {

    private static final String ADMIN_PASSWORD = "Xinxi-zhongxin-2026";

    @Test
    void fromAnEmptyDatabaseToTheFirstRequestAtItsLeader() throws Exception {
        // first start: every page leads to the setup step
        driver().manage().deleteAllCookies();
        driver().get(url("/"));
        waiting().until(d -> d.getCurrentUrl().contains("/setup"));
        type(By.id("userId"), "it.wang");
        type(By.id("name"), "王信息");
        type(By.id("password"), ADMIN_PASSWORD);
        type(By.id("repeated"), ADMIN_PASSWORD);
        clickAndWaitForNewPage(By.cssSelector("form[action$='/setup'] button[type=submit]"));
        loginAs("it.wang", ADMIN_PASSWORD);

        // two teaching groups
        driver().get(url("/groups"));
        addGroup("chinese", "语文组", "Chinese");
        addGroup("math", "数学组", "Mathematics");
        assertThat(visible(By.cssSelector("#group-chinese input[name=name]")).getAttribute("value")).isEqualTo("语文组");
        assertThat(visible(By.cssSelector("#group-math input[name=name]")).getAttribute("value")).isEqualTo("数学组");

        // the roster: 60 people, the first of each group its leader
        List<List<String>> rows = new ArrayList<>(RosterFiles.sixtyTeachers("chinese", "math").rows());
        Map<String, String> leaders = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            if (leaders.putIfAbsent(row.get(2), row.get(0)) == null) {
                row.set(3, "教研组长");
                rows.set(i, row);
            }
        }
        String leader = leaders.get("chinese");
        String teacher = rows.stream().filter(r -> r.get(2).equals("chinese") && r.get(3).equals("教师"))
                .map(r -> r.get(0)).findFirst().orElseThrow();
        Path roster = Files.createTempFile("花名册", ".xlsx");
        Files.write(roster, new RosterFiles.Roster(rows).xlsx());
        driver().get(url("/people/import"));
        visible(By.id("roster-file")).sendKeys(roster.toAbsolutePath().toString());
        clickAndWaitForNewPage(By.id("upload-roster"));
        assertThat(visible(By.id("roster-summary")).getText()).contains("60");
        clickAndWaitForNewPage(By.id("confirm-import"));
        String teacherPassword = visible(By.cssSelector("#password-" + css(teacher) + " .password")).getText().strip();
        String leaderPassword = visible(By.cssSelector("#password-" + css(leader) + " .password")).getText().strip();
        assertThat(teacherPassword).isNotBlank();
        driver().get(url("/people?group=chinese"));
        assertThat(visible(By.id("people-count")).getText()).contains("30");

        // the new teacher: temporary password, then her own, then her first request
        loginAs(teacher, teacherPassword);
        waiting().until(d -> d.getCurrentUrl().contains("/account/password"));
        visible(By.id("password-required"));
        String own = "Wode-mima-" + LocalDate.now().getYear();
        type(By.id("current"), teacherPassword);
        type(By.id("password"), own);
        type(By.id("repeated"), own);
        clickAndWaitForNewPage(By.cssSelector("form[action$='/account/password'] button[type=submit]"));
        visible(By.id("password-changed"));

        driver().get(url("/"));
        clickAndWaitForNewPage(By.id("start-externalStudy"));
        type(By.id("f-title"), "县级语文教研活动");
        type(By.id("f-organizer"), "县教研室");
        new Select(visible(By.id("f-level"))).selectByValue("county");
        new Select(visible(By.id("f-kind"))).selectByValue("training");
        type(By.id("f-location"), "县第一中学");
        setDate(By.id("f-startDate"), LocalDate.now().plusDays(14));
        setDate(By.id("f-endDate"), LocalDate.now().plusDays(14));
        type(By.id("f-purpose"), "学习新课标下的阅读教学，回校后在组内分享。");
        type(By.id("f-classCover"), "由同组老师代课。");
        type(By.id("f-budgetTransport"), "50");
        type(By.id("f-budgetLodging"), "0");
        type(By.id("f-budgetFees"), "0");
        type(By.id("f-budgetOther"), "0");
        visible(By.id("f-invitation")).sendKeys(invitationPdf().toAbsolutePath().toString());
        clickAndWaitForNewPage(By.id("submit"));
        visible(By.id("request-status"));
        logout();

        // her leader finds it waiting, with the leader's own first password change on the way
        loginAs(leader, leaderPassword);
        waiting().until(d -> d.getCurrentUrl().contains("/account/password"));
        type(By.id("current"), leaderPassword);
        type(By.id("password"), own + "-zz");
        type(By.id("repeated"), own + "-zz");
        clickAndWaitForNewPage(By.cssSelector("form[action$='/account/password'] button[type=submit]"));
        driver().get(url("/"));
        WebElement inbox = visible(By.id("assigned"));
        assertThat(inbox.getText()).contains("县级语文教研活动");
    }

    /** Ids such as t001.ab12cd have a dot, which a CSS id selector must escape. */
    private static String css(String id) {
        return id.replace(".", "\\.");
    }

    private void addGroup(String id, String name, String nameEn) {
        WebElement form = visible(By.id("add-group"));
        form.findElement(By.name("id")).sendKeys(id);
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("nameEn")).sendKeys(nameEn);
        clickAndWaitForNewPage(By.cssSelector("#add-group button[type=submit]"));
        visible(By.id("saved"));
    }
}
