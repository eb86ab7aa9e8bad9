package eu.clustercalls.selection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

@Component("remindConfirmation")
class RemindConfirmation implements JavaDelegate {

    private final SelectionService selection;

    RemindConfirmation(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        selection.remindConfirmation(ApplicationProcess.applicationId(execution));
    }
}
