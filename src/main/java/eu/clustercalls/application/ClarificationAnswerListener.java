package eu.clustercalls.application;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import eu.clustercalls.security.CurrentUser;

/** "Answer clarification request": shows the question and stores the SME's answer. */
@Component("clarificationAnswerListener")
class ClarificationAnswerListener implements TaskListener {

    private final EligibilityService eligibility;
    private final CurrentUser currentUser;

    ClarificationAnswerListener(EligibilityService eligibility, CurrentUser currentUser) {
        this.eligibility = eligibility;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long applicationId = (Long) task.getVariable(ApplicationProcess.VAR_APPLICATION_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariablesLocal(Map.of("clarificationQuestionText", eligibility.openQuestion(applicationId)));
            return;
        }
        eligibility.recordClarificationAnswer(applicationId, currentUser.require(),
                (String) task.getVariable(ApplicationProcess.VAR_CLARIFICATION_ANSWER));
        task.getExecution().removeVariable(ApplicationProcess.VAR_CLARIFICATION_ANSWER);
    }
}
