package eu.clustercalls.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * One evaluator's work on one application: assigned, then either a declared conflict of interest (the slot is
 * handed on) or scores per criterion of the call's rubric.
 */
@Entity
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evaluation_seq")
    @SequenceGenerator(name = "evaluation_seq", sequenceName = "evaluation_seq", allocationSize = 50)
    private Long id;

    private Long applicationId;
    private Long callId;
    private String tenantId;
    private int slot;
    private String evaluator;
    private Instant assignedAt;
    private boolean conflict;
    private String conflictReason;
    private Instant submittedAt;
    private Integer total;
    private String comment;
    /** When the application was withdrawn before this evaluation was in: the evaluator's work on it ended. */
    private Instant releasedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evaluation_score", joinColumns = @JoinColumn(name = "evaluation_id"))
    @MapKeyColumn(name = "criterion")
    @Column(name = "points")
    private Map<String, Integer> scores = new LinkedHashMap<>();

    @Version
    private long version;

    protected Evaluation() {
    }

    Evaluation(Long applicationId, Long callId, String tenantId, int slot, String evaluator, Instant assignedAt) {
        this.applicationId = applicationId;
        this.callId = callId;
        this.tenantId = tenantId;
        this.slot = slot;
        this.evaluator = evaluator;
        this.assignedAt = assignedAt;
    }

    boolean isOpen() {
        return !conflict && submittedAt == null && releasedAt == null;
    }

    void release(Instant at) {
        this.releasedAt = at;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    boolean isSubmitted() {
        return submittedAt != null;
    }

    void declareConflict(String reason) {
        this.conflict = true;
        this.conflictReason = reason;
    }

    void submit(Map<String, Integer> scores, String comment, Instant at) {
        this.scores.putAll(scores);
        this.total = scores.values().stream().mapToInt(Integer::intValue).sum();
        this.comment = comment;
        this.submittedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public int getSlot() {
        return slot;
    }

    public String getEvaluator() {
        return evaluator;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public boolean isConflict() {
        return conflict;
    }

    public String getConflictReason() {
        return conflictReason;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Integer getTotal() {
        return total;
    }

    public String getComment() {
        return comment;
    }

    public Map<String, Integer> getScores() {
        return Map.copyOf(scores);
    }
}
