package school.training.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import school.training.tasklist.WebFixtures;
import school.training.web.Statements;

/**
 * With the sessions in the database (as under the profile {@code postgres}; here on H2, whose migrations make the
 * same tables) a page longer than the response buffer saves its session while it renders, inside the page's
 * transaction: it must take no second connection from the pool while the page holds one. Saved in a transaction of
 * its own, it did, and with as many pages rendering as the pool had connections, all of them waited for a second
 * one that never came: 32 users at once froze a node on PostgreSQL (SessionsJoinThePage). And each request asks the
 * store only what it must (SparingSessionStore): its session read once, its last access written once a minute.
 */
@SpringBootTest(properties = "spring.autoconfigure.exclude=")
// a context of its own (sessions in the database on H2 too): closed after, so that under -Ppostgres its pool does not
// stay open beside the cached contexts' and take the server's last connection slots from the two-node check
@DirtiesContext
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class SessionsInTheDatabaseTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLongPageSavesItsSessionInsideThePagesTransaction() throws Exception {
        RequestPostProcessor office = new WebFixtures(identityService).as("zhao.min");
        // a first page makes the session (its form tokens) and hands out its cookie
        Cookie session = mvc.perform(get("/office").with(office)).andExpect(status().isOk()).andReturn()
                .getResponse().getCookie("JSESSIONID");
        assertThat(session).isNotNull();

        // a minute later the next page reads it first, then saves its last access while rendering, once the
        // response commits
        aMinuteAgo(session);
        Statements.Cost<String> cost = Statements.count(() -> mvc.perform(get("/office").cookie(session).with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(cost.result().length()).as("longer than MockMvc's 4 KB response buffer").isGreaterThan(4096);
        assertThat(cost.sent("update", "spring_session")).as("the session saved").isPositive();
        // saved on the page's own connection, in its transaction: no second connection while the page holds one
        int page = cost.connectionOf("count(", "from notification");
        assertThat(page).isPositive();
        assertThat(cost.connectionOf("update", "spring_session")).isEqualTo(page);
        // and the session it has just saved is its answer when Spring Session asks again at the end of the request
        assertThat(cost.sent("from spring_session")).as("the session read once").isEqualTo(1);
    }

    @Test
    void pagesWithinAMinuteReadTheirSessionOnceAndWriteNothing() throws Exception {
        RequestPostProcessor office = new WebFixtures(identityService).as("zhao.min");
        Cookie session = mvc.perform(get("/office").with(office)).andExpect(status().isOk()).andReturn()
                .getResponse().getCookie("JSESSIONID");
        long stored = lastAccess(session);

        // a long page (its response sent while it renders, so Spring Session saves twice), and a task not found
        // (its answer sent at once, the same)
        Statements.Cost<Integer> cost = Statements.count(() -> {
            mvc.perform(get("/office").cookie(session).with(office)).andExpect(status().isOk());
            return mvc.perform(get("/tasks/no-such-task").cookie(session).with(office)).andReturn().getResponse()
                    .getStatus();
        });

        assertThat(cost.result()).isEqualTo(404);
        assertThat(cost.sent("from spring_session")).as("each request reads its session once").isEqualTo(2);
        assertThat(cost.sent("update", "spring_session")).as("no last access written within the minute").isZero();
        assertThat(cost.sent("insert", "spring_session")).isZero();
        assertThat(cost.sent("delete", "spring_session")).isZero();
        assertThat(lastAccess(session)).isEqualTo(stored);
    }

    @Test
    void aSessionUnusedForAMinuteHasItsLastAccessWrittenSoItLastsItsFullTime() throws Exception {
        RequestPostProcessor office = new WebFixtures(identityService).as("zhao.min");
        Cookie session = mvc.perform(get("/office").with(office)).andExpect(status().isOk()).andReturn()
                .getResponse().getCookie("JSESSIONID");
        aMinuteAgo(session);
        long before = lastAccess(session);
        long expiresBefore = jdbc.queryForObject("select expiry_time from spring_session where session_id = ?",
                Long.class, id(session));

        mvc.perform(get("/office").cookie(session).with(office)).andExpect(status().isOk());

        assertThat(lastAccess(session)).isGreaterThanOrEqualTo(before + 60_000);
        assertThat(jdbc.queryForObject("select expiry_time from spring_session where session_id = ?", Long.class,
                id(session))).isGreaterThanOrEqualTo(expiresBefore + 60_000);
    }

    /** Moves the stored session's last access (and so its expiry) a minute and a second into the past. */
    private void aMinuteAgo(Cookie session) {
        assertThat(jdbc.update("update spring_session set last_access_time = last_access_time - 61000, "
                + "expiry_time = expiry_time - 61000 where session_id = ?", id(session))).isEqualTo(1);
    }

    /** The session's id in the store (Spring Session's cookie holds it in Base64). */
    private static String id(Cookie session) {
        return new String(java.util.Base64.getDecoder().decode(session.getValue()),
                java.nio.charset.StandardCharsets.US_ASCII);
    }

    private long lastAccess(Cookie session) {
        return jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class,
                id(session));
    }
}
