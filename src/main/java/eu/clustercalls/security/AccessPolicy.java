package eu.clustercalls.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.clustercalls.cluster.StartupLock;

/**
 * The groups of ClusterCalls and what each may do in the Camunda webapps and the engine REST API, with
 * authorizations on. Tasks need no rule here: the engine grants each task to its assignee and candidate groups
 * when it creates it, and the tenant check keeps one cluster's tasks, instances and history from another's staff.
 * SME users get nothing: they work in the portal. Administrators ({@link Groups#CAMUNDA_ADMIN}) may do anything,
 * in every cluster (the tenant check lets them through).
 */
@Component
@Order(0)
class AccessPolicy implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

    static final Map<String, String> GROUPS = Map.of(
            Roles.SME, "SME users", Roles.CALL_MANAGERS, "Call managers",
            Roles.ELIGIBILITY_REVIEWERS, "Eligibility reviewers", Roles.EVALUATORS, "Evaluators",
            Roles.FINANCE, "Finance officers", Roles.ADMIN, "Administrators");

    private static final List<String> STAFF = List.of(Roles.CALL_MANAGERS, Roles.ELIGIBILITY_REVIEWERS,
            Roles.EVALUATORS, Roles.FINANCE);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final StartupLock startupLock;

    AccessPolicy(IdentityService identityService, AuthorizationService authorizationService, StartupLock startupLock) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.run(() -> {
            GROUPS.keySet().forEach(this::ensureGroup);
            grants().forEach(this::ensure);
            REVOKED.forEach(this::revoke);
            tasksWorkNotUpdate();
        });
    }

    /** What earlier versions granted and no group may do any more: deployments are the installation's. */
    static final List<Grant> REVOKED = List.of(new Grant(Roles.CALL_MANAGERS, Resources.DEPLOYMENT, ANY));

    private void revoke(Grant grant) {
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.groupId())
                .resourceType(grant.resource()).resourceId(grant.resourceId()).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    /**
     * Tasks created before the engine granted their candidates TASK_WORK instead of UPDATE (EngineDoor): their
     * candidates and assignees may still claim and complete them, no longer rewrite them or their variables.
     */
    private void tasksWorkNotUpdate() {
        // One task's grants only: a group's grant on every task (an administrator's ALL) stays as it is.
        var updatable = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list().stream()
                .filter(authorization -> !ANY.equals(authorization.getResourceId())).toList();
        for (var authorization : updatable) {
            authorization.removePermission(Permissions.UPDATE);
            authorization.addPermission(TaskPermissions.TASK_WORK);
            authorizationService.saveAuthorization(authorization);
        }
        if (!updatable.isEmpty()) {
            log.info("{} task authorizations now grant TASK_WORK instead of UPDATE", updatable.size());
        }
    }

    /**
     * Who may do what, group by group; checked at every start, so a rule that grants more reaches old installations.
     * An authorization that already grants it all is left alone: nodes starting together write nothing.
     */
    static Map<Grant, Permission[]> grants() {
        Map<Grant, Permission[]> grants = new LinkedHashMap<>();
        for (String staff : STAFF) {
            grant(grants, new Grant(staff, Resources.APPLICATION, "tasklist"), Permissions.ACCESS);
            // The shared filters (My tasks, My group's tasks, Overdue) and the names of the processes in Tasklist.
            grant(grants, new Grant(staff, Resources.FILTER, ANY), Permissions.READ);
            grant(grants, new Grant(staff, Resources.PROCESS_DEFINITION, ANY), Permissions.READ);
        }
        String managers = Roles.CALL_MANAGERS;
        grant(grants, new Grant(managers, Resources.APPLICATION, "cockpit"), Permissions.ACCESS);
        // Monitor their cluster's instances, tasks and history in Cockpit and retry a failed job; no edits.
        grant(grants, new Grant(managers, Resources.PROCESS_DEFINITION, ANY), Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB);
        grant(grants, new Grant(managers, Resources.DECISION_DEFINITION, ANY), Permissions.READ,
                Permissions.READ_HISTORY);
        grant(grants, new Grant(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY), Permissions.READ);
        // A call is drafted by starting the funding-call process in Tasklist; no other process starts by hand.
        grant(grants, new Grant(managers, Resources.PROCESS_DEFINITION, "funding-call"),
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(grants, new Grant(managers, Resources.PROCESS_INSTANCE, ANY), Permissions.READ, Permissions.CREATE,
                ProcessInstancePermissions.RETRY_JOB);
        // Camunda grants administrators nothing by itself: they may do anything through these authorizations.
        for (Resources resource : Resources.values()) {
            grant(grants, new Grant(Roles.ADMIN, resource, ANY), Permissions.ALL);
        }
        return grants;
    }

    /** Adds to what the group already may do on that resource. */
    private static void grant(Map<Grant, Permission[]> grants, Grant grant, Permission... permissions) {
        grants.merge(grant, permissions, (before, more) -> Stream.concat(Arrays.stream(before), Arrays.stream(more))
                .distinct().toArray(Permission[]::new));
    }

    record Grant(String groupId, Resource resource, String resourceId) {
    }

    /** Creates the group of ClusterCalls with that id if it is missing. */
    void ensureGroup(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(GROUPS.get(id));
            group.setType(Roles.ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identityService.saveGroup(group);
        }
    }

    private void ensure(Grant grant, Permission[] permissions) {
        var existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.groupId()).resourceType(grant.resource()).resourceId(grant.resourceId()).list();
        if (!existing.isEmpty() && existing.get(0).getPermissions(permissions).length == permissions.length) {
            return;
        }
        var authorization = existing.isEmpty() ? authorizationService.createNewAuthorization(AUTH_TYPE_GRANT)
                : existing.get(0);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        authorization.setPermissions(permissions);
        authorizationService.saveAuthorization(authorization);
        log.debug("{} may {} on {} {}", grant.groupId(), List.of(permissions), grant.resource().resourceName(),
                grant.resourceId());
    }
}
