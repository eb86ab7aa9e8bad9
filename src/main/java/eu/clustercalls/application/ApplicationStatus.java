package eu.clustercalls.application;

public enum ApplicationStatus {
    SUBMITTED,
    IN_REVIEW,
    CLARIFICATION_REQUESTED,
    ELIGIBLE,
    INELIGIBLE,
    IN_EVALUATION,
    EVALUATED,
    SELECTED,
    RESERVE,
    NOT_SELECTED,
    CONFIRMED,
    DECLINED,
    LAPSED,
    /** The travel costs were paid. */
    REIMBURSED,
    /** No expense claim before the deadline: the grant is lost. */
    GRANT_FORFEITED
}
