package eu.clustercalls.reimbursement;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * A company's unfinished expense claim: the form's values as the portal sent them (JSON), so that any of its users
 * can finish it later, on any device. Its files are documents of the draft (see DocumentService#keepForDraft).
 */
@Entity
public class ClaimDraft {

    /** The longest draft kept: the form's longest values with room for JSON escapes. */
    public static final int MAX_CONTENT = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_draft_seq")
    @SequenceGenerator(name = "claim_draft_seq", sequenceName = "claim_draft_seq", allocationSize = 50)
    private Long id;

    private Long claimId;
    private String username;
    private String content;
    private Instant savedAt;

    protected ClaimDraft() {
    }

    ClaimDraft(Long claimId) {
        this.claimId = claimId;
    }

    void save(String username, String content, Instant savedAt) {
        this.username = username;
        this.content = content;
        this.savedAt = savedAt;
    }

    public Long getClaimId() {
        return claimId;
    }

    public String getUsername() {
        return username;
    }

    public String getContent() {
        return content;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
