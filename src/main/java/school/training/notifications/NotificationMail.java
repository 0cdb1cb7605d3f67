package school.training.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends notification e-mail after the transaction that created it has committed. A mail server that is
 * down or refuses an address is logged and otherwise ignored: the process goes on and the in-app
 * notification is there anyway.
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    NotificationMail(ObjectProvider<JavaMailSender> mailSender,
            @Value("${training.notifications.mail-from:training-approvals@localhost}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(MailRequested mail) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            sender.send(message);
        } catch (Exception e) {
            log.warn("Notification e-mail to {} not sent: {}", mail.to(), e.toString());
        }
    }
}
