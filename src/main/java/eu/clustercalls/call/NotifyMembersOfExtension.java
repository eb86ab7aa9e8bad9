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
        calls.notifyMembersOfExtension(FundingCallProcess.callId(execution));
    }
}
