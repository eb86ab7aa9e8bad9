package eu.clustercalls.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The throttle of failed sign-ins ({@link SignInThrottle}) and the host's way to lift it.
 *
 * @param userFailuresBeforeLock   failed sign-ins in a row with one user name from one client address, after which
 *                                 that user name is locked at that address
 * @param clientFailuresBeforeLock failed sign-ins from one client address, whatever the user names, after which the
 *                                 address is locked for every user name (successes do not count them down)
 * @param firstLock                the first lock; each further failure after a lock doubles it
 * @param longestLock              no lock is longer: the most anyone is ever kept waiting
 * @param forgetAfter              failures are forgotten this long after the last one
 * @param checksPerClient          password checks (PBKDF2) a client address may have under way at once on a node
 * @param perUserBurst             accepted sign-ins of one user name at once on a node ({@link SignInPace})
 * @param perUserPerSecond         accepted sign-ins of one user name a second on a node after the burst
 * @param unlockUsers              users whose locks a start lifts (a locked administrator, say): at every address,
 *                                 Camunda's own lock columns too, and every address's own lock
 */
@ConfigurationProperties("clustercalls.sign-in")
record SignInProperties(int userFailuresBeforeLock, int clientFailuresBeforeLock, Duration firstLock,
        Duration longestLock, Duration forgetAfter, int checksPerClient, int perUserBurst, int perUserPerSecond,
        List<String> unlockUsers) {

    SignInProperties {
        unlockUsers = unlockUsers == null ? List.of() : List.copyOf(unlockUsers);
    }
}
