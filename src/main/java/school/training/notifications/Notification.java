package school.training.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One message to one person. The text is rendered when it is read, in the reader's language, from the
 * message key and its arguments; the arguments are kept as plain strings.
 */
@Entity
@Table(indexes = @Index(name = "idx_notification_recipient", columnList = "recipient, createdAt"))
public class Notification {

    /** Unit separator: cannot be typed into a form, so it never clashes with an argument. */
    private static final String SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String recipient;
    @Column(nullable = false)
    private String messageKey;
    @Column(length = 4000)
    private String args;
    @Column(length = 1000)
    private String link;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, String messageKey, String link, List<String> args, Instant createdAt) {
        this.recipient = recipient;
        this.messageKey = messageKey;
        this.link = link;
        this.args = args.isEmpty() ? null
                : String.join(SEPARATOR, args.stream().map(a -> a.replace(SEPARATOR, " ")).toList());
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public List<String> getArgs() {
        return args == null ? List.of() : Arrays.asList(args.split(SEPARATOR, -1));
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }

    void markRead(Instant when) {
        if (readAt == null) {
            readAt = when;
        }
    }
}
