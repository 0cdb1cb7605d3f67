package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Autowired;

import school.training.records.RequestOverviews;
import school.training.slip.SlipRequests;

/**
 * Issue 14's approval slip in Chromium: from a request with a long history (returned, revised, approved by
 * the leader and the principal, registered, every step with a comment) the teacher opens the slip, and the
 * browser prints it to exactly one A4 page; the settled trip's reimbursement statement likewise; on a phone
 * the slip reads without sideways scrolling. The demo school's trips are not seeded under the test profile,
 * so the test makes the request the demo would show.
 */
class SlipBrowserTests extends BrowserTestBase {

    /** A page object in the PDF: {@code /Type /Page}, not the page tree {@code /Type /Pages}. */
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![A-Za-z])");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RequestOverviews overviews;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theTeacherPrintsHerRequestsSlipOnOneA4PageWithItsApprovalNumber() {
        String title = "审批单打印 " + System.nanoTime();
        LocalDateTime day = LocalDate.now().plusDays(45).atTime(9, 0);
        String id = requests().fullyDecided(title, day);
        ClockUtil.reset();
        String number = overviews.get(id).orElseThrow().getApprovalNumber();

        loginAs("li.na");
        driver().get(url("/requests/" + id));
        clickAndWaitForNewPage(By.id("print-slip-link"));
        assertThat(driver().getCurrentUrl()).endsWith("/requests/" + id + "/slip");
        String text = visible(By.id("slip")).getText();
        assertThat(text).contains(number, title, "陈静", "刘华", "赵敏", SlipRequests.LEADER_RETURNS,
                SlipRequests.PRINCIPAL_APPROVES, SlipRequests.REVISED_COVER);

        // the 打印 button calls the browser's print (a static script under the page's CSP)
        js("window.printed = 0; window.print = function () { window.printed++; };");
        click(By.id("print-slip"));
        assertThat(js("return window.printed;")).isEqualTo(1L);

        // in print, only the sheet: no header, no buttons
        HasCdp cdp = (HasCdp) driver();
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(js("return getComputedStyle(document.querySelector('header.top')).display;")).isEqualTo("none");
            assertThat(js("return getComputedStyle(document.querySelector('.slip-actions')).display;")).isEqualTo("none");
        } finally {
            cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        assertThat(pages(printA4())).as("pages of the printed slip").isEqualTo(1);
        logout();
    }

    @Test
    void theSettledTripsReimbursementStatementPrintsOnOneA4Page() {
        String title = "报销单打印 " + System.nanoTime();
        LocalDateTime day = LocalDate.now().plusDays(50).atTime(9, 0);
        String trip = requests().fullyDecided(title, day);
        String report = requests().settled(trip, day.toLocalDate().plusDays(32));
        ClockUtil.reset();

        loginAs("zhao.min");
        driver().get(url("/requests/" + report));
        clickAndWaitForNewPage(By.id("print-reimbursement-link"));
        assertThat(driver().getCurrentUrl()).endsWith("/requests/" + report + "/reimbursement");
        assertThat(visible(By.id("reimbursed-total")).getText()).isEqualTo("2585.50");
        assertThat(visible(By.id("statement")).getText()).contains(overviews.get(trip).orElseThrow().getApprovalNumber(),
                SlipRequests.PENALTY_REASON, "赵敏");

        assertThat(pages(printA4())).as("pages of the printed statement").isEqualTo(1);
        logout();
    }

    @Test
    void onAPhoneTheSlipReadsWithoutSidewaysScrolling() {
        String title = "手机审批单 " + System.nanoTime();
        String id = requests().fullyDecided(title, LocalDate.now().plusDays(55).atTime(9, 0));
        ClockUtil.reset();

        Dimension before = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(390, 844));
            loginAs("chen.jing");
            driver().get(url("/requests/" + id));
            clickAndWaitForNewPage(By.id("print-slip-link"));
            assertThat(visible(By.id("slip-decisions")).getText()).contains(SlipRequests.LEADER_APPROVES);
            assertNoSidewaysScroll("the slip");
            assertThat(js("return Array.from(document.querySelectorAll('#slip *')).filter(e => "
                    + "e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className)"
                    + ".slice(0, 5).join('|');")).as("elements past the right edge").isEqualTo("");
            logout();
        } finally {
            driver().manage().window().setSize(before);
        }
    }

    private SlipRequests requests() {
        return new SlipRequests(runtimeService, taskService, identityService, managementService);
    }

    private byte[] printA4() {
        PrintOptions options = new PrintOptions();
        options.setPageSize(PageSize.ISO_A4);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver()).print(options).getContent());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        return pdf;
    }

    private static int pages(byte[] pdf) {
        Matcher matcher = PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (matcher.find()) {
            pages++;
        }
        return pages;
    }
}
