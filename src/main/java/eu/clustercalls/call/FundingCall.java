package eu.clustercalls.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import eu.clustercalls.audit.Audited;

/** A call for financial support to SMEs, run by one cluster organisation (its tenant). */
@Entity
public class FundingCall implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "funding_call_seq")
    @SequenceGenerator(name = "funding_call_seq", sequenceName = "funding_call_seq", allocationSize = 50)
    private Long id;

    private String clusterId;
    private String euProject;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private ActivityType activityType;
    private String destinationCity;
    private String destinationCountry;
    private BigDecimal destinationLatitude;
    private BigDecimal destinationLongitude;
    private LocalDate activityStart;
    private LocalDate activityEnd;
    private LocalDate opensOn;
    private Instant closesAt;
    private int slots;
    private BigDecimal maxGrant;
    @Enumerated(EnumType.STRING)
    private ReimbursementModel reimbursementModel;
    private boolean membersOnly;
    private boolean deMinimisApplies;
    private int evaluatorsPerApplication;
    private BigDecimal scoreThreshold;
    private BigDecimal budget;

    /** Fixed when the call is drafted; nothing changes it afterwards. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_criterion", joinColumns = @JoinColumn(name = "call_id"))
    @OrderColumn(name = "position")
    private List<Criterion> criteria = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_excluded_expense", joinColumns = @JoinColumn(name = "call_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    private Set<ExpenseCategory> excludedExpenses = new HashSet<>();
    @Enumerated(EnumType.STRING)
    private CallStatus status;
    private String draftedBy;
    private String reviewedBy;
    private String reviewComment;
    private String processInstanceId;
    private Instant createdAt;
    private Instant publishedAt;
    private Instant closedAt;
    @Version
    private long version;

    protected FundingCall() {
    }

    FundingCall(String clusterId, CallDraft draft, Instant closesAt, String draftedBy, Instant createdAt) {
        this.clusterId = clusterId;
        this.euProject = draft.euProject();
        this.title = draft.title();
        this.description = draft.description();
        this.activityType = draft.activityType();
        this.destinationCity = draft.destinationCity();
        this.destinationCountry = draft.destinationCountry();
        this.destinationLatitude = draft.destinationLatitude();
        this.destinationLongitude = draft.destinationLongitude();
        this.activityStart = draft.activityStart();
        this.activityEnd = draft.activityEnd();
        this.opensOn = draft.opensOn();
        this.closesAt = closesAt;
        this.slots = draft.slots();
        this.maxGrant = draft.maxGrant();
        this.reimbursementModel = draft.reimbursementModel();
        this.membersOnly = draft.membersOnly();
        this.deMinimisApplies = draft.deMinimisApplies();
        this.evaluatorsPerApplication = draft.evaluatorsPerApplication();
        this.scoreThreshold = draft.scoreThreshold();
        this.budget = draft.budget();
        this.criteria.addAll(draft.criteria());
        this.excludedExpenses.addAll(draft.excludedExpenses());
        this.status = CallStatus.DRAFT;
        this.draftedBy = draftedBy;
        this.createdAt = createdAt;
    }

    public String reference() {
        return FundingCallProcess.BUSINESS_KEY_PREFIX + id;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void publish(String reviewer, Instant now) {
        this.status = CallStatus.PUBLISHED;
        this.reviewedBy = reviewer;
        this.publishedAt = now;
    }

    void reject(String reviewer, String comment) {
        this.status = CallStatus.REJECTED;
        this.reviewedBy = reviewer;
        this.reviewComment = comment;
    }

    void moveClosingTo(Instant closesAt) {
        this.closesAt = closesAt;
    }

    void publishResults() {
        this.status = CallStatus.RESULTS_PUBLISHED;
    }

    void close(Instant now) {
        this.status = CallStatus.CLOSED;
        this.closedAt = now;
    }

    /** Whether the call pays for that kind of cost. */
    public boolean reimburses(ExpenseCategory category) {
        return !excludedExpenses.contains(category);
    }

    /** How many days the activity lasts, first and last day included. */
    public int activityDays() {
        return (int) ChronoUnit.DAYS.between(activityStart, activityEnd) + 1;
    }

    /** The highest total score of the rubric. */
    public int maxScore() {
        return criteria.stream().mapToInt(Criterion::maxPoints).sum();
    }

    /** The budget for grants: as set, or else every slot at the maximum grant. */
    public BigDecimal effectiveBudget() {
        return budget != null ? budget : maxGrant.multiply(BigDecimal.valueOf(slots));
    }

    /** Published, opened and not yet closed. */
    public boolean acceptsApplicationsAt(Instant now, ZoneId zone) {
        return status == CallStatus.PUBLISHED
                && !now.atZone(zone).toLocalDate().isBefore(opensOn)
                && now.isBefore(closesAt);
    }

    /** The day on which the call closes, in the installation's zone. */
    public LocalDate closingDate(ZoneId zone) {
        return closesAt.atZone(zone).toLocalDate();
    }

    @Override
    public String auditType() {
        return "FundingCall";
    }

    @Override
    public String auditId() {
        return reference();
    }

    @Override
    public String tenantId() {
        return clusterId;
    }

    public Long getId() {
        return id;
    }

    public String getClusterId() {
        return clusterId;
    }

    public String getEuProject() {
        return euProject;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public ActivityType getActivityType() {
        return activityType;
    }

    public String getDestinationCity() {
        return destinationCity;
    }

    public String getDestinationCountry() {
        return destinationCountry;
    }

    public BigDecimal getDestinationLatitude() {
        return destinationLatitude;
    }

    public BigDecimal getDestinationLongitude() {
        return destinationLongitude;
    }

    public LocalDate getActivityStart() {
        return activityStart;
    }

    public LocalDate getActivityEnd() {
        return activityEnd;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public int getSlots() {
        return slots;
    }

    public BigDecimal getMaxGrant() {
        return maxGrant;
    }

    public ReimbursementModel getReimbursementModel() {
        return reimbursementModel;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public boolean isDeMinimisApplies() {
        return deMinimisApplies;
    }

    public int getEvaluatorsPerApplication() {
        return evaluatorsPerApplication;
    }

    public BigDecimal getScoreThreshold() {
        return scoreThreshold;
    }

    public Set<ExpenseCategory> getExcludedExpenses() {
        return Set.copyOf(excludedExpenses);
    }

    public List<Criterion> getCriteria() {
        return List.copyOf(criteria);
    }

    public CallStatus getStatus() {
        return status;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
