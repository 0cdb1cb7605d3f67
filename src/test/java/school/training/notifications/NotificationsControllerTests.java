package school.training.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The notification list: only one's own, opening one marks it read and goes to its page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class NotificationsControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;

    String trip;
    String link;

    @BeforeEach
    void liNaIsReminded() {
        notifications.markAllRead("li.na");
        trip = "研学" + UUID.randomUUID();
        link = "/requests/" + UUID.randomUUID();
        notifications.notify("li.na", "notify.checkInDue", link, trip);
    }

    @Test
    void theListShowsOnlyMyOwnNotificationsWithTheUnreadOnesMarked() throws Exception {
        String othersTrip = "研学" + UUID.randomUUID();
        notifications.notify("zhou.tao", "notify.checkInDue", "/requests/" + UUID.randomUUID(), othersTrip);

        mvc.perform(get("/notifications").with(liNa())).andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"count badge waiting\">1</span>")))
                .andExpect(content().string(containsString(notifications.text(notifications.latest("li.na", 1).get(0),
                        java.util.Locale.SIMPLIFIED_CHINESE))))
                .andExpect(content().string(containsString("class=\"notification unread\"")))
                .andExpect(content().string(not(containsString(othersTrip))));
    }

    @Test
    void theListSpeaksTheReadersLanguage() throws Exception {
        mvc.perform(get("/notifications").param("lang", "en").with(liNa())).andExpect(status().isOk())
                .andExpect(content().string(containsString(notifications.text(notifications.latest("li.na", 1).get(0),
                        java.util.Locale.ENGLISH).replace("\"", "&quot;").replace("'", "&#39;"))));
    }

    @Test
    void openingANotificationMarksItReadAndGoesToItsPage() throws Exception {
        long id = notifications.latest("li.na", 1).get(0).getId();

        mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(liNa()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(link));

        assertThat(notifications.unreadCount("li.na")).isZero();
        mvc.perform(get("/notifications").with(liNa()))
                .andExpect(content().string(containsString("id=\"notifications-link\"")))
                .andExpect(content().string(not(containsString("class=\"count badge waiting\""))))
                .andExpect(content().string(not(containsString("class=\"notification unread\""))));
    }

    @Test
    void openingSomeoneElsesNotificationIsNotFoundAndLeavesItUnread() throws Exception {
        notifications.notify("zhou.tao", "notify.checkInDue", "/requests/" + UUID.randomUUID(), "数学研学");
        long his = notifications.latest("zhou.tao", 1).get(0).getId();
        long unread = notifications.unreadCount("zhou.tao");

        mvc.perform(post("/notifications/" + his + "/read").with(csrf()).with(liNa()))
                .andExpect(status().isNotFound());

        assertThat(notifications.unreadCount("zhou.tao")).isEqualTo(unread);
    }

    @Test
    void markAllReadClearsTheBadge() throws Exception {
        notifications.notify("li.na", "notify.reportDue", "/requests/" + UUID.randomUUID(), trip, "2026-05-08");

        mvc.perform(post("/notifications/read-all").with(csrf()).with(liNa()))
                .andExpect(redirectedUrl("/notifications"));

        assertThat(notifications.unreadCount("li.na")).isZero();
    }

    @Test
    void aLinkOutsideTheAppLeadsBackToTheList() throws Exception {
        notifications.notify("li.na", "notify.checkInDue", "//evil.example/phish", trip);
        long id = notifications.latest("li.na", 1).get(0).getId();

        mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(liNa()))
                .andExpect(redirectedUrl("/notifications"));
    }

    @Test
    void readingWithoutTheCsrfTokenIsRefused() throws Exception {
        long id = notifications.latest("li.na", 1).get(0).getId();

        mvc.perform(post("/notifications/" + id + "/read").with(liNa())).andExpect(status().isForbidden());

        assertThat(notifications.unreadCount("li.na")).isEqualTo(1);
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() throws Exception {
        mvc.perform(get("/notifications")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    private static RequestPostProcessor liNa() {
        return user("li.na").authorities(new SimpleGrantedAuthority("GROUP_teachers"));
    }
}
