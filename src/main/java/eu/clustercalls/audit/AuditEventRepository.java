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

    /** Only for the anonymisation of a company (see {@link AuditService#pseudonymise}). */
    @Modifying
    @Query(nativeQuery = true, value = "update audit_event set actor = :actor, reason = :reason where id = :id")
    int rewrite(Long id, String actor, String reason);
}
