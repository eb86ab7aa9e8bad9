package eu.clustercalls.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attempts per key (a client address) within a sliding window, in this node's memory: how the anonymous forms that
 * mail somebody (sign-up, password reset) keep one client from flooding mailboxes or the server's cores.
 */
public final class RecentAttempts {

    /** Bounds the memory of keys seen; those with nothing in the window are forgotten first. */
    private static final int MAX_KEYS = 10_000;

    private final Map<String, Deque<Instant>> recentByKey = new ConcurrentHashMap<>();

    /** Counts an attempt by the key now if fewer than {@code max} were made within the window; whether it was. */
    public boolean admit(String key, int max, Instant now, Duration window) {
        Instant since = now.minus(window);
        if (recentByKey.size() >= MAX_KEYS) {
            recentByKey.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(since));
        }
        boolean[] admitted = { false };
        recentByKey.compute(key, (k, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : times;
            while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
                recent.pollFirst();
            }
            if (recent.size() < max) {
                recent.addLast(now);
                admitted[0] = true;
            }
            return recent;
        });
        return admitted[0];
    }
}
