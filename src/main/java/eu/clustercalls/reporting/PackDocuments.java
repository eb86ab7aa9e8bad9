package eu.clustercalls.reporting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.evaluation.Evaluation;

/**
 * What the audit pack holds besides the applications' table, each kind read for the whole call in one query; a
 * document's content is read one at a time, as it is written to the ZIP, so that a pack never holds them all in
 * memory. Runs in the caller's transaction.
 */
@Component
class PackDocuments {

    /** A stored document of an application, with the expense it is the receipt of, if any. */
    record PackDocument(Long id, Long applicationId, String folder, String fileName, String contentType,
            long sizeBytes, String sha256, String expense) {
    }

    private final EntityManager entities;

    PackDocuments(EntityManager entities) {
        this.entities = entities;
    }

    /** The receipts and attendance proofs of the call's claims, per application. */
    Map<Long, List<PackDocument>> claimDocuments(Long callId) {
        return entities.createQuery("""
                select d.id, c.applicationId, d.purpose, d.fileName, d.contentType, d.sizeBytes, d.sha256,
                       i.category, i.amount, i.currency
                from StoredDocument d join ExpenseClaim c on c.id = d.claimId
                     left join ExpenseItem i on i.receiptDocumentId = d.id
                where c.callId = :callId order by c.applicationId, d.id
                """, Object[].class).setParameter("callId", callId).getResultStream()
                .map(row -> new PackDocument((Long) row[0], (Long) row[1],
                        row[2] == StoredDocument.Purpose.RECEIPT ? "receipts" : "attendance",
                        (String) row[3], (String) row[4], (Long) row[5], (String) row[6],
                        row[7] == null ? null : row[7] + " " + ((BigDecimal) row[8]).toPlainString() + " " + row[9]))
                .collect(Collectors.groupingBy(PackDocument::applicationId, HashMap::new, Collectors.toList()));
    }

    /** The award letters (the PDFs sent to the selected companies), per application, in folder "award-letter". */
    Map<Long, List<PackDocument>> awardLetters(Long callId) {
        return entities.createQuery("""
                select d.id, d.applicationId, d.fileName, d.contentType, d.sizeBytes, d.sha256
                from StoredDocument d join Application a on a.id = d.applicationId
                where a.callId = :callId and d.purpose = :purpose order by d.applicationId, d.id
                """, Object[].class).setParameter("callId", callId)
                .setParameter("purpose", StoredDocument.Purpose.AWARD_LETTER).getResultStream()
                .map(row -> new PackDocument((Long) row[0], (Long) row[1], "award-letter", (String) row[2],
                        (String) row[3], (Long) row[4], (String) row[5], null))
                .collect(Collectors.groupingBy(PackDocument::applicationId, HashMap::new, Collectors.toList()));
    }

    byte[] content(Long documentId) {
        return entities.createQuery("select d.content from StoredDocument d where d.id = :id", byte[].class)
                .setParameter("id", documentId).getSingleResult();
    }

    /** Every evaluator's work on the call's applications, conflicts of interest included, by application. */
    List<Evaluation> evaluations(Long callId) {
        return entities.createQuery("""
                select e from Evaluation e where e.callId = :callId order by e.applicationId, e.slot, e.id
                """, Evaluation.class).setParameter("callId", callId).getResultList();
    }
}
