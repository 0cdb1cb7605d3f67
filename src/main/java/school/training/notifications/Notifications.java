package school.training.notifications;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import school.training.engine.AsTheApp;
import school.training.people.Directory;
import school.training.people.Person;
import school.training.web.LocalisedText;

/**
 * The notifications facade, also the bean {@code notifications} that BPMN expressions call, e.g.
 * {@code ${notifications.notify(applicant, 'notify.checkInDue', '/requests/'.concat(execution.processInstanceId), title)}}.
 * JUEL does not handle varargs well, so every sending method also has fixed-arity overloads with
 * zero, one, two or three string arguments. Sending joins the caller's transaction: when that rolls
 * back, the notification is gone and no e-mail leaves.
 */
@Service("notifications")
@Transactional
public class Notifications {

    /** E-mail speaks the school's language; the list speaks the reader's. */
    static final Locale SCHOOL_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final NotificationRepository repository;
    private final IdentityService identityService;
    private final Directory directory;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;
    private final LocalisedText localised;
    private final GroupPush groupPush;

    Notifications(NotificationRepository repository, IdentityService identityService, Directory directory,
            MessageSource messages, ObjectProvider<JavaMailSender> mailSender, ApplicationEventPublisher events,
            Clock clock, @Value("${training.notifications.base-url:http://localhost:8080}") String baseUrl,
            LocalisedText localised, GroupPush groupPush) {
        this.localised = localised;
        this.groupPush = groupPush;
        this.repository = repository;
        this.identityService = identityService;
        this.directory = directory;
        this.messages = messages;
        this.mailSender = mailSender;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Tells one person; arguments become plain strings (null becomes empty). */
    public void notify(String recipient, String messageKey, String link, Object... args) {
        List<String> strings = args == null ? List.of()
                : Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a)).toList();
        Notification notification = repository.save(
                new Notification(recipient, messageKey, link, strings, clock.instant()));
        if (mailSender.getIfAvailable() != null) {
            requestMail(notification);
        }
        if (groupPush.wants(messageKey)) {
            groupPush.offer(directory.nameOf(recipient), text(notification, SCHOOL_LANGUAGE));
        }
    }

    public void notify(String recipient, String messageKey, String link) {
        notify(recipient, messageKey, link, new Object[0]);
    }

    public void notify(String recipient, String messageKey, String link, String arg0) {
        notify(recipient, messageKey, link, new Object[] { arg0 });
    }

    public void notify(String recipient, String messageKey, String link, String arg0, String arg1) {
        notify(recipient, messageKey, link, new Object[] { arg0, arg1 });
    }

    public void notify(String recipient, String messageKey, String link, String arg0, String arg1, String arg2) {
        notify(recipient, messageKey, link, new Object[] { arg0, arg1, arg2 });
    }

    /** Tells every member of a Camunda group (e.g. {@code office}). */
    public void notifyGroup(String camundaGroupId, String messageKey, String link, Object... args) {
        for (String member : membersOf(camundaGroupId)) {
            notify(member, messageKey, link, args);
        }
    }

    public void notifyGroup(String camundaGroupId, String messageKey, String link) {
        notifyGroup(camundaGroupId, messageKey, link, new Object[0]);
    }

    public void notifyGroup(String camundaGroupId, String messageKey, String link, String arg0) {
        notifyGroup(camundaGroupId, messageKey, link, new Object[] { arg0 });
    }

    public void notifyGroup(String camundaGroupId, String messageKey, String link, String arg0, String arg1) {
        notifyGroup(camundaGroupId, messageKey, link, new Object[] { arg0, arg1 });
    }

    public void notifyGroup(String camundaGroupId, String messageKey, String link, String arg0, String arg1,
            String arg2) {
        notifyGroup(camundaGroupId, messageKey, link, new Object[] { arg0, arg1, arg2 });
    }

    @Transactional(readOnly = true)
    public long unreadCount(String userId) {
        return userId == null ? 0 : repository.countByRecipientAndReadAtIsNull(userId);
    }

    /** The person's newest notifications first. */
    @Transactional(readOnly = true)
    public List<Notification> latest(String userId, int max) {
        return repository.findByRecipientOrderByIdDesc(userId, Limit.of(max));
    }

    /**
     * Marks one of the person's own notifications read and returns it; someone else's (or an unknown id)
     * stays as it is and gives empty, which pages answer with 404.
     */
    public Optional<Notification> markRead(String userId, long id) {
        Optional<Notification> own = repository.findByIdAndRecipient(id, userId);
        own.ifPresent(n -> n.markRead(clock.instant()));
        return own;
    }

    public void markAllRead(String userId) {
        repository.markAllRead(userId, clock.instant());
    }

    /**
     * The notification's text in the given language; an unknown key shows as itself rather than failing. An
     * argument the app wrote as a message key (a grade) reads in that language too.
     */
    public String text(Notification notification, Locale locale) {
        Object[] args = notification.getArgs().stream().map(arg -> localised.read(arg, locale)).toArray();
        return messages.getMessage(notification.getMessageKey(), args, notification.getMessageKey(), locale);
    }

    /**
     * The group's members regardless of who is signed in: a teacher's action may have to tell the office,
     * even though the teacher may not list the office's accounts.
     */
    private List<String> membersOf(String camundaGroupId) {
        return AsTheApp.call(identityService, () -> identityService.createUserQuery().memberOfGroup(camundaGroupId)
                .orderByUserId().asc().list().stream().map(User::getId).toList());
    }

    /** Renders the mail now, inside the transaction; {@link NotificationMail} sends it once that commits. */
    private void requestMail(Notification notification) {
        String address = directory.find(notification.getRecipient()).map(Person::getEmail)
                .filter(StringUtils::hasText).orElse(null);
        if (address == null) {
            return;
        }
        String text = text(notification, SCHOOL_LANGUAGE);
        String link = notification.getLink() == null ? "" : baseUrl + notification.getLink();
        String subject = messages.getMessage("notifications.mail.subject", new Object[] { text }, SCHOOL_LANGUAGE);
        String body = messages.getMessage("notifications.mail.body", new Object[] { text, link }, SCHOOL_LANGUAGE);
        events.publishEvent(new MailRequested(Objects.requireNonNull(address), subject, body));
    }
}
