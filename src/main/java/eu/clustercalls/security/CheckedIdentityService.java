package eu.clustercalls.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's IdentityService, which the Camunda webapps, the engine REST API and our code all use:
 * <ul>
 * <li>a password is checked by {@link SignInCheck}, like every other sign-in (Camunda's own check would lock a user
 * for good after a few failures, and pay PBKDF2 each time);</li>
 * <li>unlocking a user (Camunda Admin, {@code POST /engine-rest/user/{id}/unlock}) also lifts the throttle's locks
 * of that user name;</li>
 * <li>a password against the policy ({@link PasswordLength}) is refused as a bad request (400 through the REST API
 * with the sentence), not as the engine's generic error, which the REST API answers with 500.</li>
 * </ul>
 */
final class CheckedIdentityService extends IdentityServiceImpl {

    private final SignInCheck signIns;
    private final SignInThrottle throttle;

    CheckedIdentityService(SignInCheck signIns, SignInThrottle throttle) {
        this.signIns = signIns;
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return signIns.check(userId, password).isAccepted();
    }

    @Override
    public void unlockUser(String userId) {
        super.unlockUser(userId);
        throttle.unlock(userId);
    }

    @Override
    public void saveUser(User user, boolean skipPasswordPolicy) {
        if (!skipPasswordPolicy && user instanceof UserEntity entity && entity.hasNewPassword()
                && !commandExecutor.execute(context -> !context.getProcessEngineConfiguration().isEnablePasswordPolicy()
                        || entity.checkPasswordAgainstPolicy())) {
            throw new BadUserRequestException(PasswordLength.TOO_SHORT);
        }
        super.saveUser(user, skipPasswordPolicy);
    }
}
