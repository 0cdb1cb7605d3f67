/**
 * Browser tests in real Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver},
 * headless, driven by Selenium without Selenium Manager). All classes extend
 * {@link school.training.browser.BrowserTestBase} and share one Spring context on a random port.
 * Run them alone with {@code mvn -o test -Dtest='*BrowserTests'}; a failure leaves a screenshot and the
 * page source in {@code target/browser-failures/}.
 */
package school.training.browser;
