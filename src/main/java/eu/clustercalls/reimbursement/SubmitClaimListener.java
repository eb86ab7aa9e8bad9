package eu.clustercalls.reimbursement;

import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormView;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Submit expense claim": shows the deadline (and finance's comment on a returned claim), and lets the task
 * complete only once the portal has received the claim with its files.
 */
@Component("submitClaimListener")
class SubmitClaimListener extends FormTaskListener {

    private final ClaimService claims;

    SubmitClaimListener(ClaimService claims, ClaimOfInstance claimOf) {
        super(claimOf::claimId);
        this.claims = claims;
    }

    @Override
    protected FormView view(Long claimId) {
        return claims.submissionView(claimId);
    }

    @Override
    protected void complete(DelegateTask task, Long claimId) {
        claims.checkSubmitted(claimId);
    }
}
