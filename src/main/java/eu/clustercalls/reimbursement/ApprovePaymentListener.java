package eu.clustercalls.reimbursement;

import java.util.List;

import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.ViewWords;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approve payment": refuses the claim's verifier when the task is claimed or assigned and when it is completed,
 * so the engine enforces the four-eyes principle, not only the form.
 */
@Component("approvePaymentListener")
class ApprovePaymentListener implements TaskListener {

    private final ClaimVerification verification;
    private final CurrentUser currentUser;
    private final ClaimOfInstance claimOf;
    private final StaffViewWords words;

    ApprovePaymentListener(ClaimVerification verification, CurrentUser currentUser, ClaimOfInstance claimOf,
            StaffViewWords words) {
        this.verification = verification;
        this.currentUser = currentUser;
        this.claimOf = claimOf;
        this.words = words;
    }

    @Override
    public void notify(DelegateTask task) {
        Long claimId = claimOf.claimId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> verification.approvalView(claimId).showIn(task);
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    verification.checkMayApprove(claimId, task.getAssignee());
                }
            }
            case EVENTNAME_COMPLETE -> {
                ViewWords staffWords = words.of(task.getTenantId());
                boolean approved = verification.approvePayment(claimId, currentUser.require(),
                        FormValues.text(task, ReimbursementProcess.FIELD_PAYMENT_DECISION, staffWords),
                        FormValues.text(task, ReimbursementProcess.FIELD_PAYMENT_COMMENT, staffWords));
                task.getExecution().removeVariables(List.of(ReimbursementProcess.FIELD_PAYMENT_DECISION,
                        ReimbursementProcess.FIELD_PAYMENT_COMMENT));
                task.getExecution().setVariable(ReimbursementProcess.VAR_PAYMENT_APPROVED, approved);
            }
            default -> throw new IllegalStateException("Unexpected task event " + task.getEventName());
        }
    }
}
