package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the SME": day 20 without a claim. */
@Component("remindClaim")
class RemindClaim implements JavaDelegate {

    private final ClaimService claims;

    RemindClaim(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.remind((Long) execution.getVariable(ReimbursementProcess.VAR_CLAIM_ID));
    }
}
