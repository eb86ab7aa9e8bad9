package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

/**
 * The claim a travel-reimbursement instance is about: its application's (one claim per application), found by the
 * business key the application's process hands down (APP-{id}), never by a variable a task's candidate could set.
 */
@Component
class ClaimOfInstance {

    private final ExpenseClaimRepository claims;

    ClaimOfInstance(ExpenseClaimRepository claims) {
        this.claims = claims;
    }

    Long claimId(DelegateExecution execution) {
        Long applicationId = ApplicationProcess.applicationId(execution);
        return claims.findIdByApplicationId(applicationId).orElseThrow(() -> new IllegalStateException(
                "No expense claim is open for application " + applicationId + "."));
    }

    Long claimId(DelegateTask task) {
        return claimId(task.getExecution());
    }
}
