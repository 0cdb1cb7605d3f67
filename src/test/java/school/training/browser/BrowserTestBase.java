package school.training.browser;

import static org.assertj.core.api.Assertions.assertThat;

import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium against the whole app on a random port. Every browser test class extends this one, so
 * they all share one Spring context (one engine, one in-memory database). One browser per test class;
 * on a failure a screenshot and the page source go to {@code target/browser-failures/}.
 *
 * Needs Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (CI installs them); the
 * tests fail, not skip, without them. The driver path is explicit so Selenium Manager never downloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@ExtendWith(BrowserTestBase.FailureEvidence.class)
abstract class BrowserTestBase {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(15);

    private static WebDriver driver;
    private static Path profileDir;

    @LocalServerPort
    int port;

    // ---- browser lifecycle ------------------------------------------------------------------

    WebDriver driver() {
        if (driver == null) {
            driver = startBrowser();
        }
        return driver;
    }

    private static WebDriver startBrowser() {
        for (String executable : new String[] { CHROMIUM, CHROMEDRIVER }) {
            File file = new File(executable);
            if (!file.canExecute()) {
                throw new IllegalStateException(executable + " is missing: browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install -y chromium chromium-driver; CI does this in .ci/run)");
            }
        }
        try {
            profileDir = Files.createTempDirectory("browser-tests-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profileDir);
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void quitBrowser() {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
                deleteQuietly(profileDir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir; the OS cleans up
        }
    }

    /** Saves a screenshot and the page source of the failed test under target/browser-failures/. */
    static class FailureEvidence implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver == null) {
                return;
            }
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            try {
                Path dir = Files.createDirectories(Paths.get("target", "browser-failures"));
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(dir.resolve(name + ".html"),
                        "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
                System.err.println("Browser evidence of " + name + " in " + dir.toAbsolutePath());
            } catch (Exception e) {
                System.err.println("Could not save browser evidence for " + name + ": " + e);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT);
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver(), timeout);
    }

    /** A fresh session for this person (demo password) through our login page. */
    void loginAs(String userId) {
        loginAs(userId, "demo");
    }

    /** A fresh session for this person through our login page; waits for any page after it. */
    void loginAs(String userId, String password) {
        WebDriver browser = driver();
        if (!browser.getCurrentUrl().startsWith(url("/"))) {
            browser.get(url("/login")); // cookies can only be deleted for the site the browser is on
        }
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        type(By.id("username"), userId);
        type(By.id("password"), password);
        WebElement submit = browser.findElement(By.cssSelector("button[type=submit]"));
        submit.click();
        waiting().until(presenceOfElementLocated(logoutButton()));
    }

    /** Logs out with the button in the page header and waits for the login page. */
    void logout() {
        click(logoutButton());
        waiting().until(d -> d.getCurrentUrl().contains("/login"));
        waiting().until(visibilityOfElementLocated(By.id("username")));
    }

    static By logoutButton() {
        return By.cssSelector("form[action$='/logout'] button");
    }

    WebElement visible(By by) {
        return waiting().until(visibilityOfElementLocated(by));
    }

    void click(By by) {
        clickDetached(by);
    }

    /** Clicks something that submits a form and waits for the next page to replace this one. */
    void clickAndWaitForNewPage(By by) {
        WebElement element = clickDetached(by);
        // the old page's node gone: Selenium's stalenessOf knows only its own exception, while Chromium, asked in the
        // middle of the navigation, may answer that the node "does not belong to the document" — gone, too
        waiting().until(browser -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                if (detached(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    /**
     * Clicks the element found by its locator; when Chromium says the node it just found has left the document
     * (a script re-rendered it in between), finds it again and clicks that, a few times at most.
     */
    private WebElement clickDetached(By by) {
        for (int attempt = 1;; attempt++) {
            WebElement element = clickable(by);
            try {
                element.click();
                return element;
            } catch (WebDriverException e) {
                if (attempt >= 3 || !detached(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean detached(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * The element, scrolled into view and clickable, found again by its locator on every try: a script that
     * re-renders part of the page between "present" and "clickable" would otherwise leave us holding a node
     * Chromium no longer knows ("Node with given id does not belong to the document").
     */
    private WebElement clickable(By by) {
        return waiting().until(browser -> {
            try {
                WebElement element = browser.findElement(by);
                scrollIntoView(element);
                return element.isDisplayed() && element.isEnabled() ? element : null;
            } catch (NoSuchElementException e) {
                return null;
            } catch (WebDriverException e) {
                if (detached(e)) {
                    return null; // found a moment before it was re-rendered: look again
                }
                throw e;
            }
        });
    }

    void type(By by, String text) {
        WebElement element = visible(by);
        scrollIntoView(element);
        element.clear();
        element.sendKeys(text);
    }

    /** Date inputs: typing depends on the browser's locale, so set the value and fire the events a person would. */
    void setDate(By by, LocalDate date) {
        WebElement element = visible(by);
        js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, date.toString());
    }

    void scrollIntoView(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /** The page fits the window's width (a phone never scrolls sideways); if not, names what sticks out. */
    void assertNoSidewaysScroll(String where) {
        assertThat(js("return document.documentElement.scrollWidth > window.innerWidth;"))
                .as(where + ": no sideways scrolling on a phone; too wide: " + js("return Array.from("
                        + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > "
                        + "window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                        + " + Math.round(e.getBoundingClientRect().right)).join(', ');"))
                .isEqualTo(false);
    }

    /** GETs a URL with the browser's session (no navigation) and answers the HTTP status. */
    long fetchStatus(String href) {
        Object status = ((JavascriptExecutor) driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(-1));",
                href);
        return ((Number) status).longValue();
    }

    /** A small PDF to upload as the invitation. */
    static Path invitationPdf() {
        try {
            Path dir = Files.createTempDirectory("browser-upload");
            Path pdf = dir.resolve("invitation.pdf");
            Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                    StandardCharsets.US_ASCII);
            dir.toFile().deleteOnExit(); // deleted in reverse order: the file first, then its directory
            pdf.toFile().deleteOnExit();
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
