package eu.clustercalls.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import eu.clustercalls.support.BusinessKeys;

/** Names shared by processes/application.bpmn and the code that drives it. */
public final class ApplicationProcess {

    public static final String KEY = "application";
    public static final String ELIGIBILITY_DECISION = "eligibility";

    public static final String MESSAGE_SELECTION_DECIDED = "SelectionDecided";
    public static final String MESSAGE_PROMOTED = "Promoted";
    public static final String MESSAGE_RESERVE_RELEASED = "ReserveReleased";
    /** Correlated by {@link ApplicationService#withdraw} only: the engine's doors refuse it to everyone. */
    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";

    public static final String VAR_APPLICATION_ID = "applicationId";
    public static final String VAR_CALL_ID = "callId";
    public static final String VAR_AUTO_ELIGIBLE = "autoEligible";
    public static final String VAR_ELIGIBLE = "eligible";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_REASON = "reviewReason";
    public static final String VAR_CLARIFICATION_QUESTION = "clarificationQuestion";
    public static final String VAR_CLARIFICATION_ANSWER = "clarificationAnswer";
    public static final String VAR_EVALUATION_SLOT = "evaluationSlot";
    public static final String VAR_EVALUATOR = "evaluator";
    public static final String VAR_CONFLICT_DECLARED = "conflictDeclared";
    public static final String VAR_CONSENSUS_NEEDED = "consensusNeeded";
    public static final String VAR_SELECTION = "selection";
    public static final String VAR_PARTICIPATION_CONFIRMED = "participationConfirmed";
    /** Set with the withdrawal: the application held a slot that the reserve list may take. */
    public static final String VAR_WITHDRAWN_FROM_SLOT = "withdrawnFromSlot";

    /** Fields of form_evaluate, form_consensus and form_confirm_participation. */
    public static final String FIELD_CONFLICT_OF_INTEREST = "conflictOfInterest";
    public static final String FIELD_CONFLICT_REASON = "conflictReason";
    public static final String FIELD_EVALUATION_COMMENT = "evaluationComment";
    public static final String FIELD_FINAL_SCORE = "finalScore";
    public static final String FIELD_CONSENSUS_REASON = "consensusReason";
    public static final String FIELD_PARTICIPATION = "participation";
    public static final String FIELD_DECLINE_REASON = "declineReason";

    public static final String START_APPLICATION_SUBMITTED = "start_application_submitted";
    public static final String TASK_CHECK_ELIGIBILITY = "task_check_eligibility";
    public static final String TASK_ELIGIBILITY_REVIEW = "task_eligibility_review";
    public static final String TASK_ANSWER_CLARIFICATION = "task_answer_clarification";
    public static final String TIMER_CLARIFICATION_EXPIRED = "timer_clarification_expired";
    public static final String TASK_EXPIRE_CLARIFICATION = "task_expire_clarification";
    public static final String TASK_NOTIFY_ELIGIBILITY_RESULT = "task_notify_eligibility_result";
    public static final String SUBPROCESS_EVALUATION = "subprocess_evaluation";
    public static final String TASK_PICK_EVALUATOR = "task_pick_evaluator";
    public static final String TASK_EVALUATE = "task_evaluate";
    public static final String TASK_ADD_EVALUATOR = "task_add_evaluator";
    public static final String TASK_SETTLE_SCORE = "task_settle_score";
    public static final String TASK_CONSENSUS = "task_consensus";
    public static final String MESSAGE_EVENT_SELECTION_DECIDED = "message_selection_decided";
    public static final String END_NOT_SELECTED = "end_not_selected";
    public static final String MESSAGE_EVENT_PROMOTED = "message_promoted";
    public static final String MESSAGE_EVENT_RESERVE_RELEASED = "message_reserve_released";
    public static final String END_RESERVE_RELEASED = "end_reserve_released";
    public static final String TASK_CONFIRM_PARTICIPATION = "task_confirm_participation";
    public static final String TIMER_CONFIRMATION_EXPIRED = "timer_confirmation_expired";
    public static final String TIMER_CONFIRMATION_REMINDER = "timer_confirmation_reminder";
    public static final String TASK_REMIND_CONFIRMATION = "task_remind_confirmation";
    public static final String END_CONFIRMATION_REMINDER_SENT = "end_confirmation_reminder_sent";
    public static final String TASK_RECORD_NO_ANSWER = "task_record_no_answer";
    public static final String TASK_RELEASE_SLOT = "task_release_slot";
    public static final String END_SLOT_RELEASED = "end_slot_released";
    public static final String TASK_SEND_AWARD_LETTER = "task_send_award_letter";
    public static final String TIMER_ACTIVITY_OVER = "timer_activity_over";
    public static final String CALL_TRAVEL_REIMBURSEMENT = "call_travel_reimbursement";
    public static final String END_GRANT_SETTLED = "end_grant_settled";
    public static final String END_INELIGIBLE = "end_ineligible";
    public static final String SUBPROCESS_WITHDRAWN = "subprocess_withdrawn";
    public static final String START_APPLICATION_WITHDRAWN = "start_application_withdrawn";
    public static final String TASK_RELEASE_WITHDRAWN_SLOT = "task_release_withdrawn_slot";
    public static final String END_WITHDRAWN_SLOT_RELEASED = "end_withdrawn_slot_released";
    public static final String END_WITHDRAWN = "end_withdrawn";

    /** Decisions offered by form_eligibility_review. */
    public enum ReviewDecision { CONFIRM, OVERRIDE, CLARIFY }

    /** Answers offered by form_confirm_participation. */
    public enum Participation { CONFIRM, DECLINE }

    /** The business key of an application's instance is its reference, APP-{id}. */
    public static final String BUSINESS_KEY_PREFIX = "APP-";

    /** The application the instance is about, from its business key (set by our service, never by a user). */
    public static Long applicationId(DelegateExecution execution) {
        return BusinessKeys.id(execution.getProcessBusinessKey(), BUSINESS_KEY_PREFIX);
    }

    public static Long applicationId(DelegateTask task) {
        return applicationId(task.getExecution());
    }

    private ApplicationProcess() {
    }
}
