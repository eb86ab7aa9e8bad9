package eu.clustercalls.application;

import java.math.BigDecimal;
import java.time.Instant;

/** One application of a call as its managers list it, read in one query with its company (no entity loading). */
public record ApplicationLine(Long id, String companyName, String vatNumber, ApplicationStatus status,
        Instant submittedAt, BigDecimal requestedAmount, String processInstanceId) {

    public String reference() {
        return Application.reference(id);
    }

    /** The grant committed to it (see {@link ApplicationStatus#GRANT_COMMITTED}), or null. */
    public BigDecimal grantAwarded(BigDecimal maxGrant) {
        return ApplicationStatus.GRANT_COMMITTED.contains(status) ? Application.grant(requestedAmount, maxGrant) : null;
    }
}
