package eu.clustercalls.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What to pay, to whom, on whose authority. {@code reference} is the idempotency key: the same order given twice
 * pays once.
 */
public record PaymentOrder(String reference, Long claimId, String tenantId, BigDecimal amount, String creditorName,
        String creditorIban, String remittance, String verifiedBy, String approvedBy, LocalDate approvedOn) {
}
