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
import eu.clustercalls.support.Erasure;

/** A company's application to a call, with its automatic and final eligibility verdicts. */
@Entity
public class Application implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_seq")
    @SequenceGenerator(name = "application_seq", sequenceName = "application_seq", allocationSize = 50)
    private Long id;

    private Long callId;
    private Long companyId;
    /** The revision of the company's figures it was submitted and decided with (a later change leaves it). */
    private Integer figuresRevision;
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
    private Instant completeAt;
    private BigDecimal finalScore;
    private String finalScoreBy;
    private String finalScoreReason;
    private Integer ranking;
    @Enumerated(EnumType.STRING)
    private Selection selection;
    private String selectionReason;
    private Instant confirmationDueAt;
    @Version
    private long version;

    protected Application() {
    }

    Application(Long callId, Long companyId, Integer figuresRevision, String tenantId, String submittedBy,
            Instant submittedAt, String motivation, String targetMarkets, String exportExperience,
            BigDecimal requestedAmount, List<Participant> participants, Declarations declarations) {
        this.callId = callId;
        this.companyId = companyId;
        this.figuresRevision = figuresRevision;
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
        return reference(id);
    }

    static String reference(Long id) {
        return ApplicationProcess.BUSINESS_KEY_PREFIX + id;
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

    /**
     * @param completeAt when the application became complete: its submission, or the last answer to a
     *                   clarification request (ties in the ranking go to the earlier complete application)
     */
    void decideEligibility(boolean eligible, String decidedBy, Instant decidedAt, String reason, Instant completeAt) {
        this.eligible = eligible;
        this.completeAt = completeAt;
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

    public void startEvaluation() {
        this.status = ApplicationStatus.IN_EVALUATION;
    }

    public void recordFinalScore(BigDecimal score, String setBy, String reason) {
        this.finalScore = score;
        this.finalScoreBy = setBy;
        this.finalScoreReason = reason;
        this.status = ApplicationStatus.EVALUATED;
    }

    /** The proposal of the ranking, or a call manager's move with its reason. */
    public void place(Integer ranking, Selection selection, String reason) {
        this.ranking = ranking;
        this.selection = selection;
        this.selectionReason = reason;
    }

    /** The selection is published: on the main list the SME has until the due time to confirm. */
    public void announce(Instant confirmationDueAt) {
        this.status = switch (selection) {
            case MAIN -> ApplicationStatus.SELECTED;
            case RESERVE -> ApplicationStatus.RESERVE;
            case REJECTED -> ApplicationStatus.NOT_SELECTED;
        };
        this.confirmationDueAt = selection == Selection.MAIN ? confirmationDueAt : null;
    }

    /** Promoted from the reserve list to a freed slot. */
    public void promote(Instant confirmationDueAt) {
        this.selection = Selection.MAIN;
        this.status = ApplicationStatus.SELECTED;
        this.confirmationDueAt = confirmationDueAt;
    }

    /** The activity is over and no slot came free: a reserve application ends not selected. */
    public void releaseFromReserve() {
        this.status = ApplicationStatus.NOT_SELECTED;
    }

    public void answerParticipation(ApplicationStatus answer) {
        this.status = answer;
    }

    /**
     * The SME withdrew. A place proposed but not yet published is given up, so that the results skip it; a published
     * one stays as the call decided it.
     */
    void withdraw() {
        if (status == ApplicationStatus.EVALUATED) {
            this.ranking = null;
            this.selection = null;
            this.selectionReason = null;
        }
        this.status = ApplicationStatus.WITHDRAWN;
    }

    /** The grant ends: paid, or forfeited for want of a claim. */
    public void settleGrant(boolean paid) {
        this.status = paid ? ApplicationStatus.REIMBURSED : ApplicationStatus.GRANT_FORFEITED;
    }

    /** What the call awarded: the amount requested, never more than the call's maximum grant. */
    public BigDecimal grantAwarded(BigDecimal maxGrant) {
        return grant(requestedAmount, maxGrant);
    }

    static BigDecimal grant(BigDecimal requestedAmount, BigDecimal maxGrant) {
        return requestedAmount.min(maxGrant);
    }

    /**
     * The company's texts and its participants are gone, its user is a pseudonym and what staff wrote no longer
     * names it; the decisions, scores and amounts stay.
     */
    void anonymise(Erasure erasure) {
        submittedBy = erasure.user(submittedBy);
        motivation = Erasure.ERASED;
        targetMarkets = Erasure.ERASED;
        exportExperience = Erasure.ERASED;
        for (int i = 0; i < participants.size(); i++) {
            participants.set(i, new Participant("Participant " + (i + 1), Erasure.ERASED));
        }
        eligibilityReasons.replaceAll(reason -> new EligibilityReason(reason.code(), erasure.scrub(reason.message())));
        decisionReason = erasure.scrub(decisionReason);
        finalScoreReason = erasure.scrub(finalScoreReason);
        selectionReason = erasure.scrub(selectionReason);
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

    public Integer getFiguresRevision() {
        return figuresRevision;
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

    public Instant getCompleteAt() {
        return completeAt;
    }

    public BigDecimal getFinalScore() {
        return finalScore;
    }

    public String getFinalScoreBy() {
        return finalScoreBy;
    }

    public String getFinalScoreReason() {
        return finalScoreReason;
    }

    public Integer getRanking() {
        return ranking;
    }

    public Selection getSelection() {
        return selection;
    }

    public String getSelectionReason() {
        return selectionReason;
    }

    public Instant getConfirmationDueAt() {
        return confirmationDueAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
