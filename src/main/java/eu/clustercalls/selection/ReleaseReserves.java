package eu.clustercalls.selection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.call.FundingCallProcess;

@Component("releaseReserves")
class ReleaseReserves implements JavaDelegate {

    private final SelectionService selection;

    ReleaseReserves(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        selection.releaseReserves(FundingCallProcess.callId(execution));
    }
}
