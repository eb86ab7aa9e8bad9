package eu.clustercalls.application;

public enum ApplicationStatus {
    SUBMITTED,
    IN_REVIEW,
    CLARIFICATION_REQUESTED,
    ELIGIBLE,
    INELIGIBLE
}
