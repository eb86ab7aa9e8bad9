package eu.clustercalls.operations;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.Scenario;
import eu.clustercalls.audit.Audited;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;

/** Outbox messages of a test: written in the past, forgotten afterwards. Import it next to {@link Scenario}. */
@TestComponent
class OutboxMessages {

    private final NotificationService notifications;
    private final TransactionTemplate transactions;

    OutboxMessages(NotificationService notifications, PlatformTransactionManager transactionManager) {
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A message to that user written at that time (the engine's clock, which the outbox uses too), due at once. */
    void queueAt(String recipient, Instant createdAt) {
        ClockUtil.setCurrentTime(Date.from(createdAt));
        try {
            transactions.executeWithoutResult(status -> notifications.queue(List.of(recipient),
                    NotificationType.CALL_EXTENDED, new About("ops-" + Scenario.next()),
                    Map.of("callTitle", "Business mission", "closesAt", createdAt, "path", "/portal")));
        } finally {
            ClockUtil.reset();
        }
    }

    void forget(String recipient) {
        transactions.executeWithoutResult(status -> notifications.forget(recipient));
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
