package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Forfeit the grant": the deadline passed without a claim. */
@Component("forfeitGrant")
class ForfeitGrant implements JavaDelegate {

    private final ClaimService claims;
    private final ClaimOfInstance claimOf;

    ForfeitGrant(ClaimService claims, ClaimOfInstance claimOf) {
        this.claims = claims;
        this.claimOf = claimOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.forfeit(claimOf.claimId(execution));
    }
}
