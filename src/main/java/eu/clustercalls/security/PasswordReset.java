package eu.clustercalls.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.audit.Audited;

/** A link mailed to an SME user to choose a new password: single-use, short-lived, kept as its token's hash. */
@Entity
class PasswordReset implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_reset_seq")
    @SequenceGenerator(name = "password_reset_seq", sequenceName = "password_reset_seq", allocationSize = 50)
    private Long id;

    private String userId;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected PasswordReset() {
    }

    PasswordReset(String userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long getId() {
        return id;
    }

    String getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public String auditType() {
        return "PasswordReset";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public String tenantId() {
        return null;
    }
}
