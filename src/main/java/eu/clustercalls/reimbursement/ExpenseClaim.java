package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import eu.clustercalls.audit.Audited;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.ViewWords;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * The travel expense claim of a selected application: one per application, opened when the activity ends and
 * submitted (perhaps more than once, when finance returns it) before its deadline.
 */
@Entity
public class ExpenseClaim implements Audited {

    /** What finance decides in "Verify claim". */
    public enum Verification { APPROVE, REDUCE, RETURN }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "expense_claim_seq")
    @SequenceGenerator(name = "expense_claim_seq", sequenceName = "expense_claim_seq", allocationSize = 50)
    private Long id;

    private Long applicationId;
    private Long callId;
    private Long companyId;
    private String tenantId;
    @Enumerated(EnumType.STRING)
    private ClaimStatus status;
    private Instant dueAt;
    private Instant remindedAt;
    private String submittedBy;
    private Instant submittedAt;
    private String missionReport;
    private Integer daysAttended;
    private String iban;
    private String accountHolder;
    private BigDecimal claimedAmount;
    private BigDecimal computedAmount;
    private String computation;
    private String flags;
    private String verifiedBy;
    private Instant verifiedAt;
    @Enumerated(EnumType.STRING)
    private Verification verificationDecision;
    private BigDecimal verifiedAmount;
    private String verificationReason;
    private String approvedBy;
    private Instant approvedAt;
    private String processInstanceId;
    @Version
    private long version;

    protected ExpenseClaim() {
    }

    ExpenseClaim(Long applicationId, Long callId, Long companyId, String tenantId, Instant dueAt, String processInstanceId) {
        this.applicationId = applicationId;
        this.callId = callId;
        this.companyId = companyId;
        this.tenantId = tenantId;
        this.dueAt = dueAt;
        this.processInstanceId = processInstanceId;
        this.status = ClaimStatus.OPEN;
    }

    public String reference() {
        return "CLM-" + id;
    }

    /** The SME may (re)submit while the claim is open or returned to it. */
    public boolean awaitsSubmission() {
        return status == ClaimStatus.OPEN || status == ClaimStatus.RETURNED;
    }

    void submit(String user, Instant now, String missionReport, int daysAttended, String iban, String accountHolder) {
        this.submittedBy = user;
        this.submittedAt = now;
        this.missionReport = missionReport;
        this.daysAttended = daysAttended;
        this.iban = iban;
        this.accountHolder = accountHolder;
        this.status = ClaimStatus.SUBMITTED;
        this.verifiedBy = null;
        this.verifiedAt = null;
        this.verificationDecision = null;
        this.verifiedAmount = null;
        this.verificationReason = null;
        this.approvedBy = null;
        this.approvedAt = null;
    }

    void computed(BigDecimal claimedAmount, BigDecimal computedAmount, List<String> computation, List<String> flags) {
        this.claimedAmount = claimedAmount;
        this.computedAmount = computedAmount;
        this.computation = String.join("\n", computation);
        this.flags = flags.isEmpty() ? null : String.join("\n", flags);
    }

    void verify(String verifier, Instant now, Verification decision, BigDecimal amount, String reason) {
        this.verifiedBy = verifier;
        this.verifiedAt = now;
        this.verificationDecision = decision;
        this.verifiedAmount = amount;
        this.verificationReason = reason;
        this.status = decision == Verification.RETURN ? ClaimStatus.RETURNED : ClaimStatus.VERIFIED;
    }

    void approve(String approver, Instant now) {
        this.approvedBy = approver;
        this.approvedAt = now;
        this.status = ClaimStatus.APPROVED;
    }

    /** The second finance officer sends the claim back to verification. */
    void sendBackToVerification() {
        this.status = ClaimStatus.SUBMITTED;
    }

    void paid() {
        this.status = ClaimStatus.PAID;
    }

    void reminded(Instant now) {
        this.remindedAt = now;
    }

    void forfeit() {
        this.status = ClaimStatus.FORFEITED;
    }

    /** The SME's report and bank account are gone, its user is a pseudonym; amounts and decisions stay. */
    void anonymise(Erasure erasure) {
        submittedBy = erasure.user(submittedBy);
        missionReport = Erasure.erased(missionReport);
        iban = null;
        accountHolder = null;
        computation = erasure.scrub(computation);
        flags = erasure.scrub(flags);
        verificationReason = erasure.scrub(verificationReason);
    }

    @Override
    public String auditType() {
        return "ExpenseClaim";
    }

    @Override
    public String auditId() {
        return reference();
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getCallId() {
        return callId;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getMissionReport() {
        return missionReport;
    }

    public Integer getDaysAttended() {
        return daysAttended;
    }

    public String getIban() {
        return iban;
    }

    public String getAccountHolder() {
        return accountHolder;
    }

    public BigDecimal getClaimedAmount() {
        return claimedAmount;
    }

    public BigDecimal getComputedAmount() {
        return computedAmount;
    }

    /** How the amount was computed, a line a step, in the reader's language (kept as phrases, see ClaimCalculator). */
    public List<String> computation(ViewWords words) {
        return lines(computation).stream().map(words::phrase).toList();
    }

    /** What finance should look at, in the reader's language. */
    public List<String> flags(ViewWords words) {
        return lines(flags).stream().map(words::phrase).toList();
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Verification getVerificationDecision() {
        return verificationDecision;
    }

    public BigDecimal getVerifiedAmount() {
        return verifiedAmount;
    }

    public String getVerificationReason() {
        return verificationReason;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\n"));
    }
}
