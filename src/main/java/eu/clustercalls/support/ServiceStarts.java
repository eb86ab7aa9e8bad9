package eu.clustercalls.support;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts the processes that only ClusterCalls itself starts (an application when an SME submits it), in the cluster
 * our store gives. The engine's tenant provider takes that cluster from here, never from a variable, and refuses
 * such a start from anywhere else.
 */
@Component
public class ServiceStarts {

    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private final RuntimeService runtimeService;

    ServiceStarts(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public ProcessInstance start(String processKey, String businessKey, String tenantId, Map<String, Object> variables) {
        return inCluster(tenantId, () -> runtimeService.startProcessInstanceByKey(processKey, businessKey, variables));
    }

    /** Runs a start of ours (one the engine's API builds, say at a chosen step) in that cluster. */
    public <T> T inCluster(String tenantId, Supplier<T> start) {
        TENANT.set(tenantId);
        try {
            return start.get();
        } finally {
            TENANT.remove();
        }
    }

    /** The cluster of the instance a service of ours is starting on this thread, if one is. */
    public static Optional<String> tenantOfServiceStart() {
        return Optional.ofNullable(TENANT.get());
    }
}
