package eu.clustercalls.audit;

import java.time.Instant;

/** An audit event as the API shows it. */
public record AuditEventView(Instant occurredAt, String actor, String action, String entityType, String entityId,
        String decision, String reason) {

    public static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.getOccurredAt(), event.getActor(), event.getAction(), event.getEntityType(),
                event.getEntityId(), event.getDecision(), event.getReason());
    }
}
