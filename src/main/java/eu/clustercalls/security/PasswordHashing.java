package eu.clustercalls.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.springframework.stereotype.Component;

import eu.clustercalls.config.ClusterCallsProperties;

/**
 * Camunda's identity service, the one user store (Tasklist, Admin, the engine REST API and our API), hashes new
 * passwords with PBKDF2 instead of its default salted SHA-512, which a graphics card tries by the billion a second.
 * Hashes from before keep verifying without more configuration: Camunda's PasswordManager always checks
 * {@code {SHA}} and {@code {SHA-512}} hashes itself (registering SHA-512 again as a custom checker would stop the
 * engine), with the salt of ACT_ID_USER.SALT_ appended to the password, as it does for every algorithm. An old hash
 * is replaced by a PBKDF2 one when its user's password is next set.
 */
@Component
class PasswordHashing extends AbstractProcessEnginePlugin {

    private final int iterations;

    PasswordHashing(ClusterCallsProperties properties) {
        this.iterations = properties.passwordHashIterations();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Pbkdf2PasswordEncryptor encryptor = new Pbkdf2PasswordEncryptor(iterations);
        configuration.setPasswordEncryptor(encryptor);
        configuration.setPasswordManager(new Passwords(encryptor));
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
