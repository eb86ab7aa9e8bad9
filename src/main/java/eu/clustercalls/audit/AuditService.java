package eu.clustercalls.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit trail in the transaction of the change it records. */
@Service
public class AuditService {

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
}
