package eu.clustercalls.selection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.call.FundingCallProcess;

@Component("promoteReserve")
class PromoteReserve implements JavaDelegate {

    private final SelectionService selection;

    PromoteReserve(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Local: several freed slots may be handled at once, each in its own event subprocess.
        execution.setVariableLocal(FundingCallProcess.VAR_PROMOTED,
                selection.promoteNext(FundingCallProcess.callId(execution)));
    }
}
