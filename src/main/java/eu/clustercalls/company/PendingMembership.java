package eu.clustercalls.company;

import java.time.Instant;

/** A membership request as the cluster's call managers see it before they decide. */
public record PendingMembership(Long id, String clusterName, String companyName, String vatNumber, SmeSize size,
        String memberNumber, Instant requestedAt) {
}
