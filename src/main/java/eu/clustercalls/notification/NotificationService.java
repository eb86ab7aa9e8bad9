package eu.clustercalls.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.Audited;

/** Queues messages in the outbox, in the transaction of the state change that causes them. */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Collection<String> recipients, NotificationType type, Audited about, String subject, String body) {
        recipients.stream().distinct().forEach(recipient -> notifications.save(new Notification(clock.instant(),
                about.tenantId(), recipient, type, about.auditType(), about.auditId(), subject, body)));
    }

    /** Forgets every message to a user whose personal data is erased (sent or not: nobody can receive it now). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String recipient) {
        notifications.deleteByRecipient(recipient);
    }

    /** Forgets the messages to a user about these entities only (the user still acts for another company). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String recipient, Collection<? extends Audited> about) {
        about.stream().collect(Collectors.groupingBy(Audited::auditType,
                Collectors.mapping(Audited::auditId, Collectors.toList())))
                .forEach((type, ids) -> notifications.deleteByRecipientAbout(recipient, type, ids));
    }
}
