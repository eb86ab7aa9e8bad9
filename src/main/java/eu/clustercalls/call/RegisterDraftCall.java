package eu.clustercalls.call;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;

/** Stores the call from the start form, drafted by the signed-in user, and keeps only its id in the process. */
@Component("registerDraftCall")
class RegisterDraftCall implements JavaDelegate {

    private final CallService calls;
    private final CurrentUser currentUser;
    private final StaffViewWords words;

    RegisterDraftCall(CallService calls, CurrentUser currentUser, StaffViewWords words) {
        this.calls = calls;
        this.currentUser = currentUser;
        this.words = words;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String drafter = currentUser.require();
        // The instance already belongs to the drafter's cluster (CallTenantIdProvider), whose words the form speaks.
        CallDraft draft = CallDraft.fromForm(execution.getVariables(), words.of(execution.getTenantId()));
        FundingCall call = calls.draft(draft, drafter, execution.getTenantId(), execution.getProcessInstanceId());
        execution.removeVariables(CallDraft.FORM_FIELDS);
        execution.removeVariable(FundingCallProcess.FIELD_CLUSTER);
        execution.setVariable(FundingCallProcess.VAR_CALL_ID, call.getId());
        execution.setVariable(FundingCallProcess.VAR_DRAFTER, drafter);
        execution.setProcessBusinessKey(call.reference());
    }
}
