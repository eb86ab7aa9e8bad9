package eu.clustercalls.call;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeCall")
class CloseCall implements JavaDelegate {

    private final CallService calls;

    CloseCall(CallService calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.close(FundingCallProcess.callId(execution));
    }
}
