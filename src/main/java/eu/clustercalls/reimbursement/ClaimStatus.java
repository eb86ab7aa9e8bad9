package eu.clustercalls.reimbursement;

/** Where an expense claim stands. */
public enum ClaimStatus {
    /** Waiting for the SME to submit it. */
    OPEN,
    /** Submitted; finance verifies it. */
    SUBMITTED,
    /** Sent back to the SME for correction. */
    RETURNED,
    /** Verified; waiting for a second finance officer to approve the payment. */
    VERIFIED,
    /** Payment approved; the transfer is being executed. */
    APPROVED,
    PAID,
    /** Not submitted before the deadline: the grant is lost. */
    FORFEITED
}
