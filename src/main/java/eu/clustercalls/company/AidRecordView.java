package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A line of the de minimis ledger as the API shows it. */
public record AidRecordView(LocalDate grantedOn, BigDecimal amount, String grantingBody, AidRecord.Source source,
        String reference) {

    public static AidRecordView of(AidRecord record) {
        return new AidRecordView(record.getGrantedOn(), record.getAmount(), record.getGrantingBody(),
                record.getSource(), record.getReference());
    }
}
