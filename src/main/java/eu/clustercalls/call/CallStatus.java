package eu.clustercalls.call;

public enum CallStatus {
    DRAFT,
    PUBLISHED,
    REJECTED,
    CLOSED,
    RESULTS_PUBLISHED
}
