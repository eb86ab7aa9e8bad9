package eu.clustercalls.application;

/** Where the selection puts an evaluated application. */
public enum Selection {
    MAIN,
    RESERVE,
    REJECTED
}
