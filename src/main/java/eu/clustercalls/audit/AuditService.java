package eu.clustercalls.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.support.Erasure;

/** Writes the audit trail in the transaction of the change it records. */
@Service
public class AuditService {

    /** Entity ids per query: a call's trail may cover thousands of applications. */
    private static final int IDS_PER_QUERY = 500;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Audited entity, String actor, String action, String decision, String reason) {
        events.save(new AuditEvent(clock.instant(), actor, action, entity.auditType(), entity.auditId(),
                entity.tenantId(), decision, reason));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trailOf(Audited entity) {
        return events.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(entity.auditType(), entity.auditId());
    }

    /** The events of all these entities in one trail, in the order they happened. */
    @Transactional(readOnly = true)
    public List<AuditEvent> trailOf(Collection<? extends Audited> entities) {
        List<AuditEvent> trail = new ArrayList<>();
        idsByType(entities).forEach((type, ids) -> {
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                trail.addAll(events.findByEntityTypeAndEntityIdIn(type,
                        ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
            }
        });
        trail.sort(Comparator.comparing(AuditEvent::getOccurredAt).thenComparing(AuditEvent::getId));
        return trail;
    }

    /**
     * For the anonymisation of a company only: in the trails of its entities the ids of its people become their
     * pseudonyms and the texts they wrote are gone, and what identifies the company is replaced where staff's and
     * the system's reasons quote it. Who decided what, and when, stays.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void pseudonymise(Collection<? extends Audited> entities, Erasure erasure) {
        for (AuditEvent event : trailOf(entities)) {
            boolean theirs = erasure.pseudonyms().containsKey(event.getActor());
            String actor = erasure.user(event.getActor());
            String reason = theirs ? Erasure.erased(event.getReason()) : erasure.scrub(event.getReason());
            if (!actor.equals(event.getActor()) || !Objects.equals(reason, event.getReason())) {
                events.rewrite(event.getId(), actor, reason);
            }
        }
    }

    private static Map<String, List<String>> idsByType(Collection<? extends Audited> entities) {
        return entities.stream().collect(Collectors.groupingBy(Audited::auditType,
                Collectors.mapping(Audited::auditId, Collectors.toList())));
    }
}
