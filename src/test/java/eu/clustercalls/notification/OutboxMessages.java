package eu.clustercalls.notification;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.Scenario;
import eu.clustercalls.audit.Audited;

/** Queues messages in the outbox as the application does, each about an entity of its own. Import it in the test. */
@TestComponent
public class OutboxMessages {

    private final TransactionTemplate transactions;
    private final NotificationService notificationService;
    private final NotificationRepository notifications;

    public OutboxMessages(TransactionTemplate transactions, NotificationService notificationService,
            NotificationRepository notifications) {
        this.transactions = transactions;
        this.notificationService = notificationService;
        this.notifications = notifications;
    }

    /** A message about a call of that title (its subject is "More time to apply: " and the title); returns its id. */
    public long queue(String recipient, String callTitle) {
        return queue(recipient, callTitle, null);
    }

    /** The same, with that stored document attached. */
    public long queue(String recipient, String callTitle, Long attachmentDocumentId) {
        About about = new About("test-" + Scenario.next());
        transactions.executeWithoutResult(status -> notificationService.queue(List.of(recipient),
                NotificationType.CALL_EXTENDED, about, Map.of("callTitle", callTitle,
                        "closesAt", Instant.parse("2027-03-01T17:00:00Z"), "path", "/portal/calls/1"),
                attachmentDocumentId));
        return notifications.findByEntityTypeAndEntityIdOrderById(about.auditType(), about.auditId()).get(0).getId();
    }

    /** A message about a call of that title to someone who is no user: to that e-mail address; returns its id. */
    public long queueToAddress(String address, String callTitle) {
        About about = new About("test-" + Scenario.next());
        transactions.executeWithoutResult(status -> notificationService.queueToAddress(address, "Núria Soler",
                Locale.forLanguageTag("es"), NotificationType.CALL_EXTENDED, about, Map.of("callTitle", callTitle,
                        "closesAt", Instant.parse("2027-03-01T17:00:00Z"), "path", "/portal/calls/1")));
        return notifications.findByEntityTypeAndEntityIdOrderById(about.auditType(), about.auditId()).get(0).getId();
    }

    /** A message to that user written at that time (the engine's clock, which the outbox uses too), due at once. */
    public void queueAt(String recipient, Instant createdAt) {
        ClockUtil.setCurrentTime(Date.from(createdAt));
        try {
            queue(recipient, "Business mission");
        } finally {
            ClockUtil.reset();
        }
    }

    public void forget(String recipient) {
        transactions.executeWithoutResult(status -> notificationService.forget(recipient));
    }

    private record About(String auditId) implements Audited {

        @Override
        public String auditType() {
            return "Test";
        }

        @Override
        public String tenantId() {
            return null;
        }
    }
}
