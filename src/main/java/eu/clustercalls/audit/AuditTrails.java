package eu.clustercalls.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallRepository;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.NotFoundException;

/**
 * The audit trail of an application (with its expense claim) or of a call (with its applications and their claims),
 * for the call managers of the call's cluster and the administrators. Anyone else reads it as not found.
 */
@Service
class AuditTrails {

    private final ApplicationRepository applications;
    private final FundingCallRepository calls;
    private final ClaimService claims;
    private final AuditService audit;
    private final StaffDirectory staff;

    AuditTrails(ApplicationRepository applications, FundingCallRepository calls, ClaimService claims,
            AuditService audit, StaffDirectory staff) {
        this.applications = applications;
        this.calls = calls;
        this.claims = claims;
        this.audit = audit;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> ofApplication(String user, Long applicationId) {
        Application application = applications.findById(applicationId)
                .filter(found -> mayRead(user, found.tenantId()))
                .orElseThrow(() -> new NotFoundException("There is no application " + applicationId
                        + " whose audit trail you may read."));
        List<Audited> entities = new ArrayList<>();
        entities.add(application);
        claims.claimOfApplication(applicationId).ifPresent(entities::add);
        return audit.trailOf(entities);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> ofCall(String user, Long callId) {
        FundingCall call = calls.findById(callId)
                .filter(found -> mayRead(user, found.tenantId()))
                .orElseThrow(() -> new NotFoundException("There is no call " + callId
                        + " whose audit trail you may read."));
        List<Audited> entities = new ArrayList<>();
        entities.add(call);
        entities.addAll(applications.findByCallIdOrderById(callId));
        entities.addAll(claims.claimsOfCall(callId));
        return audit.trailOf(entities);
    }

    private boolean mayRead(String user, String tenantId) {
        return staff.hasRole(user, Roles.ADMIN)
                || (staff.hasRole(user, Roles.CALL_MANAGERS) && staff.worksFor(user, tenantId));
    }
}
