package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.payment.Iban;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.support.ViewWords;

/** An expense claim as its SME sees it: every item with its euro amount and, if not eligible, why. */
public record ClaimView(String reference, String application, ClaimStatus status, Instant dueAt, List<Item> items,
        List<String> attendanceProofs, Integer daysAttended, String missionReport, String account,
        BigDecimal claimedAmount, BigDecimal computedAmount, List<String> computation,
        ExpenseClaim.Verification verification, BigDecimal verifiedAmount, String verificationReason, Paid payment) {

    record Item(int number, ExpenseCategory category, String description, BigDecimal amount, String currency,
            LocalDate date, BigDecimal unitsPerEuro, LocalDate rateDate, BigDecimal amountEur, String receipt,
            boolean eligible, String ineligibleReason, BigDecimal reducedTo, String reductionReason) {
    }

    record Paid(String reference, BigDecimal amount, LocalDate executionDate) {
    }

    /** The claim with its computation and the items' reasons written in the reader's language. */
    public static ClaimView of(ExpenseClaim claim, List<ExpenseItem> items, List<DocumentSummary> documents,
            Payment payment, ViewWords words) {
        Map<Long, String> names = documents.stream().collect(Collectors.toMap(DocumentSummary::getId,
                DocumentSummary::getFileName));
        return new ClaimView(claim.reference(), "APP-" + claim.getApplicationId(), claim.getStatus(), claim.getDueAt(),
                items.stream().map(item -> new Item(item.number(), item.getCategory(), item.getDescription(),
                        item.getAmount(), item.getCurrency(), item.getExpenseDate(), item.getUnitsPerEuro(),
                        item.getRateDate(), item.getAmountEur(), names.get(item.getReceiptDocumentId()),
                        item.isEligible(), item.ineligibleReason(words), item.getVerifiedAmountEur(),
                        item.getReductionReason())).toList(),
                documents.stream().filter(d -> d.getPurpose() == StoredDocument.Purpose.ATTENDANCE_PROOF)
                        .map(DocumentSummary::getFileName).toList(),
                claim.getDaysAttended(), claim.getMissionReport(),
                claim.getIban() == null ? null : claim.getAccountHolder() + ", " + Iban.formatted(claim.getIban()),
                claim.getClaimedAmount(), claim.getComputedAmount(), claim.computation(words),
                claim.getVerificationDecision(), claim.getVerifiedAmount(), claim.getVerificationReason(),
                payment == null ? null : new Paid(payment.getReference(), payment.getAmount(), payment.getExecutionDate()));
    }
}
