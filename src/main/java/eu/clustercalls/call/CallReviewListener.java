package eu.clustercalls.call;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.ViewWords;

/**
 * "Review and publish call": shows the draft in the form, refuses the drafter as reviewer (on claim and on
 * completion, so the engine enforces it, not only the form) and records the decision.
 */
@Component("callReviewListener")
class CallReviewListener implements TaskListener {

    private final CallService calls;
    private final CurrentUser currentUser;
    private final StaffViewWords words;

    CallReviewListener(CallService calls, CurrentUser currentUser, StaffViewWords words) {
        this.calls = calls;
        this.currentUser = currentUser;
        this.words = words;
    }

    @Override
    public void notify(DelegateTask task) {
        Long callId = FundingCallProcess.callId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> calls.reviewView(callId).showIn(task);
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    calls.checkMayReview(callId, task.getAssignee());
                }
            }
            case EVENTNAME_COMPLETE -> {
                ViewWords staffWords = words.of(task.getTenantId());
                boolean published = calls.review(callId, currentUser.require(),
                        FormValues.text(task, FundingCallProcess.VAR_REVIEW_DECISION, staffWords),
                        FormValues.text(task, FundingCallProcess.VAR_REVIEW_COMMENT, staffWords));
                task.getExecution().removeVariable(FundingCallProcess.VAR_REVIEW_COMMENT);
                task.getExecution().setVariable(FundingCallProcess.VAR_PUBLISHED, published);
            }
            default -> throw new IllegalStateException("Unexpected task event " + task.getEventName());
        }
    }
}
