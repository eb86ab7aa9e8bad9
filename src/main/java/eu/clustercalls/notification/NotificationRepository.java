package eu.clustercalls.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByEntityTypeAndEntityIdOrderById(String entityType, String entityId);

    Page<Notification> findByStatus(Notification.Status status, Pageable page);

    @Query("select count(n) from Notification n where n.recipientIsAddress and lower(n.recipient) = lower(?1) "
            + "and n.createdAt >= ?2")
    long countToAddressSince(String address, Instant since);

    @Modifying
    @Query("delete from Notification n where n.recipient = ?1")
    int deleteByRecipient(String recipient);

    @Modifying
    @Query("delete from Notification n where n.recipient = ?1 and n.entityType = ?2 and n.entityId in ?3")
    int deleteByRecipientAbout(String recipient, String entityType, Collection<String> entityIds);
}
