package school.training.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** In-app notifications: who gets them, who may read them, and that a rollback takes them back. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class NotificationsTests {

    @Autowired
    Notifications notifications;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void readingANotificationClearsTheUnreadCount() {
        // given zhou.tao has read everything
        notifications.markAllRead("zhou.tao");
        String link = uniqueLink();

        // when he is reminded
        notifications.notify("zhou.tao", "notify.checkInDue", link, "上海职业教育年会");

        // then he has one unread notification, readable in Chinese and English
        assertThat(notifications.unreadCount("zhou.tao")).isEqualTo(1);
        Notification reminder = notifications.latest("zhou.tao", 1).get(0);
        assertThat(reminder.getLink()).isEqualTo(link);
        assertThat(reminder.getArgs()).containsExactly("上海职业教育年会");
        String chinese = notifications.text(reminder, Locale.SIMPLIFIED_CHINESE);
        String english = notifications.text(reminder, Locale.ENGLISH);
        assertThat(chinese).contains("上海职业教育年会", "报到").isNotEqualTo(english);
        assertThat(english).contains("上海职业教育年会", "check").doesNotContain("报到");

        assertThat(notifications.markRead("zhou.tao", reminder.getId())).isPresent();
        assertThat(notifications.unreadCount("zhou.tao")).isZero();
        assertThat(notifications.latest("zhou.tao", 1).get(0).isUnread()).isFalse();
    }

    @Test
    void markAllReadClearsEverythingOfThatPersonOnly() {
        notifications.notify("zhou.tao", "notify.reportDue", uniqueLink(), "研学", "2026-05-08");
        notifications.notify("sun.wei", "notify.reportDue", uniqueLink(), "研学", "2026-05-08");
        long sunWeiUnread = notifications.unreadCount("sun.wei");

        notifications.markAllRead("zhou.tao");

        assertThat(notifications.unreadCount("zhou.tao")).isZero();
        assertThat(notifications.unreadCount("sun.wei")).isEqualTo(sunWeiUnread).isPositive();
    }

    @Test
    void aGroupNotificationReachesEveryMemberOfTheOfficeAndNobodyElse() {
        String link = uniqueLink();

        notifications.notifyGroup("office", "notify.checkInOverdue", link, "李娜", "上海职业教育年会");

        assertThat(notifications.latest("zhao.min", 1)).extracting(Notification::getLink).containsExactly(link);
        assertThat(notifications.latest("li.na", 100)).extracting(Notification::getLink).doesNotContain(link);
    }

    @Test
    void aTeachersActionStillReachesTheOfficeThoughSheMayNotListItsAccounts() {
        String link = uniqueLink();
        identityService.setAuthentication("li.na", List.of("teachers"));
        try {
            notifications.notifyGroup("office", "notify.checkInOverdue", link, "李娜", "上海职业教育年会");
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(notifications.latest("zhao.min", 1)).extracting(Notification::getLink).containsExactly(link);
    }

    @Test
    void nobodyCanMarkSomeoneElsesNotificationRead() {
        notifications.notify("li.na", "notify.checkInDue", uniqueLink(), "上海职业教育年会");
        Notification hers = notifications.latest("li.na", 1).get(0);

        assertThat(notifications.markRead("zhou.tao", hers.getId())).isEmpty();

        assertThat(notifications.latest("li.na", 1).get(0).isUnread()).isTrue();
    }

    @Test
    void aNotificationInARolledBackTransactionIsNotStored() {
        String link = uniqueLink();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.notify("li.na", "notify.checkInDue", link, "上海职业教育年会");
            status.setRollbackOnly();
        });

        assertThat(notifications.latest("li.na", 100)).extracting(Notification::getLink).doesNotContain(link);
    }

    @Test
    void processesNotifyFromBpmnExpressions() {
        // given a process that reminds its applicant and tells the office, as the report-back timers will
        String key = "notificationsProbe";
        var process = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("remind").camundaExpression(
                        "${notifications.notify(applicant, 'notify.checkInDue', '/requests/'.concat(execution.processInstanceId), title)}")
                .serviceTask("escalate").camundaExpression(
                        "${notifications.notifyGroup('office', 'notify.checkInOverdue', '/requests/'.concat(execution.processInstanceId), applicantName, title)}")
                .endEvent().done();
        String deployment = repositoryService.createDeployment().addModelInstance(key + ".bpmn", process).deploy()
                .getId();
        try {
            // when it runs
            String id = runtimeService.startProcessInstanceByKey(key,
                    Map.of("applicant", "li.na", "applicantName", "李娜", "title", "上海职业教育年会")).getId();

            // then both notifications arrived with their arguments
            Notification reminder = notifications.latest("li.na", 1).get(0);
            assertThat(reminder.getLink()).isEqualTo("/requests/" + id);
            assertThat(reminder.getArgs()).containsExactly("上海职业教育年会");
            Notification escalation = notifications.latest("zhao.min", 1).get(0);
            assertThat(escalation.getLink()).isEqualTo("/requests/" + id);
            assertThat(escalation.getArgs()).containsExactly("李娜", "上海职业教育年会");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void anUnknownMessageKeyShowsAsItselfInsteadOfBreakingThePage() {
        notifications.notify("zhou.tao", "notify.noSuchMessage", uniqueLink());

        assertThat(notifications.text(notifications.latest("zhou.tao", 1).get(0), Locale.ENGLISH))
                .isEqualTo("notify.noSuchMessage");
    }

    private static String uniqueLink() {
        return "/requests/" + UUID.randomUUID();
    }
}
