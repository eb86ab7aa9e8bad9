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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The process definitions are shared; each instance belongs to the cluster (tenant) of its call, so staff of one
 * cluster see only their cluster's instances and tasks. A new call belongs to the cluster of the call manager who
 * drafts it.
 */
@Component
class CallTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

    private final ObjectProvider<FundingCallRepository> calls;
    private ProcessEngine processEngine;

    CallTenantIdProvider(ObjectProvider<FundingCallRepository> calls) {
        this.calls = calls;
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
        Object callId = context.getVariables().get(FundingCallProcess.VAR_CALL_ID);
        if (callId instanceof Long id) {
            return calls.getObject().findById(id).map(FundingCall::getClusterId).orElse(null);
        }
        return drafterCluster();
    }

    private String drafterCluster() {
        Authentication authentication = processEngine.getIdentityService().getCurrentAuthentication();
        if (authentication == null) {
            return null;
        }
        List<String> tenants = authentication.getTenantIds() != null && !authentication.getTenantIds().isEmpty()
                ? authentication.getTenantIds()
                : processEngine.getIdentityService().createTenantQuery().userMember(authentication.getUserId()).list()
                        .stream().map(tenant -> tenant.getId()).toList();
        return tenants.size() == 1 ? tenants.get(0) : null;
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
