package eu.clustercalls.selection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

@Component("releaseSlot")
class ReleaseSlot implements JavaDelegate {

    private final SelectionService selection;

    ReleaseSlot(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        selection.releaseSlot(ApplicationProcess.applicationId(execution));
    }
}
