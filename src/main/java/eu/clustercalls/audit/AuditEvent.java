package eu.clustercalls.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.Immutable;

/**
 * Who did what, when, on which entity, with the decision and its reason. Never changed once written: Hibernate
 * ignores changes to an immutable entity and no column is updatable. The one exception is the erasure of a
 * company's personal data, which replaces user ids and the SME's own texts in SQL (see
 * {@link AuditService#pseudonymise}).
 */
@Entity
@Immutable
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @Column(updatable = false)
    private Long id;

    @Column(updatable = false)
    private Instant occurredAt;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String entityType;
    @Column(updatable = false)
    private String entityId;
    @Column(updatable = false)
    private String tenantId;
    @Column(updatable = false)
    private String decision;
    @Column(updatable = false)
    private String reason;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String entityType, String entityId,
            String tenantId, String decision, String reason) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.tenantId = tenantId;
        this.decision = decision;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }
}
