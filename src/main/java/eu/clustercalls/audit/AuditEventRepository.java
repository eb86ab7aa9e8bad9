package eu.clustercalls.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete is offered. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(String entityType, String entityId);

    long count();
}
