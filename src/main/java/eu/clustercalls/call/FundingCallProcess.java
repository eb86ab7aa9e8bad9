package eu.clustercalls.call;

/** Names shared by processes/funding-call.bpmn and the code that drives it. */
public final class FundingCallProcess {

    public static final String KEY = "funding-call";

    public static final String VAR_CALL_ID = "callId";
    public static final String VAR_DRAFTER = "drafter";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    public static final String VAR_PUBLISHED = "published";

    public static final String MESSAGE_CLOSED_EARLY = "CallClosedEarly";
    public static final String MESSAGE_CLOSING_EXTENDED = "CallClosingExtended";

    public static final String START_CALL_DRAFTED = "start_call_drafted";
    public static final String TASK_REGISTER_CALL = "task_register_call";
    public static final String TASK_REVIEW_CALL = "task_review_call";
    public static final String TASK_NOTIFY_MEMBERS_PUBLISHED = "task_notify_members_published";
    public static final String GATEWAY_WAIT_FOR_CLOSING = "gateway_wait_for_closing";
    public static final String TIMER_CLOSING_DATE = "timer_closing_date";
    public static final String MESSAGE_EVENT_CLOSED_EARLY = "message_closed_early";
    public static final String MESSAGE_EVENT_CLOSING_EXTENDED = "message_closing_extended";
    public static final String TASK_NOTIFY_MEMBERS_EXTENDED = "task_notify_members_extended";
    public static final String TASK_CLOSE_CALL = "task_close_call";
    public static final String END_CALL_REJECTED = "end_call_rejected";
    public static final String END_CALL_CLOSED = "end_call_closed";

    /** Review decisions offered by form_review_call. */
    public enum ReviewDecision { PUBLISH, REJECT }

    private FundingCallProcess() {
    }
}
