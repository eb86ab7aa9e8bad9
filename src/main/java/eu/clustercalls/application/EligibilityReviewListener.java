package eu.clustercalls.application;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.ViewWords;
import eu.clustercalls.support.FormView;

/** "Review eligibility": shows the application and the automatic verdict, and records the reviewer's decision. */
@Component("eligibilityReviewListener")
class EligibilityReviewListener extends FormTaskListener {

    private final EligibilityService eligibility;
    private final CurrentUser currentUser;
    private final StaffViewWords words;

    EligibilityReviewListener(EligibilityService eligibility, CurrentUser currentUser, StaffViewWords words) {
        super(ApplicationProcess::applicationId);
        this.eligibility = eligibility;
        this.currentUser = currentUser;
        this.words = words;
    }

    @Override
    protected FormView view(Long applicationId) {
        return eligibility.reviewView(applicationId);
    }

    @Override
    protected void complete(DelegateTask task, Long applicationId) {
        ViewWords staffWords = words.of(task.getTenantId());
        Boolean eligible = eligibility.recordReview(applicationId, currentUser.require(),
                FormValues.text(task, ApplicationProcess.VAR_REVIEW_DECISION, staffWords),
                FormValues.text(task, ApplicationProcess.VAR_REVIEW_REASON, staffWords),
                FormValues.text(task, ApplicationProcess.VAR_CLARIFICATION_QUESTION, staffWords));
        DelegateExecution execution = task.getExecution();
        execution.removeVariables(List.of(ApplicationProcess.VAR_REVIEW_REASON,
                ApplicationProcess.VAR_CLARIFICATION_QUESTION));
        if (eligible != null) {
            execution.setVariable(ApplicationProcess.VAR_ELIGIBLE, eligible);
        }
    }
}
