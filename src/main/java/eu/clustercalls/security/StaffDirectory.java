package eu.clustercalls.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import eu.clustercalls.support.ForbiddenException;

/** Who belongs to which group and cluster, read from Camunda's identity service (the one user store). */
@Component
public class StaffDirectory {

    private final IdentityService identityService;

    StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean hasRole(String userId, String group) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }

    public boolean worksFor(String userId, String tenantId) {
        return identityService.createTenantQuery().userMember(userId).tenantId(tenantId).count() > 0;
    }

    /** The clusters (tenants) the user works for. */
    public List<String> clustersOf(String userId) {
        return identityService.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId).toList();
    }

    /** The users of that group in that cluster. */
    public List<String> members(String group, String tenantId) {
        return identityService.createUserQuery().memberOfGroup(group).memberOfTenant(tenantId).list().stream()
                .map(User::getId).toList();
    }


    /**
     * Refuses unless the user has that role in that cluster. In English: Tasklist offers a task or a start only to
     * its group's members of its cluster (the engine's authorizations), so only a hand-made request meets this.
     */
    public void require(String userId, String group, String tenantId, String action) {
        if (!hasRole(userId, group) || !worksFor(userId, tenantId)) {
            throw new ForbiddenException("Only " + group + " of this cluster may " + action + ".");
        }
    }
}
