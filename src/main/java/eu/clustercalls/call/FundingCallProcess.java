package eu.clustercalls.call;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import eu.clustercalls.support.BusinessKeys;

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
    public static final String MESSAGE_SLOT_FREED = "SlotFreed";

    public static final String VAR_ALL_SETTLED = "allSettled";
    public static final String VAR_PROMOTED = "promoted";

    /** Field of form_draft_call: the cluster of the call, for a call manager who works for several. */
    public static final String FIELD_CLUSTER = "cluster";

    /** Fields of form_selection_decision. */
    public static final String FIELD_SELECTION_DECISION = "selectionDecision";
    public static final String FIELD_SELECTION_MOVES = "selectionMoves";
    public static final String FIELD_SELECTION_REASON = "selectionReason";

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
    public static final String TASK_CHECK_SETTLED = "task_check_settled";
    public static final String TIMER_RECHECK_SETTLED = "timer_recheck_settled";
    public static final String TASK_PROPOSE_SELECTION = "task_propose_selection";
    public static final String TASK_SELECTION_DECISION = "task_selection_decision";
    public static final String TASK_PUBLISH_RESULTS = "task_publish_results";
    public static final String TIMER_ACTIVITY_ENDED = "timer_activity_ended";
    public static final String TASK_RELEASE_RESERVES = "task_release_reserves";
    public static final String SUBPROCESS_SLOT_FREED = "subprocess_slot_freed";
    public static final String START_SLOT_FREED = "start_slot_freed";
    public static final String TASK_PROMOTE_RESERVE = "task_promote_reserve";
    public static final String TASK_NOTIFY_RESERVE_EXHAUSTED = "task_notify_reserve_exhausted";
    public static final String END_RESERVE_PROMOTED = "end_reserve_promoted";
    public static final String END_RESERVE_EXHAUSTED = "end_reserve_exhausted";
    public static final String END_CALL_REJECTED = "end_call_rejected";
    public static final String END_CALL_CLOSED = "end_call_closed";

    /** Review decisions offered by form_review_call. */
    public enum ReviewDecision { PUBLISH, REJECT }

    /** Decisions offered by form_selection_decision. */
    public enum SelectionDecision { APPROVE, MOVE }

    /** The business key of a call's instance is its reference, CALL-{id}, set once the draft is stored. */
    public static final String BUSINESS_KEY_PREFIX = "CALL-";

    /** The call the instance is about, from its business key (set by our service, never by a user). */
    public static Long callId(DelegateExecution execution) {
        return BusinessKeys.id(execution.getProcessBusinessKey(), BUSINESS_KEY_PREFIX);
    }

    public static Long callId(DelegateTask task) {
        return callId(task.getExecution());
    }

    private FundingCallProcess() {
    }
}
