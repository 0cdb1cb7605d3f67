package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

import school.training.externalstudy.ExternalStudyRequests;

/**
 * Issue 14's register on a phone: the office looks for a request by a word of its title, finds it among
 * the school's requests, and opens it.
 */
class RegisterBrowserTests extends BrowserTestBase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;

    @Test
    void theOfficeFindsARequestByItsTitleOnAPhoneAndOpensIt() {
        String title = "台账浏览器 " + System.nanoTime();
        String id = request("li.na", title);

        Dimension before = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(390, 844));
            loginAs("zhao.min");
            clickAndWaitForNewPage(By.id("nav-register"));
            type(By.id("title"), title);
            clickAndWaitForNewPage(By.id("register-search"));
            assertThat(visible(By.id("register-total")).getText()).isEqualTo("1");
            assertThat(visible(By.cssSelector("#register-table tr[data-request='" + id + "']")).getText())
                    .contains(title).contains("李娜").contains("语文组").contains("待教研组长审核");
            assertNoSidewaysScroll("the register");
            // the header's links keep their words on one line each (issue 14: "我的/工作/台" on a phone)
            assertThat(js("return Array.from(document.querySelectorAll('.top-nav a')).filter(a => "
                    + "a.getClientRects().length > 1 || a.getBoundingClientRect().height > "
                    + "1.5 * parseFloat(getComputedStyle(a).lineHeight)).map(a => a.textContent).join('|');"))
                    .as("header links broken over lines").isEqualTo("");
            clickAndWaitForNewPage(By.linkText(title));
            assertThat(driver().getCurrentUrl()).endsWith("/requests/" + id);
            assertThat(visible(By.tagName("main")).getText()).contains(title);
            logout();
        } finally {
            driver().manage().window().setSize(before);
        }
    }

    private String request(String applicant, String title) {
        // a trip three weeks from now
        return new ExternalStudyRequests(identityService, runtimeService).start(applicant, Map.of("title", title,
                "startDate", LocalDate.now().plusDays(20).toString(),
                "endDate", LocalDate.now().plusDays(21).toString())).getId();
    }
}
