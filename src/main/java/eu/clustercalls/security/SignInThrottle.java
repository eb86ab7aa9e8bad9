package eu.clustercalls.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins slow down and lock, for a while only, by two counts kept in the database (so every node applies
 * them, and a restart does not forget them):
 * <ul>
 * <li>a user name at a client address: after {@code user-failures-before-lock} (5) failures in a row that user name
 * is locked at that address for {@code first-lock} (1 minute), each further failure doubles it up to
 * {@code longest-lock} (15 minutes); a right password from that address clears the count. Another address is
 * never locked by it, so an attacker's guesses never keep the right user out;</li>
 * <li>a client address: after {@code client-failures-before-lock} (20) failures, whatever the user names (known or
 * not), the address is locked for every user name the same way, which stops one address trying a password on many
 * users. Successes do not count it down.</li>
 * </ul>
 * A sign-in during a lock is refused without a password check and does not count. Counts are forgotten
 * {@code forget-after} (24 hours) after their last failure. No lock outlasts the longest lock, even when a node's
 * clock differs from the one that wrote the failure.
 */
@Component
class SignInThrottle {

    private static final String USER = "U";
    private static final String CLIENT = "C";
    /** Camunda's user ids are at most 64 characters: a longer name is no user, and cut to this. */
    private static final int KEY_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SignInProperties settings;

    SignInThrottle(JdbcTemplate jdbc, Clock clock, SignInProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** The failures on record for a user name at a client address and for the address. */
    Standing standing(String user, String client) {
        Standing standing = new Standing(clock.instant());
        // Two lookups by primary key in one round trip.
        jdbc.query("select kind, failures, last_failure_at from sign_in_failure "
                + "where kind = 'U' and user_name = ? and client = ? union all "
                + "select kind, failures, last_failure_at from sign_in_failure "
                + "where kind = 'C' and user_name = '' and client = ?", rs -> {
                    Strikes strikes = new Strikes(rs.getInt("failures"),
                            rs.getObject("last_failure_at", OffsetDateTime.class).toInstant());
                    if (USER.equals(rs.getString("kind"))) {
                        standing.user = strikes;
                    } else {
                        standing.client = strikes;
                    }
                }, key(user), key(client), key(client));
        return standing;
    }

    /** Counts a failure against the user name at the address and against the address; the lock it leaves. */
    Duration failed(String user, String client) {
        Instant now = clock.instant();
        count(USER, key(user), key(client), now);
        count(CLIENT, "", key(client), now);
        return standing(user, client).lockLeft();
    }

    /** A right password: the user name starts afresh at this address (the address's own count stays). */
    void succeeded(String user, String client, Standing before) {
        if (before.user != null) {
            jdbc.update("delete from sign_in_failure where kind = 'U' and user_name = ? and client = ?", key(user),
                    key(client));
        }
    }

    /** Lifts the user name's locks at every address. */
    void unlock(String user) {
        jdbc.update("delete from sign_in_failure where kind = 'U' and user_name = ?", key(user));
    }

    /** Lifts every address's own lock. */
    int unlockClients() {
        return jdbc.update("delete from sign_in_failure where kind = 'C'");
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void forgetOldFailures() {
        jdbc.update("delete from sign_in_failure where last_failure_at < ?",
                at(clock.instant().minus(settings.forgetAfter())));
    }

    private void count(String kind, String user, String client, Instant now) {
        String increment = "update sign_in_failure set "
                + "failures = case when last_failure_at < ? then 1 else failures + 1 end, last_failure_at = ? "
                + "where kind = ? and user_name = ? and client = ?";
        Object[] arguments = { at(now.minus(settings.forgetAfter())), at(now), kind, user, client };
        if (jdbc.update(increment, arguments) > 0) {
            return;
        }
        try {
            jdbc.update("insert into sign_in_failure (kind, user_name, client, failures, last_failure_at) "
                    + "values (?, ?, ?, 1, ?)", kind, user, client, at(now));
        } catch (DuplicateKeyException e) {
            // Another request inserted it meanwhile.
            jdbc.update(increment, arguments);
        }
    }

    /** User names count whatever their case, as a case-insensitive database would find the user. */
    private static String key(String value) {
        String key = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Strikes(int failures, Instant lastFailure) {
    }

    /** A user name's and its address's failures as read at one moment. */
    final class Standing {

        private final Instant now;
        private Strikes user;
        private Strikes client;

        private Standing(Instant now) {
            this.now = now;
        }

        /** How long the user name must still wait at this address: zero when it may try. */
        Duration lockLeft() {
            Duration user = lockLeft(this.user, settings.userFailuresBeforeLock());
            Duration client = lockLeft(this.client, settings.clientFailuresBeforeLock());
            return user.compareTo(client) >= 0 ? user : client;
        }

        private Duration lockLeft(Strikes strikes, int failuresBeforeLock) {
            if (strikes == null || strikes.failures() < failuresBeforeLock
                    || strikes.lastFailure().isBefore(now.minus(settings.forgetAfter()))) {
                return Duration.ZERO;
            }
            Duration lock = lock(strikes.failures() - failuresBeforeLock);
            Duration left = Duration.between(now, strikes.lastFailure().plus(lock));
            return left.isNegative() ? Duration.ZERO : left.compareTo(lock) > 0 ? lock : left;
        }

        /** The first lock, doubled for each failure beyond it, at most the longest. */
        private Duration lock(int furtherFailures) {
            Duration lock = settings.firstLock();
            for (int i = 0; i < furtherFailures && lock.compareTo(settings.longestLock()) < 0; i++) {
                lock = lock.multipliedBy(2);
            }
            return lock.compareTo(settings.longestLock()) > 0 ? settings.longestLock() : lock;
        }
    }
}
