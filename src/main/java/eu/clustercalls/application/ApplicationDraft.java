package eu.clustercalls.application;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A company's unfinished application to a call: the form's answers as the portal sent them (JSON). */
@Entity
public class ApplicationDraft {

    /** The longest draft kept: the form's longest answers with room for JSON escapes. */
    public static final int MAX_CONTENT = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_draft_seq")
    @SequenceGenerator(name = "application_draft_seq", sequenceName = "application_draft_seq", allocationSize = 50)
    private Long id;

    private Long companyId;
    private Long callId;
    private String username;
    private String content;
    private Instant savedAt;

    protected ApplicationDraft() {
    }

    ApplicationDraft(Long companyId, Long callId) {
        this.companyId = companyId;
        this.callId = callId;
    }

    void save(String username, String content, Instant savedAt) {
        this.username = username;
        this.content = content;
        this.savedAt = savedAt;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public Long getCallId() {
        return callId;
    }

    public String getUsername() {
        return username;
    }

    public String getContent() {
        return content;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
