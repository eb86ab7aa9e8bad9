package eu.clustercalls.application;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import eu.clustercalls.security.CurrentUser;

/** "Review eligibility": shows the application and the automatic verdict, and records the reviewer's decision. */
@Component("eligibilityReviewListener")
class EligibilityReviewListener implements TaskListener {

    private final EligibilityService eligibility;
    private final CurrentUser currentUser;

    EligibilityReviewListener(EligibilityService eligibility, CurrentUser currentUser) {
        this.eligibility = eligibility;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long applicationId = (Long) task.getVariable(ApplicationProcess.VAR_APPLICATION_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariablesLocal(eligibility.reviewView(applicationId));
            return;
        }
        Boolean eligible = eligibility.recordReview(applicationId, currentUser.require(),
                (String) task.getVariable(ApplicationProcess.VAR_REVIEW_DECISION),
                (String) task.getVariable(ApplicationProcess.VAR_REVIEW_REASON),
                (String) task.getVariable(ApplicationProcess.VAR_CLARIFICATION_QUESTION));
        DelegateExecution execution = task.getExecution();
        execution.removeVariables(List.of(ApplicationProcess.VAR_REVIEW_REASON,
                ApplicationProcess.VAR_CLARIFICATION_QUESTION));
        if (eligible != null) {
            execution.setVariable(ApplicationProcess.VAR_ELIGIBLE, eligible);
        }
    }
}
