package eu.clustercalls.application;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.support.Erasure;

/** A reviewer's question to the SME, its deadline and the answer (or that none came). */
@Entity
public class ClarificationRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clarification_request_seq")
    @SequenceGenerator(name = "clarification_request_seq", sequenceName = "clarification_request_seq", allocationSize = 50)
    private Long id;

    private Long applicationId;
    private String question;
    private String requestedBy;
    private Instant requestedAt;
    private Instant dueAt;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    private boolean expired;

    protected ClarificationRequest() {
    }

    ClarificationRequest(Long applicationId, String question, String requestedBy, Instant requestedAt, Instant dueAt) {
        this.applicationId = applicationId;
        this.question = question;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.dueAt = dueAt;
    }

    boolean isOpen() {
        return answer == null && !expired;
    }

    void answer(String answer, String answeredBy, Instant answeredAt) {
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
    }

    void expire() {
        this.expired = true;
    }

    void anonymise(Erasure erasure) {
        question = erasure.scrub(question);
        answer = Erasure.erased(answer);
        answeredBy = erasure.user(answeredBy);
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getQuestion() {
        return question;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public boolean isExpired() {
        return expired;
    }
}
