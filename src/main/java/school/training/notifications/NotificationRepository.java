package school.training.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    long countByRecipientAndReadAtIsNull(String recipient);

    /** Newest first by insertion, not by timestamp: the engine clock (which stamps them) may be moved. */
    List<Notification> findByRecipientOrderByIdDesc(String recipient, Limit limit);

    Optional<Notification> findByIdAndRecipient(Long id, String recipient);

    @Modifying
    @Query("update Notification n set n.readAt = :when where n.recipient = :recipient and n.readAt is null")
    int markAllRead(String recipient, Instant when);
}
