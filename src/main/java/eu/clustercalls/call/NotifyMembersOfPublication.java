package eu.clustercalls.call;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("notifyMembersOfPublication")
class NotifyMembersOfPublication implements JavaDelegate {

    private final CallService calls;

    NotifyMembersOfPublication(CallService calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.notifyMembersOfPublication(FundingCallProcess.callId(execution));
    }
}
