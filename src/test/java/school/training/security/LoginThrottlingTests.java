package school.training.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.tasklist.WebFixtures;

/**
 * Failed logins are slowed down per client and per account, never locked for good: a stranger hammering
 * the principal's account from one machine is refused, while the principal logs in from her own. The
 * clock is the engine's, frozen and moved by the tests. Each test uses its own documentation addresses
 * (RFC 5737) and accounts, and clears them afterwards: the throttle lives as long as the Spring context,
 * which other test classes share (their clients are 127.0.0.1).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class LoginThrottlingTests {

    private static final String STRANGER = "203.0.113.66";
    private static final String OWNER_DESK = "198.51.100.7";

    @Autowired
    MockMvc mvc;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    IdentityService identityService;

    WebFixtures web;
    Date now;
    final List<String> accountsUsed = new ArrayList<>();
    final List<String> clientsUsed = new ArrayList<>();

    @BeforeEach
    void freezeTheClock() {
        web = new WebFixtures(identityService);
        now = new Date();
        ClockUtil.setCurrentTime(now);
    }

    @AfterEach
    void forgetAndReset() {
        accountsUsed.forEach(throttle::unlockAccount);
        clientsUsed.forEach(throttle::unlockClient);
        ClockUtil.reset();
    }

    @Test
    void aStrangerIsRefusedWhileThePrincipalLogsInFromHerDesk() throws Exception {
        use("liu.hua", STRANGER, OWNER_DESK);
        for (int i = 0; i < 5; i++) {
            // waiting out the account's short delay (2 s, then 4 s) that begins after the third failure
            moveClock(Duration.ofSeconds(5));
            login("liu.hua", "guess" + i, STRANGER).andExpect(redirectedUrl("/login?error"));
        }
        // refused without looking at the password: even the right one tells the stranger nothing
        login("liu.hua", "demo", STRANGER).andExpect(redirectedUrl("/login?throttled=60"));
        login("liu.hua", "guess6", STRANGER).andExpect(redirectedUrl("/login?throttled=60"));
        mvc.perform(get("/engine-rest/task").with(httpBasic("liu.hua", "demo")).with(from(STRANGER)))
                .andExpect(status().isTooManyRequests()).andExpect(header().string(HttpHeaders.RETRY_AFTER, "60"))
                .andExpect(result -> assertThat(body(result)).contains("\"type\":\"LoginThrottled\"")
                        .contains("登录失败次数过多，请 60 秒后再试。"));

        // the principal, at her own desk, is not kept waiting: form login and HTTP Basic
        login("liu.hua", "demo", OWNER_DESK).andExpect(redirectedUrl("/"));
        MvcResult basic = mvc.perform(get("/engine-rest/task").with(httpBasic("liu.hua", "demo")).with(from(OWNER_DESK)))
                .andReturn();
        assertThat(basic.getResponse().getStatus()).as("HTTP Basic from her desk").isNotIn(401, 429);
    }

    @Test
    void theLoginPageSaysHowLongToWait() throws Exception {
        String page = mvc.perform(get("/login").param("throttled", "60")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"login-throttled\"").contains("登录失败次数过多，请 60 秒后再试。")
                .contains("请联系办公室");
        assertThat(mvc.perform(get("/login").param("throttled", "900").param("lang", "en")).andReturn().getResponse()
                .getContentAsString()).contains("Too many failed logins. Please try again in 15 minutes.");
        // only a number is ever shown
        assertThat(mvc.perform(get("/login").param("throttled", "<b>x</b>")).andReturn().getResponse()
                .getContentAsString()).doesNotContain("<b>x</b>").contains("登录失败次数过多，请稍后再试。");
    }

    @Test
    void theClientsRefusalGrowsWithEachFurtherFailureAndExpires() throws Exception {
        use("wei.jianguo", "203.0.113.20");
        login("wei.jianguo", "guess0", "203.0.113.20").andExpect(redirectedUrl("/login?error"));
        login("wei.jianguo", "guess1", "203.0.113.20").andExpect(redirectedUrl("/login?error"));
        login("wei.jianguo", "guess2", "203.0.113.20").andExpect(redirectedUrl("/login?error"));
        // after the third failure on the account, a short delay for the clients that failed: 2 s, then 4 s
        login("wei.jianguo", "guess3", "203.0.113.20").andExpect(redirectedUrl("/login?error"));
        login("wei.jianguo", "guess4", "203.0.113.20").andExpect(redirectedUrl("/login?throttled=2"));
        moveClock(Duration.ofSeconds(2));
        login("wei.jianguo", "guess4", "203.0.113.20").andExpect(redirectedUrl("/login?error"));
        // the fifth failure from one client: that client is refused for a minute
        login("wei.jianguo", "demo", "203.0.113.20").andExpect(redirectedUrl("/login?throttled=60"));

        moveClock(Duration.ofSeconds(61));
        // a sixth failure after the first refusal ran out: refused twice as long
        login("wei.jianguo", "guess5", "203.0.113.20").andExpect(redirectedUrl("/login?error"));
        login("wei.jianguo", "demo", "203.0.113.20").andExpect(redirectedUrl("/login?throttled=120"));
        moveClock(Duration.ofSeconds(61));
        login("wei.jianguo", "demo", "203.0.113.20").andExpect(redirectedUrl("/login?throttled=59"));
        moveClock(Duration.ofSeconds(60));
        login("wei.jianguo", "demo", "203.0.113.20").andExpect(redirectedUrl("/"));
    }

    @Test
    void theClientsRefusalIsCappedAndFailuresAreForgottenAfterTheWindow() {
        use("peng.guoqing", "203.0.113.30");
        for (int i = 0; i < 20; i++) {
            moveClock(Duration.ofMinutes(16));
            throttle.failed("peng.guoqing", "203.0.113.30");
        }
        assertThat(throttle.refusal("peng.guoqing", "203.0.113.30")).contains(Duration.ofMinutes(15));
        moveClock(Duration.ofHours(2));
        assertThat(throttle.refusal("peng.guoqing", "203.0.113.30")).isEmpty();
        assertThat(throttle.clients()).noneMatch(t -> t.key().equals("203.0.113.30"));
    }

    @Test
    void anAccountUnderAttackFromManyClientsDelaysThemBriefly() {
        use("xiao.guoqing");
        for (int i = 1; i <= 12; i++) {
            use(null, "203.0.113." + (100 + i));
            throttle.failed("xiao.guoqing", "203.0.113." + (100 + i));
        }
        // each guessing client waits, at most 30 seconds; a clean client (the owner) does not wait at all
        assertThat(throttle.refusal("xiao.guoqing", "203.0.113.112")).contains(Duration.ofSeconds(30));
        assertThat(throttle.refusal("xiao.guoqing", OWNER_DESK)).isEmpty();
        moveClock(Duration.ofSeconds(31));
        assertThat(throttle.refusal("xiao.guoqing", "203.0.113.112")).isEmpty();
    }

    @Test
    void aMistypedPasswordNoLongerLocksTheAccount() throws Exception {
        // the engine used to lock an account for seconds after one wrong password (for good after ten)
        use("song.junjie", OWNER_DESK);
        login("song.junjie", "wrong", OWNER_DESK).andExpect(redirectedUrl("/login?error"));
        login("song.junjie", "demo", OWNER_DESK).andExpect(redirectedUrl("/"));
        for (int i = 0; i < 12; i++) {
            // one failure each from twelve clients: more than the engine's old maximum of ten
            login("song.junjie", "wrong" + i, "203.0.113." + (200 + i)).andExpect(redirectedUrl("/login?error"));
            use(null, "203.0.113." + (200 + i));
        }
        assertThat(identityService.checkPassword("song.junjie", "demo")).as("the engine's own lock is off").isTrue();
    }

    @Test
    void theOfficeSeesAndReleasesAnAccountAndAClientButATeacherCannot() throws Exception {
        use("wei.xuemei", "203.0.113.40");
        for (int i = 0; i < 5; i++) {
            moveClock(Duration.ofSeconds(5));
            login("wei.xuemei", "guess" + i, "203.0.113.40").andExpect(redirectedUrl("/login?error"));
        }
        login("wei.xuemei", "demo", "203.0.113.40").andExpect(redirectedUrl("/login?throttled=60"));

        String page = mvc.perform(get("/security/lockouts").with(web.as("zhao.min"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("wei.xuemei").contains("203.0.113.40");
        mvc.perform(get("/security/lockouts").with(web.as("admin"))).andExpect(status().isOk());

        // a teacher neither sees nor releases anything
        mvc.perform(get("/security/lockouts").with(web.as("li.na"))).andExpect(status().isForbidden());
        mvc.perform(post("/security/lockouts/client").param("client", "203.0.113.40").with(csrf())
                .with(web.as("li.na"))).andExpect(status().isForbidden());
        mvc.perform(post("/security/lockouts/account").param("account", "wei.xuemei").with(csrf())
                .with(web.as("li.na"))).andExpect(status().isForbidden());
        assertThat(throttle.refusal("wei.xuemei", "203.0.113.40")).isPresent();
        // and nobody releases without the form's CSRF token
        mvc.perform(post("/security/lockouts/client").param("client", "203.0.113.40").with(web.as("zhao.min")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/security/lockouts/account").param("account", "wei.xuemei").with(csrf())
                .with(web.as("zhao.min"))).andExpect(redirectedUrl("/security/lockouts"));
        mvc.perform(post("/security/lockouts/client").param("client", "203.0.113.40").with(csrf())
                .with(web.as("admin"))).andExpect(redirectedUrl("/security/lockouts"));
        assertThat(throttle.accounts()).noneMatch(t -> t.key().equals("wei.xuemei"));
        login("wei.xuemei", "demo", "203.0.113.40").andExpect(redirectedUrl("/"));
    }

    @Test
    void aFloodOfMadeUpNamesIsCountedAgainstTheClientOnly() {
        use(null, "203.0.113.50");
        String longName = "x".repeat(100_000);
        throttle.failed(longName, "203.0.113.50");
        assertThat(throttle.accounts()).noneMatch(t -> t.key().length() > 255);
        assertThat(throttle.clients()).anyMatch(t -> t.key().equals("203.0.113.50") && t.failures() == 1);
    }

    @Test
    void anIpv6ClientIsCountedByItsNetwork() {
        assertThat(LoginThrottle.clientKey("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.clientKey("2001:db8:1:2::ffff"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.clientKey("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.clientKey("2001:db8:1:2::1"));
        assertThat(LoginThrottle.clientKey("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    private org.springframework.test.web.servlet.ResultActions login(String username, String password, String client)
            throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(client)));
    }

    private static RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    private void use(String account, String... clients) {
        if (account != null) {
            accountsUsed.add(account);
        }
        clientsUsed.addAll(List.of(clients));
    }

    private void moveClock(Duration by) {
        now = new Date(now.getTime() + by.toMillis());
        ClockUtil.setCurrentTime(now);
    }

    private static String body(MvcResult result) throws java.io.UnsupportedEncodingException {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
