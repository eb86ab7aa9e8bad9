package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.currency.Conversion;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.ViewWords;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One cost in an expense claim, converted to euros, with whether it is eligible and why not. */
@Entity
public class ExpenseItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "expense_item_seq")
    @SequenceGenerator(name = "expense_item_seq", sequenceName = "expense_item_seq", allocationSize = 50)
    private Long id;

    private Long claimId;
    private int position;
    @Enumerated(EnumType.STRING)
    private ExpenseCategory category;
    private String description;
    private BigDecimal amount;
    private String currency;
    private LocalDate expenseDate;
    private BigDecimal unitsPerEuro;
    private LocalDate rateDate;
    private BigDecimal amountEur;
    private Long receiptDocumentId;
    private boolean eligible;
    private String ineligibleReason;
    /** Set by finance when it reduces the item; null while the computed amount stands. */
    private BigDecimal verifiedAmountEur;
    private String reductionReason;

    protected ExpenseItem() {
    }

    ExpenseItem(Long claimId, int position, ExpenseCategory category, String description, LocalDate expenseDate,
            Conversion conversion, Long receiptDocumentId, String ineligibleReason) {
        this.claimId = claimId;
        this.position = position;
        this.category = category;
        this.description = description;
        this.amount = conversion.amount();
        this.currency = conversion.currency();
        this.expenseDate = expenseDate;
        this.unitsPerEuro = conversion.unitsPerEuro();
        this.rateDate = conversion.rateDate();
        this.amountEur = conversion.euros();
        this.receiptDocumentId = receiptDocumentId;
        this.eligible = ineligibleReason == null;
        this.ineligibleReason = ineligibleReason;
    }

    /** What the item adds to the claim: nothing when ineligible, else as finance verified it or as computed. */
    public BigDecimal acceptedEur() {
        if (!eligible) {
            return BigDecimal.ZERO;
        }
        return verifiedAmountEur != null ? verifiedAmountEur : amountEur;
    }

    void reduceTo(BigDecimal amountEur, String reason) {
        this.verifiedAmountEur = amountEur;
        this.reductionReason = reason;
    }

    /** The SME's description is gone and so is the receipt (its file is deleted); the amounts stay. */
    void anonymise(Erasure erasure) {
        description = Erasure.ERASED;
        reductionReason = erasure.scrub(reductionReason);
        receiptDocumentId = null;
    }

    /** The item's number as the SME and finance see it: 1, 2, … */
    public int number() {
        return position + 1;
    }

    public Long getClaimId() {
        return claimId;
    }

    public ExpenseCategory getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getExpenseDate() {
        return expenseDate;
    }

    public BigDecimal getUnitsPerEuro() {
        return unitsPerEuro;
    }

    public LocalDate getRateDate() {
        return rateDate;
    }

    public BigDecimal getAmountEur() {
        return amountEur;
    }

    public Long getReceiptDocumentId() {
        return receiptDocumentId;
    }

    public boolean isEligible() {
        return eligible;
    }

    /**
     * Why the item is not eligible, in the reader's language, or null when it is. The reasons are kept as phrases, one
     * a line, and read one after the other; a reason kept before phrases is one plain line.
     */
    public String ineligibleReason(ViewWords words) {
        return ineligibleReason == null ? null
                : Arrays.stream(ineligibleReason.split("\n")).map(words::phrase).collect(Collectors.joining(" "));
    }

    public BigDecimal getVerifiedAmountEur() {
        return verifiedAmountEur;
    }

    public String getReductionReason() {
        return reductionReason;
    }
}
