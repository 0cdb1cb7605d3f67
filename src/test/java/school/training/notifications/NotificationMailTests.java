package school.training.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import school.training.people.Person;

/** With an SMTP server configured, notifications also go out by e-mail, in Chinese, once their transaction commits. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class NotificationMailTests {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "localhost", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Notifications notifications;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void liNaHasAnAddressAndTheMailboxIsEmpty() throws Exception {
        giveAddress("li.na", "li.na@school.example");
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aNotificationIsMailedInChineseWithTheLink() throws Exception {
        String link = "/requests/" + UUID.randomUUID();

        notifications.notify("li.na", "notify.checkInDue", link, "上海职业教育年会");

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("li.na@school.example");
        assertThat(mail.getSubject()).startsWith("【研修审批】").contains("上海职业教育年会", "报到");
        assertThat((String) mail.getContent()).contains("上海职业教育年会", "报到", "http://localhost:8080" + link);
    }

    @Test
    void aNotificationInARolledBackTransactionSendsNoMail() throws Exception {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.notify("li.na", "notify.checkInDue", "/requests/rolled-back", "撤销的研学");
            status.setRollbackOnly();
        });
        notifications.notify("li.na", "notify.checkInDue", "/requests/committed", "上海职业教育年会");

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat((String) smtp.getReceivedMessages()[0].getContent()).contains("/requests/committed")
                .doesNotContain("rolled-back");
    }

    @Test
    void somebodyWithoutAnAddressGetsTheNotificationButNoMail() throws Exception {
        String link = "/requests/" + UUID.randomUUID();

        notifications.notify("zhou.tao", "notify.checkInDue", link, "数学研学");
        notifications.notify("li.na", "notify.checkInDue", "/requests/after", "上海职业教育年会");

        assertThat(notifications.latest("zhou.tao", 1)).extracting(Notification::getLink).containsExactly(link);
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("li.na@school.example");
    }

    @Test
    void aMailThatCannotBeSentDoesNotUndoTheNotification() throws Exception {
        giveAddress("sun.wei", "<<not an address");
        String link = "/requests/" + UUID.randomUUID();

        notifications.notify("sun.wei", "notify.checkInDue", link, "数学研学");

        assertThat(notifications.latest("sun.wei", 1)).extracting(Notification::getLink).containsExactly(link);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private void giveAddress(String userId, String address) {
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> entityManager.find(Person.class, userId).setEmail(address));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
