package eu.clustercalls.reimbursement;

import java.util.List;

import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.ViewWords;
import eu.clustercalls.support.FormView;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** "Verify claim": shows the claim and its computation, and records finance's decision. */
@Component("verifyClaimListener")
class VerifyClaimListener extends FormTaskListener {

    private final ClaimVerification verification;
    private final CurrentUser currentUser;
    private final StaffViewWords words;

    VerifyClaimListener(ClaimVerification verification, CurrentUser currentUser, ClaimOfInstance claimOf,
            StaffViewWords words) {
        super(claimOf::claimId);
        this.verification = verification;
        this.currentUser = currentUser;
        this.words = words;
    }

    @Override
    protected FormView view(Long claimId) {
        return verification.verificationView(claimId);
    }

    @Override
    protected void complete(DelegateTask task, Long claimId) {
        ViewWords staffWords = words.of(task.getTenantId());
        boolean returned = verification.verify(claimId, currentUser.require(),
                FormValues.text(task, ReimbursementProcess.FIELD_VERIFICATION, staffWords),
                FormValues.text(task, ReimbursementProcess.FIELD_ITEM_REDUCTIONS, staffWords),
                FormValues.text(task, ReimbursementProcess.FIELD_VERIFICATION_REASON, staffWords));
        task.getExecution().removeVariables(List.of(ReimbursementProcess.FIELD_VERIFICATION,
                ReimbursementProcess.FIELD_ITEM_REDUCTIONS, ReimbursementProcess.FIELD_VERIFICATION_REASON));
        task.getExecution().setVariable(ReimbursementProcess.VAR_CLAIM_RETURNED, returned);
    }
}
