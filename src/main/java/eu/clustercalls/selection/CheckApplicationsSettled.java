package eu.clustercalls.selection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.call.FundingCallProcess;

@Component("checkApplicationsSettled")
class CheckApplicationsSettled implements JavaDelegate {

    private final SelectionService selection;

    CheckApplicationsSettled(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(FundingCallProcess.VAR_ALL_SETTLED,
                selection.allSettled(FundingCallProcess.callId(execution)));
    }
}
