package eu.clustercalls.notification;

/** Kinds of message the outbox carries. */
public enum NotificationType {
    CALL_PUBLISHED,
    CALL_EXTENDED,
    APPLICATION_RECEIVED,
    CLARIFICATION_REQUESTED,
    ELIGIBILITY_RESULT,
    EVALUATION_ASSIGNED,
    EVALUATOR_NEEDED,
    SELECTION_RESULT,
    RESERVE_PROMOTED,
    RESERVE_EXHAUSTED,
    RESERVE_RELEASED
}
