package eu.clustercalls.notification;

/** Kinds of message the outbox carries. */
public enum NotificationType {
    CALL_PUBLISHED,
    CALL_EXTENDED,
    APPLICATION_RECEIVED,
    CLARIFICATION_REQUESTED,
    ELIGIBILITY_RESULT
}
