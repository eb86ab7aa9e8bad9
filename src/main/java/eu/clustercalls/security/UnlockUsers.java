package eu.clustercalls.security;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The host's way in when nobody who may unlock can sign in: a start with {@code clustercalls.sign-in.unlock-users}
 * (e.g. {@code --clustercalls.sign-in.unlock-users=admin}) lifts those users' locks at every address, Camunda's own
 * lock of them (from before the throttle, or set by hand in the database) and every address's own lock, so they
 * can sign in at once from anywhere. Before the web server takes requests. Meant for one start: remove it after.
 */
@Component
class UnlockUsers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(UnlockUsers.class);

    private final SignInProperties settings;
    private final IdentityService identityService;
    private final SignInThrottle throttle;

    UnlockUsers(SignInProperties settings, IdentityService identityService, SignInThrottle throttle) {
        this.settings = settings;
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.unlockUsers().isEmpty()) {
            return;
        }
        for (String user : settings.unlockUsers()) {
            if (identityService.createUserQuery().userId(user).count() == 0) {
                log.warn("clustercalls.sign-in.unlock-users names '{}', which is no user: nothing to unlock.", user);
                continue;
            }
            identityService.unlockUser(user);
            log.warn("Unlocked '{}' (clustercalls.sign-in.unlock-users) at every address; remove the setting once "
                    + "it has signed in.", user);
        }
        int clients = throttle.unlockClients();
        log.warn("Forgot the failed sign-ins of {} client addresses, and so their locks (clustercalls.sign-in.unlock-users).",
                clients);
    }
}
