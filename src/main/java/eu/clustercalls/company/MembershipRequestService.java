package eu.clustercalls.company;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.organisation.ClusterOrganisation;
import eu.clustercalls.organisation.ClusterOrganisationRepository;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;

/**
 * The memberships companies claim are confirmed or rejected by a call manager of that cluster (or an administrator):
 * a claimed member number is never trusted on its own.
 */
@Service
public class MembershipRequestService {

    private final MembershipRequestRepository requests;
    private final CompanyService companies;
    private final CompanyRepository companyRows;
    private final ClusterOrganisationRepository clusters;
    private final StaffDirectory staff;
    private final IdentityService identityService;
    private final AuditService audit;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    MembershipRequestService(MembershipRequestRepository requests, CompanyService companies,
            CompanyRepository companyRows, ClusterOrganisationRepository clusters, StaffDirectory staff,
            IdentityService identityService, AuditService audit, ClusterCallsProperties properties, Clock clock) {
        this.requests = requests;
        this.companies = companies;
        this.companyRows = companyRows;
        this.clusters = clusters;
        this.staff = staff;
        this.identityService = identityService;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The company's requests, oldest first (confirmed ones too: the membership itself is in membershipsOf). */
    @Transactional(readOnly = true)
    public List<MembershipRequest> requestsOf(Long companyId) {
        return requests.findByCompanyIdOrderByRequestedAtAscIdAsc(companyId);
    }

    /** The pending requests the user may decide: those of the clusters they manage calls for, or all for an admin. */
    @Transactional(readOnly = true)
    public List<PendingMembership> pendingRequestsFor(String staffUser) {
        List<MembershipRequest> pending;
        if (staff.hasRole(staffUser, Roles.ADMIN)) {
            pending = requests.findByStatusOrderByRequestedAtAscIdAsc(MembershipRequest.Status.PENDING);
        } else if (staff.hasRole(staffUser, Roles.CALL_MANAGERS)) {
            List<String> clusterIds = identityService.createTenantQuery().userMember(staffUser).list().stream()
                    .map(Tenant::getId).toList();
            pending = clusterIds.isEmpty() ? List.of() : requests.findByClusterIdInAndStatusOrderByRequestedAtAscIdAsc(
                    clusterIds, MembershipRequest.Status.PENDING);
        } else {
            pending = List.of();
        }
        Map<Long, Company> companiesById = companyRows.findAllById(
                pending.stream().map(MembershipRequest::getCompanyId).toList()).stream()
                .collect(Collectors.toMap(Company::getId, Function.identity()));
        Map<String, String> clusterNames = clusters.findAll().stream()
                .collect(Collectors.toMap(ClusterOrganisation::getId, ClusterOrganisation::getName));
        return pending.stream().map(request -> {
            Company company = companiesById.get(request.getCompanyId());
            return new PendingMembership(request.getId(), clusterNames.get(request.getClusterId()),
                    company.getLegalName(), company.getVatNumber(), company.smeFigures().size(),
                    request.getMemberNumber(), request.getRequestedAt());
        }).toList();
    }

    /** The company becomes a member from today (in the installation's zone) with the number it gave. */
    @Transactional
    public Membership confirm(Long requestId, String staffUser) {
        MembershipRequest request = decidable(requestId, staffUser, "confirm memberships");
        if (companies.membership(request.getCompanyId(), request.getClusterId()).isPresent()) {
            throw new ConflictException("The company is already a member of this cluster.");
        }
        request.decide(MembershipRequest.Status.CONFIRMED, staffUser, clock.instant(), null);
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        Membership membership = companies.recordMembership(request.getCompanyId(), request.getClusterId(),
                request.getMemberNumber(), today, null);
        audit.record(request, staffUser, "MEMBERSHIP_CONFIRMED", "member " + request.getMemberNumber(), null);
        return membership;
    }

    /** The claim is refused, with the reason the company reads on its profile. */
    @Transactional
    public void reject(Long requestId, String staffUser, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Give the reason, so that the company can put it right.");
        }
        MembershipRequest request = decidable(requestId, staffUser, "reject memberships");
        request.decide(MembershipRequest.Status.REJECTED, staffUser, clock.instant(), reason.strip());
        audit.record(request, staffUser, "MEMBERSHIP_REJECTED", "not a member", reason.strip());
    }

    /** Staff of another cluster learn nothing of the request; staff of the cluster without the role are refused. */
    private MembershipRequest decidable(Long requestId, String staffUser, String action) {
        MembershipRequest request = requests.lockById(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
        if (!staff.hasRole(staffUser, Roles.ADMIN)) {
            if (!staff.worksFor(staffUser, request.getClusterId())) {
                throw new NotFoundException("No membership request " + requestId + ".");
            }
            staff.require(staffUser, Roles.CALL_MANAGERS, request.getClusterId(), action);
        }
        return request;
    }
}
