package eu.clustercalls.application;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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
    GRANT_FORFEITED,
    /** The SME withdrew the application before it was paid. */
    WITHDRAWN;

    /**
     * Selected at some point, promoted reserves included: declined and lapsed places come only from SELECTED, and a
     * reserve that is never promoted ends NOT_SELECTED.
     */
    public static final Set<ApplicationStatus> EVER_SELECTED = Collections.unmodifiableSet(EnumSet.of(SELECTED,
            CONFIRMED, DECLINED, LAPSED, REIMBURSED, GRANT_FORFEITED));
    /** The SME confirmed its place (whatever became of the grant afterwards). */
    public static final Set<ApplicationStatus> EVER_CONFIRMED = Collections.unmodifiableSet(EnumSet.of(CONFIRMED,
            REIMBURSED, GRANT_FORFEITED));
    /** The grant is committed to the SME: it confirmed its place, and perhaps it is paid already. */
    /** Not selected (yet): a withdrawal ends the process, and no slot is freed. */
    public static final Set<ApplicationStatus> BEFORE_SELECTION = Collections.unmodifiableSet(EnumSet.of(SUBMITTED,
            IN_REVIEW, CLARIFICATION_REQUESTED, ELIGIBLE, IN_EVALUATION, EVALUATED, RESERVE));
    /** The application holds a slot and its grant: withdrawing it frees the slot for the reserve list. */
    public static final Set<ApplicationStatus> HOLDING_A_SLOT = Collections.unmodifiableSet(EnumSet.of(SELECTED,
            CONFIRMED));
    public static final Set<ApplicationStatus> GRANT_COMMITTED = Collections.unmodifiableSet(EnumSet.of(CONFIRMED,
            REIMBURSED));
}
