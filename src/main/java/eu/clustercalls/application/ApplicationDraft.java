package eu.clustercalls.application;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import eu.clustercalls.support.SavedForm;

/** A company's unfinished application to a call: the form's answers as the portal sent them (JSON). */
@Entity
public class ApplicationDraft extends SavedForm {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_draft_seq")
    @SequenceGenerator(name = "application_draft_seq", sequenceName = "application_draft_seq", allocationSize = 50)
    private Long id;

    private Long companyId;
    private Long callId;

    protected ApplicationDraft() {
    }

    ApplicationDraft(Long companyId, Long callId) {
        this.companyId = companyId;
        this.callId = callId;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public Long getCallId() {
        return callId;
    }
}
