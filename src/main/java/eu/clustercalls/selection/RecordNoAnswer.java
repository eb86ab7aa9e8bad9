package eu.clustercalls.selection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

@Component("recordNoAnswer")
class RecordNoAnswer implements JavaDelegate {

    private final SelectionService selection;

    RecordNoAnswer(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        selection.recordNoAnswer(ApplicationProcess.applicationId(execution));
    }
}
