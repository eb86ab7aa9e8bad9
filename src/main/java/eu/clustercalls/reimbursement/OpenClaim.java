package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

/** "Open the expense claim": the claim exists from now on, with its deadline. */
@Component("openClaim")
class OpenClaim implements JavaDelegate {

    private final ClaimService claims;

    OpenClaim(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = ApplicationProcess.applicationId(execution);
        execution.setVariable(ReimbursementProcess.VAR_CLAIM_ID, claims.open(applicationId, execution.getProcessInstanceId()));
    }
}
