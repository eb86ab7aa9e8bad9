package eu.clustercalls.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;

/** "Answer clarification request": shows the question and stores the SME's answer. */
@Component("clarificationAnswerListener")
class ClarificationAnswerListener extends FormTaskListener {

    private final EligibilityService eligibility;
    private final CurrentUser currentUser;

    ClarificationAnswerListener(EligibilityService eligibility, CurrentUser currentUser) {
        super(ApplicationProcess::applicationId);
        this.eligibility = eligibility;
        this.currentUser = currentUser;
    }

    @Override
    protected FormView view(Long applicationId) {
        return new FormView().text("clarificationQuestionText", Formats.markdownText(eligibility.openQuestion(applicationId)));
    }

    @Override
    protected void complete(DelegateTask task, Long applicationId) {
        eligibility.recordClarificationAnswer(applicationId, currentUser.require(),
                FormValues.text(task, ApplicationProcess.VAR_CLARIFICATION_ANSWER));
        task.getExecution().removeVariable(ApplicationProcess.VAR_CLARIFICATION_ANSWER);
    }
}
