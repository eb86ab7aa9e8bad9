package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Compute the eligible amount": the call's model, its DMN rates, the cap. */
@Component("computeClaim")
class ComputeClaim implements JavaDelegate {

    private final ClaimVerification verification;
    private final ClaimOfInstance claimOf;

    ComputeClaim(ClaimVerification verification, ClaimOfInstance claimOf) {
        this.verification = verification;
        this.claimOf = claimOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        verification.compute(claimOf.claimId(execution));
    }
}
