package eu.clustercalls.company;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * The password of a sign-up that waits for its confirmation is kept as the engine keeps a user's (its salt and the
 * salted hash, with the installation's algorithm), and the user created at the confirmation gets it as it is: the
 * password is never stored in clear, nor hashed twice.
 */
@Component
class SignUpPasswords {

    private final ProcessEngine engine;
    private final IdentityService identityService;

    SignUpPasswords(ProcessEngine engine, IdentityService identityService) {
        this.engine = engine;
        this.identityService = identityService;
    }

    record Hashed(String salt, String hash) {
    }

    Hashed hash(String password) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        String salt = configuration.getSaltGenerator().generateSalt();
        return new Hashed(salt, configuration.getPasswordManager().encrypt(EncryptionUtil.saltPassword(password, salt)));
    }

    /** A new user (to save with the identity service) whose password is this hash. */
    User newUser(String username, Hashed password) {
        // The engine's own user store: a user without a new password in clear keeps the salt and hash it is given.
        UserEntity user = (UserEntity) identityService.newUser(username);
        user.setSalt(password.salt());
        user.setDbPassword(password.hash());
        return user;
    }
}
