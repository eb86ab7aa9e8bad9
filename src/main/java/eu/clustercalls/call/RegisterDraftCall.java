package eu.clustercalls.call;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the call from the start form and keeps only its id in the process. */
@Component("registerDraftCall")
class RegisterDraftCall implements JavaDelegate {

    private final CallService calls;

    RegisterDraftCall(CallService calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FundingCall call = calls.draft(CallDraft.fromForm(execution.getVariables()),
                (String) execution.getVariable(FundingCallProcess.VAR_DRAFTER), execution.getTenantId(),
                execution.getProcessInstanceId());
        execution.removeVariables(CallDraft.FORM_FIELDS);
        execution.setVariable(FundingCallProcess.VAR_CALL_ID, call.getId());
        execution.setProcessBusinessKey(call.reference());
    }
}
