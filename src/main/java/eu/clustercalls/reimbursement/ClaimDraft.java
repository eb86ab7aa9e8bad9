package eu.clustercalls.reimbursement;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.support.SavedForm;

/**
 * A company's unfinished expense claim: the form's values as the portal sent them (JSON), so that any of its users
 * can finish it later, on any device. Its files are documents of the draft (see DocumentService#keepForDraft).
 */
@Entity
public class ClaimDraft extends SavedForm {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_draft_seq")
    @SequenceGenerator(name = "claim_draft_seq", sequenceName = "claim_draft_seq", allocationSize = 50)
    private Long id;

    private Long claimId;

    protected ClaimDraft() {
    }

    ClaimDraft(Long claimId) {
        this.claimId = claimId;
    }

    public Long getClaimId() {
        return claimId;
    }
}
