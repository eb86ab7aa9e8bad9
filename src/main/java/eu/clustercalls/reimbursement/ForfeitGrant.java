package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Forfeit the grant": the deadline passed without a claim. */
@Component("forfeitGrant")
class ForfeitGrant implements JavaDelegate {

    private final ClaimService claims;

    ForfeitGrant(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.forfeit((Long) execution.getVariable(ReimbursementProcess.VAR_CLAIM_ID));
    }
}
