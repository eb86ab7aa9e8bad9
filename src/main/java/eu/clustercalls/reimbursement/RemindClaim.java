package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the SME": day 20 without a claim. */
@Component("remindClaim")
class RemindClaim implements JavaDelegate {

    private final ClaimService claims;
    private final ClaimOfInstance claimOf;

    RemindClaim(ClaimService claims, ClaimOfInstance claimOf) {
        this.claims = claims;
        this.claimOf = claimOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.remind(claimOf.claimId(execution));
    }
}
