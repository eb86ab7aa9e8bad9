package eu.clustercalls.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one password check of every sign-in door: HTTP Basic on the API and the engine REST API, the portal's form,
 * and everything that asks Camunda's IdentityService (the webapps' sign-in, {@code /engine-rest/identity/verify},
 * a password change's check of the current one), through {@link CheckedIdentityService}. In this order:
 * <ol>
 * <li>the throttle ({@link SignInThrottle}): a locked user name or address is refused without a check;</li>
 * <li>a password verified in the last few minutes ({@link VerifiedPasswords}) is right without PBKDF2;</li>
 * <li>otherwise PBKDF2, at most {@code checks-per-client} at once per client address on this node (so that one
 * address cannot get past its failure count with many requests at once, nor take every core); an unknown user
 * name, or a user without a password, is checked against a stand-in hash of the same cost, so that the answer and
 * its time do not tell whether the user exists;</li>
 * <li>an accepted sign-in waits its turn if its user name signs in faster than {@link SignInPace} lets it.</li>
 * </ol>
 * Outside any engine command: neither PBKDF2 nor the throttle's queries hold the engine's transaction meanwhile.
 * Each refusal is logged on one line; those of a throttled address at most once a minute.
 */
@Component
class SignInCheck {

    /** The request attribute with the result of a sign-in, for answers that only learn true or false. */
    static final String RESULT = SignInCheck.class.getName() + ".result";
    private static final Logger log = LoggerFactory.getLogger(SignInCheck.class);
    private static final long LOG_THROTTLED_EVERY_MILLIS = 60_000;
    /** How long a password check waits for its address's turn before the sign-in is answered "busy". */
    private static final Duration CHECK_WAIT = Duration.ofSeconds(10);
    /** Bounds the memory of when a throttled address was last logged; clearing only logs again. */
    private static final int MAX_LOGGED = 10_000;

    private final SignInThrottle throttle;
    private final VerifiedPasswords verifiedPasswords;
    private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
    private final int checksPerClient;
    private final SignInPace pace;
    private final Map<String, Semaphore> checksUnderWay = new ConcurrentHashMap<>();
    private final Map<String, Long> throttledLoggedAt = new ConcurrentHashMap<>();
    private volatile String standInHash;

    SignInCheck(SignInThrottle throttle, VerifiedPasswords verifiedPasswords,
            ObjectProvider<ProcessEngineConfigurationImpl> engine, SignInProperties settings) {
        this.throttle = throttle;
        this.verifiedPasswords = verifiedPasswords;
        this.engine = engine;
        this.checksPerClient = Math.max(1, settings.checksPerClient());
        this.pace = new SignInPace(settings.perUserPerSecond(), settings.perUserBurst());
    }

    /** Checks a sign-in from the client of the current request ({@link ClientAddress#current()}). */
    SignInResult check(String userName, String password) {
        return check(userName, password, ClientAddress.current());
    }

