package eu.clustercalls.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The declarations an SME gives with its application; a missing one makes it ineligible. */
@Embeddable
public record Declarations(
        @Column(name = "declares_sme_status") boolean smeStatus,
        @Column(name = "declares_de_minimis") boolean deMinimis,
        @Column(name = "declares_no_double_funding") boolean noDoubleFunding,
        @Column(name = "declares_data_protection") boolean dataProtection) {
}
