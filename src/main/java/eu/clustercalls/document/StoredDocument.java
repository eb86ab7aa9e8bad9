package eu.clustercalls.document;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * A file kept as evidence with its SHA-256: one an SME handed in with a claim, or one of an application, such as the
 * award letter it was sent, or one sent with the answer to a clarification request. It belongs to exactly one claim,
 * application or clarification request, or to the draft of a claim (kept for the form's field {@code draftPart} until
 * the claim is sent, when it becomes the claim's).
 */
@Entity
public class StoredDocument {

    /** Why the document was handed in. */
    public enum Purpose { RECEIPT, ATTENDANCE_PROOF, AWARD_LETTER, CLARIFICATION }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stored_document_seq")
    @SequenceGenerator(name = "stored_document_seq", sequenceName = "stored_document_seq", allocationSize = 50)
    private Long id;

    private Long claimId;
    private Long applicationId;
    private Long draftClaimId;
    private String draftPart;
    /** A file sent with the answer to a clarification request (and so of the request's application). */
    private Long clarificationRequestId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private byte[] content;
    private String uploadedBy;
    private Instant uploadedAt;

    protected StoredDocument() {
    }

    StoredDocument(Long claimId, Long applicationId, Purpose purpose, CheckedUpload upload, String uploadedBy,
            Instant uploadedAt) {
        this.claimId = claimId;
        this.applicationId = applicationId;
        this.purpose = purpose;
        this.fileName = upload.fileName();
        this.contentType = upload.kind().contentType();
        this.sizeBytes = upload.content().length;
        this.sha256 = upload.sha256();
        this.content = upload.content();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    static StoredDocument ofDraft(Long claimId, String part, Purpose purpose, CheckedUpload upload, String uploadedBy,
            Instant uploadedAt) {
        StoredDocument document = new StoredDocument(null, null, purpose, upload, uploadedBy, uploadedAt);
        document.draftClaimId = claimId;
        document.draftPart = part;
        return document;
    }

    /** A file of the claim's draft becomes the claim's, sent with it. */
    void attachToClaim(Purpose purpose) {
        this.claimId = draftClaimId;
        this.purpose = purpose;
        this.draftClaimId = null;
        this.draftPart = null;
    }

    /** A file sent with the answer to that clarification request. */
    static StoredDocument ofClarification(Long clarificationRequestId, CheckedUpload upload, String uploadedBy,
            Instant uploadedAt) {
        StoredDocument document = new StoredDocument(null, null, Purpose.CLARIFICATION, upload, uploadedBy, uploadedAt);
        document.clarificationRequestId = clarificationRequestId;
        return document;
    }

    public Long getId() {
        return id;
    }

    public Long getClaimId() {
        return claimId;
    }

    public String getDraftPart() {
        return draftPart;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getClarificationRequestId() {
        return clarificationRequestId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }
}
