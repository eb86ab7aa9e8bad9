package eu.clustercalls.company;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.audit.Audited;

/**
 * A company's user asked a colleague, by e-mail address, to join the company: the link mailed to the address works
 * once, until it expires or a user of the company cancels it. Only the SHA-256 hash of its token is kept.
 */
@Entity
public class ColleagueInvitation implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "colleague_invitation_seq")
    @SequenceGenerator(name = "colleague_invitation_seq", sequenceName = "colleague_invitation_seq",
            allocationSize = 50)
    private Long id;

    private Long companyId;
    private String email;
    private String invitedBy;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant closedAt;

    protected ColleagueInvitation() {
    }

    ColleagueInvitation(Long companyId, String email, String invitedBy, String tokenHash,
            Instant createdAt, Instant expiresAt) {
        this.companyId = companyId;
        this.email = email;
        this.invitedBy = invitedBy;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getEmail() {
        return email;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public String auditType() {
        return "ColleagueInvitation";
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
