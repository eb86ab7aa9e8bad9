package eu.clustercalls.call;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("notifyMembersOfExtension")
class NotifyMembersOfExtension implements JavaDelegate {

    private final CallService calls;

    NotifyMembersOfExtension(CallService calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.notifyMembersOfExtension((Long) execution.getVariable(FundingCallProcess.VAR_CALL_ID));
    }
}
