package eu.clustercalls.selection;

import eu.clustercalls.application.ApplicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send the award letter" once the SME has confirmed its place. */
@Component("sendAwardLetter")
class SendAwardLetter implements JavaDelegate {

    private final SelectionService selection;

    SendAwardLetter(SelectionService selection) {
        this.selection = selection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        selection.sendAwardLetter(ApplicationProcess.applicationId(execution));
    }
}
