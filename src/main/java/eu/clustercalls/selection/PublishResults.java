package eu.clustercalls.selection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.call.FundingCallProcess;

@Component("publishResults")
class PublishResults implements JavaDelegate {

    private final SelectionService selection;

    PublishResults(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        selection.publish(FundingCallProcess.callId(execution));
    }
}
