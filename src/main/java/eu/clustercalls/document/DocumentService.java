package eu.clustercalls.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Checks and keeps the files SMEs hand in with a claim (PDF, JPEG or PNG by content, within the size limits), and the
 * documents of an application, such as its award letter.
 */
@Service
public class DocumentService {

    private final DocumentRepository documents;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    DocumentService(DocumentRepository documents, ClusterCallsProperties properties, Clock clock) {
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks one file; {@code field} names it in the error (a {@link Phrase}). Nothing is stored. */
    public CheckedUpload check(String field, String fileName, byte[] content) {
        String name = ownName(fileName);
        if (content.length == 0) {
            throw new InvalidInputException(field, Phrase.of("refusal.document.empty").text("file", name).stored());
        }
        DataSize limit = properties.maxDocumentSize();
        if (content.length > limit.toBytes()) {
            throw new InvalidInputException(field, Phrase.of("refusal.document.tooLarge").text("file", name)
                    .number("size", megabytesUp(content.length)).number("limit", megabytes(limit.toBytes())).stored());
        }
        DocumentKind kind = DocumentKind.of(content).orElseThrow(() -> new InvalidInputException(field,
                Phrase.of("refusal.document.notAccepted").text("file", name).stored()));
        return new CheckedUpload(name.length() > 200 ? name.substring(0, 200) : name, content, kind, sha256(content));
    }

    /**
     * The file's own name as sent: without the folders some browsers and clients send with it (a name is never a
     * path here), and without control or invisible formatting characters (a right-to-left override can make
     * "fdp.exe" read "exe.pdf"; PostgreSQL cannot store NUL).
     */
    static String ownName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cc}\\p{Cf}]", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "the file" : name;
    }

    /** Checks the total size of a claim's files. */
    public void checkTotal(String field, long totalBytes) {
        DataSize limit = properties.maxClaimSize();
        if (totalBytes > limit.toBytes()) {
            throw new InvalidInputException(field, Phrase.of("refusal.document.claimTooLarge")
                    .number("limit", megabytes(limit.toBytes())).number("total", megabytesUp(totalBytes)).stored());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument store(Long claimId, StoredDocument.Purpose purpose, CheckedUpload upload, String user) {
        return documents.save(new StoredDocument(claimId, null, purpose, upload, user, clock.instant()));
    }

    /** Keeps a document of an application; it has at most one of each purpose (the database refuses a second). */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument storeOfApplication(Long applicationId, StoredDocument.Purpose purpose, CheckedUpload upload,
            String user) {
        return documents.save(new StoredDocument(null, applicationId, purpose, upload, user, clock.instant()));
    }

    /** Keeps a file sent with the answer to a clarification request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredDocument storeOfClarification(Long clarificationRequestId, CheckedUpload upload, String user) {
        return documents.save(StoredDocument.ofClarification(clarificationRequestId, upload, user, clock.instant()));
    }

    /** The files sent with the answer to a clarification request, in the order they came. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> ofClarification(Long clarificationRequestId) {
        return documents.summariesOfClarification(clarificationRequestId);
    }

    /** A file of one of these clarification requests; any other reads as not found. Callers check who may see it. */
    @Transactional(readOnly = true)
    public StoredDocument ofClarifications(Collection<Long> clarificationRequestIds, Long documentId) {
        return documents.findById(documentId)
                .filter(document -> document.getClarificationRequestId() != null
                        && clarificationRequestIds.contains(document.getClarificationRequestId()))
                .orElseThrow(() -> new NotFoundException("There is no such document of this application."));
    }

    @Transactional(readOnly = true)
    public List<DocumentSummary> ofApplication(Long applicationId) {
        return documents.summariesOfApplication(applicationId);
    }

    /** The id of the application's document of that purpose, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Long> idOfApplicationDocument(Long applicationId, StoredDocument.Purpose purpose) {
        return documents.idOfApplicationDocument(applicationId, purpose);
    }

    /** A document of the application; one of anything else reads as not found. Callers check who may see it. */
    @Transactional(readOnly = true)
    public StoredDocument ofApplication(Long applicationId, Long documentId) {
        return documents.findById(documentId).filter(document -> applicationId.equals(document.getApplicationId()))
                .orElseThrow(() -> new NotFoundException("There is no document " + documentId + " of application "
                        + applicationId + "."));
    }

    /** Keeps a checked file for a field of the claim's draft, in place of the file that field had. */
    @Transactional(propagation = Propagation.MANDATORY)
    public KeptFile keepForDraft(Long claimId, String part, StoredDocument.Purpose purpose, CheckedUpload upload,
            String user) {
        documents.deleteDraftPart(claimId, part);
        StoredDocument kept = documents.save(StoredDocument.ofDraft(claimId, part, purpose, upload, user, clock.instant()));
        return new KeptFile(kept.getId(), part, purpose, kept.getFileName(), kept.getSizeBytes());
    }

    @Transactional(readOnly = true)
    public List<KeptFile> keptOfDraft(Long claimId) {
        return documents.keptOfDraft(claimId);
    }

    /** The claim's draft's files named by {@code purposes} (part → purpose) become the claim's; the others go. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attachDraftFiles(Long claimId, Map<String, StoredDocument.Purpose> purposes) {
        for (StoredDocument kept : documents.findByDraftClaimId(claimId)) {
            StoredDocument.Purpose purpose = purposes.get(kept.getDraftPart());
            if (purpose == null) {
                documents.delete(kept);
            } else {
                kept.attachToClaim(purpose);
            }
        }
    }

    /** Deletes a file of the claim's draft; false when the draft has no such file. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean deleteOfDraft(Long claimId, Long documentId) {
        return documents.deleteOfDraft(claimId, documentId) > 0;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteDraftFiles(Long claimId) {
        documents.deleteByDraftClaimId(claimId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteOfClaim(Long claimId) {
        documents.deleteByClaimId(claimId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteOfClarification(Long clarificationRequestId) {
        documents.deleteByClarificationRequestId(clarificationRequestId);
    }

    /** Other claims that already hold a file with exactly this content. */
    @Transactional(readOnly = true)
    public List<Long> otherClaimsWithContent(String sha256, Long claimId) {
        return documents.claimsWithHashOtherThan(sha256, claimId);
    }

    /** For each of these contents that other claims hold too, those claims' ids in order. */
    @Transactional(readOnly = true)
    public Map<String, List<Long>> otherClaimsWithContents(Collection<String> sha256s, Long claimId) {
        if (sha256s.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Long>> claims = new HashMap<>();
        for (Object[] row : documents.claimsWithHashesOtherThan(sha256s, claimId)) {
            claims.computeIfAbsent((String) row[0], hash -> new ArrayList<>()).add((Long) row[1]);
        }
        return claims;
    }

    @Transactional(readOnly = true)
    public List<DocumentSummary> ofClaim(Long claimId) {
        return documents.summariesOfClaim(claimId);
    }

    @Transactional(readOnly = true)
    public StoredDocument get(Long documentId) {
        return documents.findById(documentId)
                .orElseThrow(() -> new NotFoundException("There is no document " + documentId + "."));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Megabytes with one decimal, written by each reader's language ("10.0 MB", "10,0 MB"). */
    private static BigDecimal megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP);
    }

    /** A size over a limit, rounded up: a file a byte too large reads 10.1 MB against 10.0 MB, not 10.0 against 10.0. */
    private static BigDecimal megabytesUp(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.CEILING);
    }
}
