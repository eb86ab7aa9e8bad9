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
 * application or clarification request.
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
