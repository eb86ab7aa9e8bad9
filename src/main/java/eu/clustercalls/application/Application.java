package eu.clustercalls.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import eu.clustercalls.audit.Audited;

/** A company's application to a call, with its automatic and final eligibility verdicts. */
@Entity
public class Application implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_seq")
    @SequenceGenerator(name = "application_seq", sequenceName = "application_seq", allocationSize = 50)
    private Long id;

    private Long callId;
    private Long companyId;
    private String tenantId;
    private String submittedBy;
    private Instant submittedAt;
    private String motivation;
    private String targetMarkets;
    private String exportExperience;
    private BigDecimal requestedAmount;
    @Embedded
    private Declarations declarations;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_participant", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<Participant> participants = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private Boolean autoEligible;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_eligibility_reason", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<EligibilityReason> eligibilityReasons = new ArrayList<>();

    private Boolean eligible;
    private String eligibilityDecidedBy;
    private Instant eligibilityDecidedAt;
    private String decisionReason;
    private String processInstanceId;
    @Version
    private long version;

    protected Application() {
    }

    Application(Long callId, Long companyId, String tenantId, String submittedBy, Instant submittedAt,
            String motivation, String targetMarkets, String exportExperience, BigDecimal requestedAmount,
            List<Participant> participants, Declarations declarations) {
        this.callId = callId;
        this.companyId = companyId;
        this.tenantId = tenantId;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.motivation = motivation;
        this.targetMarkets = targetMarkets;
        this.exportExperience = exportExperience;
        this.requestedAmount = requestedAmount;
        this.participants.addAll(participants);
        this.declarations = declarations;
        this.status = ApplicationStatus.SUBMITTED;
    }

    public String reference() {
        return "APP-" + id;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void recordAutomaticVerdict(List<EligibilityReason> failedRules) {
        this.eligibilityReasons.clear();
        this.eligibilityReasons.addAll(failedRules);
        this.autoEligible = failedRules.isEmpty();
        this.status = ApplicationStatus.IN_REVIEW;
    }

    void decideEligibility(boolean eligible, String decidedBy, Instant decidedAt, String reason) {
        this.eligible = eligible;
        this.eligibilityDecidedBy = decidedBy;
        this.eligibilityDecidedAt = decidedAt;
        this.decisionReason = reason;
        this.status = eligible ? ApplicationStatus.ELIGIBLE : ApplicationStatus.INELIGIBLE;
    }

    void awaitClarification() {
        this.status = ApplicationStatus.CLARIFICATION_REQUESTED;
    }

    void backInReview() {
        this.status = ApplicationStatus.IN_REVIEW;
    }

    @Override
    public String auditType() {
        return "Application";
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

    public Long getCallId() {
        return callId;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getMotivation() {
        return motivation;
    }

    public String getTargetMarkets() {
        return targetMarkets;
    }

    public String getExportExperience() {
        return exportExperience;
    }

    public BigDecimal getRequestedAmount() {
        return requestedAmount;
    }

    public Declarations getDeclarations() {
        return declarations;
    }

    public List<Participant> getParticipants() {
        return List.copyOf(participants);
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public Boolean getAutoEligible() {
        return autoEligible;
    }

    public List<EligibilityReason> getEligibilityReasons() {
        return List.copyOf(eligibilityReasons);
    }

    public Boolean getEligible() {
        return eligible;
    }

    public String getEligibilityDecidedBy() {
        return eligibilityDecidedBy;
    }

    public Instant getEligibilityDecidedAt() {
        return eligibilityDecidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