    /** Checks a sign-in from this client address (as {@link ClientAddress} counts it). */
    SignInResult check(String userName, String password, String client) {
        String user = userName == null ? "" : userName;
        SignInResult result = decide(user, password == null ? "" : password, client);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RESULT, result, RequestAttributes.SCOPE_REQUEST);
        }
        return result;
    }

    private SignInResult decide(String user, String password, String client) {
        SignInThrottle.Standing standing = throttle.standing(user, client);
        Duration lockLeft = standing.lockLeft();
        if (!lockLeft.isZero()) {
            logThrottled(user, client, "locked for " + minutes(lockLeft) + " more");
            return SignInResult.locked(lockLeft);
        }
        UserEntity stored = stored(user);
        if (stored != null && verifiedPasswords.isRemembered(stored, password)) {
            throttle.succeeded(user, client, standing);
            return paced(user, client);
        }
        Semaphore checks = startCheck(client);
        if (checks == null) {
            logThrottled(user, client, "its password checks waited their turn too long");
            return SignInResult.busy();
        }
        boolean right;
        Duration lock = Duration.ZERO;
        try {
            // Guesses sent at once from one address wait here, and find the lock that earlier ones brought.
            standing = throttle.standing(user, client);
            lockLeft = standing.lockLeft();
            if (!lockLeft.isZero()) {
                return SignInResult.locked(lockLeft);
            }
            right = matches(stored, password);
            if (!right) {
                // Counted before the next in line reads the standing, so it meets the lock this failure brings.
                lock = throttle.failed(user, client);
            }
        } finally {
            endCheck(client, checks);
        }
        if (right) {
            verifiedPasswords.remember(stored, password);
            throttle.succeeded(user, client, standing);
            return paced(user, client);
        }
        if (lock.isZero()) {
            log.info("Sign-in of '{}' from {} refused: wrong password{}.", printable(user), client,
                    stored == null ? " (no such user)" : "");
        } else {
            log.warn("Sign-in of '{}' from {} refused: wrong password{}; too many failures, locked for {}.",
                    printable(user), client, stored == null ? " (no such user)" : "", minutes(lock));
        }
        return SignInResult.wrong(lock);
    }

    private SignInResult paced(String user, String client) {
        if (pace.admit(user)) {
            return SignInResult.accepted();
        }
        logThrottled(user, client, "its user name signs in faster than it may");
        return SignInResult.busy();
    }

    /** As Camunda's own check finds the user (with its authorization check for a signed-in caller). */
    private UserEntity stored(String user) {
        if (user.isEmpty()) {
            return null;
        }
        User found = engine.getObject().getCommandExecutorTxRequired()
                .execute(context -> context.getReadOnlyIdentityProvider().findUserById(user));
        return found instanceof UserEntity entity ? entity : null;
    }

    /** As Camunda's own check compares (the salt appended), or against the stand-in at the same cost. */
    private boolean matches(UserEntity stored, String password) {
        var passwords = engine.getObject().getPasswordManager();
        if (stored == null || stored.getPassword() == null) {
            passwords.check(password, standInHash());
            return false;
        }
        return passwords.check(EncryptionUtil.saltPassword(password, stored.getSalt()), stored.getPassword());
    }

    /** A hash of a random password, made as a password set now is made (the current PBKDF2 rounds). */
    private String standInHash() {
        String hash = standInHash;
        if (hash == null) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            hash = engine.getObject().getPasswordManager().encrypt(HexFormat.of().formatHex(random));
            standInHash = hash;
        }
        return hash;
    }

    /**
     * A turn for a password check of this address: at most {@code checks-per-client} run at once, the others wait
     * in line (staff behind one office's address sign in together); null after {@link #CHECK_WAIT} in line.
     */
    private Semaphore startCheck(String client) {
        Semaphore checks = checksUnderWay.computeIfAbsent(client, key -> new Semaphore(checksPerClient, true));
        try {
            return checks.tryAcquire(CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS) ? checks : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void endCheck(String client, Semaphore checks) {
        checks.release();
        // An address with nothing under way and nobody waiting is forgotten, so the map stays small.
        checksUnderWay.computeIfPresent(client, (key, current) -> current == checks
                && current.availablePermits() == checksPerClient && !current.hasQueuedThreads() ? null : current);
    }

    private void logThrottled(String user, String client, String why) {
        long now = System.currentTimeMillis();
        Long last = throttledLoggedAt.get(client);
        if (last != null && now - last < LOG_THROTTLED_EVERY_MILLIS) {
            return;
        }
        if (throttledLoggedAt.size() >= MAX_LOGGED) {
            throttledLoggedAt.clear();
        }
        throttledLoggedAt.put(client, now);
        log.info("Sign-in of '{}' from {} refused unchecked: {} (further refusals of this address are logged at most "
                + "once a minute).", printable(user), client, why);
    }

    private static String minutes(Duration duration) {
        long minutes = SignInResult.locked(duration).minutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** A user name as typed may hold anything: no line breaks or control characters in the log, and not too long. */
    private static String printable(String user) {
        String shown = user.length() > 100 ? user.substring(0, 100) + "…" : user;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
