package eu.clustercalls.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.springframework.stereotype.Component;

import eu.clustercalls.config.ClusterCallsProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Camunda's identity service, the one user store (Tasklist, Admin, the engine REST API and our API), hashes new
 * passwords with PBKDF2 instead of its default salted SHA-512, which a graphics card tries by the billion a second.
 * Hashes from before keep verifying without more configuration: Camunda's PasswordManager always checks
 * {@code {SHA}} and {@code {SHA-512}} hashes itself (registering SHA-512 again as a custom checker would stop the
 * engine), with the salt of ACT_ID_USER.SALT_ appended to the password, as it does for every algorithm. An old hash
 * is replaced by a PBKDF2 one when its user's password is next set. The count of PBKDF2 computations is the metric
 * {@value #COMPUTATIONS}: what sign-ins cost the nodes' cores.
 */
@Component
class PasswordHashing extends AbstractProcessEnginePlugin implements MeterBinder {

    static final String COMPUTATIONS = "clustercalls.password.hashes";

    private final Pbkdf2PasswordEncryptor encryptor;

    PasswordHashing(ClusterCallsProperties properties) {
        this.encryptor = new Pbkdf2PasswordEncryptor(properties.passwordHashIterations());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(encryptor);
        configuration.setPasswordManager(new Passwords(encryptor));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(COMPUTATIONS, encryptor, Pbkdf2PasswordEncryptor::computations)
                .description("PBKDF2 hashes computed: passwords set, and checked when not verified in the last minutes")
                .register(registry);
    }

    /**
     * A user without a password (the engine REST API creates one when no credentials are given) or with a hash of
     * an unknown algorithm simply cannot sign in: Camunda's manager would throw, and the sign-in answer a 500.
     */
    private static final class Passwords extends PasswordManager {

        Passwords(PasswordEncryptor encryptor) {
            super(encryptor, List.of());
        }

        @Override
        public boolean check(String password, String encrypted) {
            return encrypted != null && passwordChecker.containsKey(prefixHandler.retrieveAlgorithmName(encrypted))
                    && super.check(password, encrypted);
        }
    }
}
