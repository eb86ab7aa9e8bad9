package eu.clustercalls.call;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.ServiceStarts;
import eu.clustercalls.support.ViewWords;

/**
 * The process definitions are shared; each instance belongs to the cluster (tenant) of its call, so staff of one
 * cluster see only their cluster's instances and tasks. The cluster never comes from a variable: a new call belongs
 * to the cluster of the signed-in call manager who drafts it (one of theirs, chosen in the form when they work for
 * several); an application's instance to its call's cluster as our store says, and a called process to its caller's.
 */
@Component
class CallTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

    private static final List<String> STARTED_BY_CLUSTERCALLS = List.of(ApplicationProcess.KEY,
            ReimbursementProcess.KEY);

    // Looked up at a start: the services cannot be made before the engine that this plugin configures.
    private final ObjectProvider<StaffViewWords> staffWords;
    private ProcessEngine processEngine;

    CallTenantIdProvider(ObjectProvider<StaffViewWords> staffWords) {
        this.staffWords = staffWords;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        var serviceStart = ServiceStarts.tenantOfServiceStart();
        if (serviceStart.isPresent()) {
            return serviceStart.get();
        }
        String key = context.getProcessDefinition().getKey();
        if (FundingCallProcess.KEY.equals(key)) {
            return drafterCluster(context.getVariables().get(FundingCallProcess.FIELD_CLUSTER));
        }
        if (STARTED_BY_CLUSTERCALLS.contains(key)) {
            throw new ForbiddenException("ClusterCalls starts this process itself (an application when an SME "
                    + "submits it in the portal); it cannot be started by hand.");
        }
        return null;
    }

    /** The drafter's cluster: their only one, or the one they chose among theirs. */
    private String drafterCluster(Object chosen) {
        Authentication authentication = processEngine.getIdentityService().getCurrentAuthentication();
        if (authentication == null) {
            throw new ForbiddenException("Please sign in to draft a call.");
        }
        List<String> clusters = authentication.getTenantIds() != null && !authentication.getTenantIds().isEmpty()
                ? authentication.getTenantIds()
                : processEngine.getIdentityService().createTenantQuery().userMember(authentication.getUserId()).list()
                        .stream().map(Tenant::getId).toList();
        String choice = chosen == null || chosen.toString().isBlank() ? null : chosen.toString().strip();
        if (choice != null) {
            if (!clusters.contains(choice)) {
                throw new InvalidInputException(FundingCallProcess.FIELD_CLUSTER, words(clusters)
                        .get("refusal.call.notYourCluster", choice, String.join(", ", clusters)));
            }
            return choice;
        }
        if (clusters.size() == 1) {
            return clusters.get(0);
        }
        throw new InvalidInputException(FundingCallProcess.FIELD_CLUSTER, clusters.isEmpty()
                ? words(clusters).get("refusal.call.noCluster")
                : words(clusters).get("refusal.call.severalClusters", String.join(", ", clusters)));
    }

    /** The words the start form spoke: her cluster's, the first by id if she works for several (English if none). */
    private ViewWords words(List<String> clusters) {
        return staffWords.getObject().of(clusters.stream().sorted().findFirst().orElse(null));
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() != null ? context.getExecution().getTenantId() : null;
    }
}
