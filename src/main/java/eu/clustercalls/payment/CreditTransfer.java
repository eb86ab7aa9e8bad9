package eu.clustercalls.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One SEPA credit transfer in euros, as the debtor's bank receives it in a pain.001 file.
 * The BICs may be null: within SEPA the IBAN alone routes the payment.
 */
public record CreditTransfer(
        String messageId,
        OffsetDateTime createdAt,
        LocalDate requestedExecutionDate,
        String initiatingParty,
        String debtorName,
        String debtorIban,
        String debtorBic,
        String creditorName,
        String creditorIban,
        String creditorBic,
        BigDecimal amount,
        String endToEndId,
        String remittanceInformation) {
}
