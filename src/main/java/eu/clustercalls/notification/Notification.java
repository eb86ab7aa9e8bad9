package eu.clustercalls.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * An outbox row: a message to one user (or, before they are one, to the e-mail address a sign-up gave), written with the change that causes it and sent later by
 * {@link OutboxSender} (which alone writes the claim columns, claimed_by and claimed_until).
 */
@Entity
public class Notification {

    public enum Status { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;

    private Instant createdAt;
    private String tenantId;
    private String recipient;
    /** The recipient is an e-mail address, not a user: a sign-up's mail, sent before the user exists. */
    private boolean recipientIsAddress;
    private String type;
    private String entityType;
    private String entityId;
    private String language;
    private Long attachmentDocumentId;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant sentAt;

    protected Notification() {
    }

    Notification(Instant createdAt, String tenantId, String recipient, boolean recipientIsAddress, NotificationType type,
            String entityType, String entityId, String language, String subject, String body, Long attachmentDocumentId) {
        this.createdAt = createdAt;
        this.tenantId = tenantId;
        this.recipient = recipient;
        this.recipientIsAddress = recipientIsAddress;
        this.type = type.name();
        this.entityType = entityType;
        this.entityId = entityId;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.attachmentDocumentId = attachmentDocumentId;
        this.status = Status.PENDING;
        this.nextAttemptAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getType() {
        return type;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getLanguage() {
        return language;
    }

    public Long getAttachmentDocumentId() {
        return attachmentDocumentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
