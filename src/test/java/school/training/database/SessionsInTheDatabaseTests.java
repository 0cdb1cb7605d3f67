package school.training.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.IdentityService;
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
 * one that never came: 32 users at once froze a node on PostgreSQL (SessionsJoinThePage).
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

    @Test
    void aLongPageSavesItsSessionInsideThePagesTransaction() throws Exception {
        RequestPostProcessor office = new WebFixtures(identityService).as("zhao.min");
        // a first page makes the session (its form tokens) and hands out its cookie
        Cookie session = mvc.perform(get("/office").with(office)).andExpect(status().isOk()).andReturn()
                .getResponse().getCookie("JSESSIONID");
        assertThat(session).isNotNull();

        // the next page reads it first, then saves its last access while rendering, once the response commits
        Statements.Cost<String> cost = Statements.count(() -> mvc.perform(get("/office").cookie(session).with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(cost.result().length()).as("longer than MockMvc's 4 KB response buffer").isGreaterThan(4096);
        assertThat(cost.sent("update", "spring_session")).as("the session saved").isPositive();
        // saved on the page's own connection, in its transaction: no second connection while the page holds one
        int page = cost.connectionOf("count(", "from notification");
        assertThat(page).isPositive();
        assertThat(cost.connectionOf("update", "spring_session")).isEqualTo(page);
    }
}
