package eu.clustercalls.company;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.audit.Audited;

/**
 * A sign-up waiting for the person to open the link mailed to the address it gives: the form (as JSON, without the
 * password), the password as the engine hashes it for a user, and the SHA-256 hash of the link's token, never the
 * token itself.
 */
@Entity
class SignUpRequest implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sign_up_request_seq")
    @SequenceGenerator(name = "sign_up_request_seq", sequenceName = "sign_up_request_seq", allocationSize = 50)
    private Long id;

    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private String form;
    private String passwordSalt;
    private String passwordHash;

    protected SignUpRequest() {
    }

    SignUpRequest(String tokenHash, Instant createdAt, Instant expiresAt, String form, SignUpPasswords.Hashed password) {
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.form = form;
        this.passwordSalt = password.salt();
        this.passwordHash = password.hash();
    }

    Long getId() {
        return id;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    String getForm() {
        return form;
    }

    SignUpPasswords.Hashed password() {
        return new SignUpPasswords.Hashed(passwordSalt, passwordHash);
    }

    @Override
    public String auditType() {
        return "SignUpRequest";
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
