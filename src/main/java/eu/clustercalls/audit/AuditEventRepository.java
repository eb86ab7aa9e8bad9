package eu.clustercalls.audit;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete is offered, but for the pseudonyms of an erasure. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(String entityType, String entityId);

    List<AuditEvent> findByEntityTypeAndEntityIdIn(String entityType, Collection<String> entityIds);

    long count();

    /** The user's id becomes the pseudonym, and the texts the user wrote are gone; the decisions stay. */
    @Modifying
    @Query(nativeQuery = true, value = """
            update audit_event set actor = :pseudonym,
                reason = case when reason is null then null else :replacement end
            where actor = :userId and entity_type = :entityType and entity_id in (:entityIds)
            """)
    int pseudonymise(String entityType, Collection<String> entityIds, String userId, String pseudonym,
            String replacement);

    /** A name or number that identifies the company is replaced wherever the reasons quote it. */
    @Modifying
    @Query(nativeQuery = true, value = """
            update audit_event set reason = replace(reason, :text, :replacement)
            where entity_type = :entityType and entity_id in (:entityIds) and reason is not null
            """)
    int replaceInReasons(String entityType, Collection<String> entityIds, String text, String replacement);
}
