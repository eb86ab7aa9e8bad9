package eu.clustercalls.document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<StoredDocument, Long> {

    @Query("select distinct d.claimId from StoredDocument d where d.sha256 = ?1 and d.claimId <> ?2")
    List<Long> claimsWithHashOtherThan(String sha256, Long claimId);

    /** Pairs of a hash and another claim holding a file with it. */
    @Query("select distinct d.sha256, d.claimId from StoredDocument d where d.sha256 in ?1 and d.claimId <> ?2 "
            + "order by d.claimId")
    List<Object[]> claimsWithHashesOtherThan(Collection<String> sha256s, Long claimId);

    @Query("select d.id as id, d.claimId as claimId, d.purpose as purpose, d.fileName as fileName, "
            + "d.contentType as contentType, d.sizeBytes as sizeBytes, d.sha256 as sha256 "
            + "from StoredDocument d where d.claimId = ?1 order by d.id")
    List<DocumentSummary> summariesOfClaim(Long claimId);

    @Query("select d.id as id, d.claimId as claimId, d.purpose as purpose, d.fileName as fileName, "
            + "d.contentType as contentType, d.sizeBytes as sizeBytes, d.sha256 as sha256 "
            + "from StoredDocument d where d.applicationId = ?1 order by d.id")
    List<DocumentSummary> summariesOfApplication(Long applicationId);

    @Query("select d.id as id, d.claimId as claimId, d.purpose as purpose, d.fileName as fileName, "
            + "d.contentType as contentType, d.sizeBytes as sizeBytes, d.sha256 as sha256 "
            + "from StoredDocument d where d.clarificationRequestId = ?1 order by d.id")
    List<DocumentSummary> summariesOfClarification(Long clarificationRequestId);

    @Query("select d.id from StoredDocument d where d.applicationId = ?1 and d.purpose = ?2")
    Optional<Long> idOfApplicationDocument(Long applicationId, StoredDocument.Purpose purpose);

    @Modifying
    @Query("delete from StoredDocument d where d.claimId = ?1")
    void deleteByClaimId(Long claimId);

    @Query("select new eu.clustercalls.document.KeptFile(d.id, d.draftPart, d.purpose, d.fileName, d.sizeBytes) "
            + "from StoredDocument d where d.draftClaimId = ?1 order by d.id")
    List<KeptFile> keptOfDraft(Long claimId);

    List<StoredDocument> findByDraftClaimId(Long claimId);

    @Modifying
    @Query("delete from StoredDocument d where d.draftClaimId = ?1 and d.draftPart = ?2")
    int deleteDraftPart(Long claimId, String part);

    @Modifying
    @Query("delete from StoredDocument d where d.draftClaimId = ?1 and d.id = ?2")
    int deleteOfDraft(Long claimId, Long documentId);

    @Modifying
    @Query("delete from StoredDocument d where d.draftClaimId = ?1")
    void deleteByDraftClaimId(Long claimId);

    @Modifying
    @Query("delete from StoredDocument d where d.clarificationRequestId = ?1")
    void deleteByClarificationRequestId(Long clarificationRequestId);
}
