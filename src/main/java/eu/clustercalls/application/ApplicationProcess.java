package eu.clustercalls.application;

/** Names shared by processes/application.bpmn and the code that drives it. */
public final class ApplicationProcess {

    public static final String KEY = "application";
    public static final String ELIGIBILITY_DECISION = "eligibility";

    public static final String MESSAGE_SELECTION_DECIDED = "SelectionDecided";

    public static final String VAR_APPLICATION_ID = "applicationId";
    public static final String VAR_CALL_ID = "callId";
    public static final String VAR_AUTO_ELIGIBLE = "autoEligible";
    public static final String VAR_ELIGIBLE = "eligible";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_REASON = "reviewReason";
    public static final String VAR_CLARIFICATION_QUESTION = "clarificationQuestion";
    public static final String VAR_CLARIFICATION_ANSWER = "clarificationAnswer";

    public static final String START_APPLICATION_SUBMITTED = "start_application_submitted";
    public static final String TASK_CHECK_ELIGIBILITY = "task_check_eligibility";
    public static final String TASK_ELIGIBILITY_REVIEW = "task_eligibility_review";
    public static final String TASK_ANSWER_CLARIFICATION = "task_answer_clarification";
    public static final String TIMER_CLARIFICATION_EXPIRED = "timer_clarification_expired";
    public static final String TASK_EXPIRE_CLARIFICATION = "task_expire_clarification";
    public static final String TASK_NOTIFY_ELIGIBILITY_RESULT = "task_notify_eligibility_result";
    public static final String MESSAGE_EVENT_SELECTION_DECIDED = "message_selection_decided";
    public static final String END_SELECTION_DECIDED = "end_selection_decided";
    public static final String END_INELIGIBLE = "end_ineligible";

    /** Decisions offered by form_eligibility_review. */
    public enum ReviewDecision { CONFIRM, OVERRIDE, CLARIFY }

    private ApplicationProcess() {
    }
}
