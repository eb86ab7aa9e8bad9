package eu.clustercalls.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Paces the accepted sign-ins of each user name on this node: a burst at once, then a steady rate, each one over
 * it waiting its turn (at most {@link #MAX_WAIT}) instead of being answered at once. HTTP Basic signs in on every
 * request, so a script of one user is paced too, as an API's rate limit; people signing in by hand never notice.
 * Only accepted sign-ins count, so nobody without the password can slow a user down. A flood of right passwords,
 * one account in a loop from many clients, then waits instead of taking the cores from everybody else. At most
 * {@link #MAX_WAITING} requests of all users wait at once (each holds a server thread); beyond, or beyond the
 * longest wait, the sign-in is refused as busy.
 */
final class SignInPace {

    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    static final int MAX_WAITING = 50;
    /** Bounds the memory of user names seen; those whose turn has passed are forgotten first. */
    private static final int MAX_USERS = 10_000;

    /** Waits, interruptibly. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long interval;
    private final long burst;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** Per user name, when its next sign-in would be on time at the steady rate (GCRA's theoretical arrival time). */
    private final Map<String, Long> nextOnTime = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    SignInPace(int perSecond, int burst, LongSupplier nanoTime, Sleeper sleeper) {
        this.interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
        this.burst = (Math.max(1, burst) - 1) * interval;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    SignInPace(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime, nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
    }

    /** Lets this accepted sign-in go on, after waiting its turn if it must; false when it may not wait that long. */
    boolean admit(String user) {
        long now = nanoTime.getAsLong();
        if (nextOnTime.size() >= MAX_USERS) {
            nextOnTime.values().removeIf(next -> next < now);
        }
        long[] wait = { 0 };
        nextOnTime.compute(user, (key, next) -> {
            long onTime = next == null ? now : Math.max(next, now);
            wait[0] = onTime - burst - now;
            if (wait[0] > MAX_WAIT.toNanos()) {
                return next;
            }
            return onTime + interval;
        });
        if (wait[0] <= 0) {
            return true;
        }
        if (wait[0] > MAX_WAIT.toNanos()) {
            return false;
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            sleeper.sleep(wait[0]);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
