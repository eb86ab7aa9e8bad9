package eu.clustercalls.portal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The durations of one kind of request and what went wrong with them, kept by one client at a time (each client
 * its own, then added up with {@link #add}).
 */
final class LoadFigures {

    /** The first thing that went wrong, with the body the server answered (cut short), if any. */
    record Failure(long at, String step, String what, String body) {
    }

    private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private Failure first;

    void took(String step, long duration) {
        nanos.computeIfAbsent(step, s -> new ArrayList<>()).add(duration);
    }

    /** An unexpected status ("500") or an exception (its class) in that step. */
    void failed(String step, String what, String body) {
        errors.merge(step + " " + what, 1, Integer::sum);
        if (first == null) {
            first = new Failure(System.nanoTime(), step, what,
                    body == null ? "" : body.substring(0, Math.min(body.length(), 2000)));
        }
    }

    void add(LoadFigures other) {
        other.nanos.forEach((step, durations) -> nanos.computeIfAbsent(step, s -> new ArrayList<>()).addAll(durations));
        other.errors.forEach((what, count) -> errors.merge(what, count, Integer::sum));
        if (other.first != null && (first == null || other.first.at() < first.at())) {
            first = other.first;
        }
    }

    int count(String step) {
        return nanos.getOrDefault(step, List.of()).size();
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> errors() {
        return errors;
    }

    Failure firstFailure() {
        return first;
    }

    /** "n 1,234, p50 12.3 ms, p95 …, p99 …, max …" of that step's successful requests. */
    String summary(String step) {
        long[] sorted = nanos.getOrDefault(step, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "n 0";
        }
        return String.format(Locale.ROOT, "n %,d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms",
                sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]),
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    double percentileMillis(String step, int percent) {
        long[] sorted = nanos.getOrDefault(step, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : millis(percentile(sorted, percent));
    }

    /** The nearest-rank percentile: the smallest duration that at least that share of the requests did not exceed. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
