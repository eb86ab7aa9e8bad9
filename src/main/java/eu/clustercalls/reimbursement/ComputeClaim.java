package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Compute the eligible amount": the call's model, its DMN rates, the cap. */
@Component("computeClaim")
class ComputeClaim implements JavaDelegate {

    private final ClaimVerification verification;

    ComputeClaim(ClaimVerification verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        verification.compute((Long) execution.getVariable(ReimbursementProcess.VAR_CLAIM_ID));
    }
}
