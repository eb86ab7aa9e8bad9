package eu.clustercalls.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.support.Erasure;

/** An executed grant payment. Its reference is unique: a payment is executed once, however often it is asked for. */
@Entity
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
    private Long id;

    private String reference;
    private Long claimId;
    private String tenantId;
    private BigDecimal amount;
    private String creditorName;
    private String creditorIban;
    private LocalDate executionDate;
    private String fileName;
    private String verifiedBy;
    private String approvedBy;
    private Instant executedAt;

    protected Payment() {
    }

    Payment(PaymentOrder order, LocalDate executionDate, String fileName, Instant executedAt) {
        this.reference = order.reference();
        this.claimId = order.claimId();
        this.tenantId = order.tenantId();
        this.amount = order.amount();
        this.creditorName = order.creditorName();
        this.creditorIban = order.creditorIban();
        this.executionDate = executionDate;
        this.fileName = fileName;
        this.verifiedBy = order.verifiedBy();
        this.approvedBy = order.approvedBy();
        this.executedAt = executedAt;
    }

    /** The payee's name and account are replaced; the amount, date, reference and approvers stay. */
    void anonymise(String creditorName) {
        this.creditorName = creditorName;
        this.creditorIban = Erasure.ERASED;
    }

    public String getReference() {
        return reference;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getClaimId() {
        return claimId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCreditorName() {
        return creditorName;
    }

    public String getCreditorIban() {
        return creditorIban;
    }

    public LocalDate getExecutionDate() {
        return executionDate;
    }

    public String getFileName() {
        return fileName;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getExecutedAt() {
        return executedAt;
    }
}
