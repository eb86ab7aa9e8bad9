package eu.clustercalls.company;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node forgets, once an hour, the sign-ups whose link expired unused: they hold personal data that nobody
 * confirmed. Deleting what another node deleted first does no harm.
 */
@Component
class SignUpRequestPurge {

    private static final Logger log = LoggerFactory.getLogger(SignUpRequestPurge.class);

    private final SignUpService signUps;

    SignUpRequestPurge(SignUpService signUps) {
        this.signUps = signUps;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    void purge() {
        try {
            int purged = signUps.purgeExpired();
            if (purged > 0) {
                log.info("Forgot {} sign-up(s) whose link expired unused", purged);
            }
        } catch (DataAccessException e) {
            log.warn("Expired sign-ups could not be purged; next try in an hour: {}", e.getMessage());
        }
    }
}
