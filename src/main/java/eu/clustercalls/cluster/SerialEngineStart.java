package eu.clustercalls.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Holds the start-up lock while the engine creates or upgrades its schema, which is not safe for two nodes at once. */
@Component
class SerialEngineStart extends AbstractProcessEnginePlugin {

    private final StartupLock lock;
    private StartupLock.Held held;

    SerialEngineStart(StartupLock lock) {
        this.lock = lock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        held = lock.acquire();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        held.release();
        held = null;
    }
}
