package eu.clustercalls.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine our IdentityService ({@link CheckedIdentityService}). */
@Component
class IdentityRules extends AbstractProcessEnginePlugin {

    private final SignInCheck signIns;
    private final SignInThrottle throttle;

    IdentityRules(SignInCheck signIns, SignInThrottle throttle) {
        this.signIns = signIns;
        this.throttle = throttle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityService(new CheckedIdentityService(signIns, throttle));
    }
}
