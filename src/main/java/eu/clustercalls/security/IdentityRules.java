package eu.clustercalls.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine our IdentityService ({@link CheckedIdentityService}) and our password policy
 * ({@link PasswordLength}; {@code enablePasswordPolicy} in application.yaml turns it on).
 */
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
        configuration.setPasswordPolicy(new PasswordLength());
    }
}
