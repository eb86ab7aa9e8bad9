package eu.clustercalls.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.Selection;
import eu.clustercalls.company.SmeSize;

/**
 * One application of a call as its managers and auditors export it.
 *
 * @param scores       per criterion code, the mean of the points the evaluators gave (conflicts left out)
 * @param approved     the amount finance verified, once the payment was approved
 */
record ReportRow(Long id, String reference, String company, String vatNumber, String country, SmeSize smeSize,
        Instant submittedAt, ApplicationStatus status, Boolean eligible, List<String> eligibilityReasons,
        String eligibilityDecisionReason, Map<String, BigDecimal> scores, BigDecimal finalScore, Integer ranking,
        Selection selection, BigDecimal requested, BigDecimal awarded, String claimReference, BigDecimal claimed,
        BigDecimal approved, BigDecimal paid, LocalDate paymentDate, String paymentReference) {
}
