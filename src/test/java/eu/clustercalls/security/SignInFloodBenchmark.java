package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.BenchmarkStore;
import eu.clustercalls.Scenario;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The sign-in flood of the security check: {@code bench.flood.clients} (20) clients sign in with one SME account in
 * a loop for {@code bench.flood.seconds} (20 s), each sending its next sign-in as soon as it has the answer, half
 * through the webapps' sign-in as Tasklist's page does it (the page for the session and its CSRF token, then the
 * form; an SME may not use Tasklist, so the right password is answered 403), half with HTTP Basic on the API. Each
 * client has an address of its own (X-Forwarded-For, as behind the production proxy), the hardest case for a
 * throttle by address. Meanwhile another user, from another address, asks for its applications (HTTP Basic) and
 * signs in to Tasklist, one request every 50 ms: their median and 95th percentile alone first (after as long
 * again to warm up), then during the flood.
 *
 * <p>A real server on a random port, the embedded default (H2 in a file under {@code target/sign-in-flood-benchmark},
 * fresh each run), the production's PBKDF2 rounds (310,000) and pace of sign-ins. It prints the figures and asserts only that every
 * answer was one expected (no 5xx, no refused right password, no failed request), never how long anything took.
 *
 * <p>Run: {@code ./mvnw -Pbench verify -DskipITs -Dtest=SignInFloodBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./" + SignInFloodBenchmark.STORE + "/clustercalls;AUTO_SERVER=FALSE",
        "clustercalls.password-hash-iterations=310000",
        // As application.yaml: the test profile does not pace sign-ins.
        "clustercalls.sign-in.per-user-burst=40", "clustercalls.sign-in.per-user-per-second=20",
        "server.forward-headers-strategy=native"})
@ActiveProfiles("test")
@Import(Scenario.class)
class SignInFloodBenchmark {

    static final String STORE = "target/sign-in-flood-benchmark";
    private static final int CLIENTS = Integer.getInteger("bench.flood.clients", 20);
    private static final int SECONDS = Integer.getInteger("bench.flood.seconds", 20);
    private static final int ALONE_SECONDS = Integer.getInteger("bench.flood.alone-seconds", 10);
    private static final long PAUSE_MS = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String OTHERS_ADDRESS = "10.20.0.1";
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static {
        BenchmarkStore.clear(STORE);
    }

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    MeterRegistry meters;

    /** Answers by door and status, e.g. "webapps 403". */
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    /** The first few unexpected answers, and how many there were. */
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong failed = new AtomicLong();
    private final HttpClient other = client();

    @Test
    void twentyClientsSigningInWithOneSmeAccountInALoop() throws Exception {
        String flooder = Scenario.contactOf(scenario.company(Scenario.figures(8, "1200000", "900000"), List.of()));
        String otherSme = Scenario.contactOf(scenario.company(Scenario.figures(8, "1200000", "900000"), List.of()));
        String reviewer = scenario.user("reviewer-" + Scenario.next(), Roles.ELIGIBILITY_REVIEWERS);

        // Warm, not counted: the JIT compiles the server's code paths; each password is checked (and remembered).
        measure(otherSme, reviewer, ALONE_SECONDS);
        Figures alone = measure(otherSme, reviewer, ALONE_SECONDS);

        double hashesBefore = hashes();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Long>> signIns = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String address = "10.66.0." + (c + 1);
            boolean webapps = c % 2 == 0;
            signIns.add(clients.submit(() -> flood(flooder, address, webapps, stop)));
        }
        Figures during = measure(otherSme, reviewer, SECONDS);
        stop.set(true);
        clients.shutdown();
        long total = 0;
        for (Future<Long> client : signIns) {
            total += client.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        }
        assertThat(clients.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        double floodHashes = hashes() - hashesBefore;

        print(alone, during, total, floodHashes);
        assertThat(failures).as("answers other than the expected ones (%d in all)", failed.get()).isEmpty();
        assertThat(answers.keySet()).as("every flood sign-in had its password right: accepted, or an SME kept out of "
                + "Tasklist, or throttled").allMatch(key -> key.matches("(webapps 403|api 200|other .* 200|.* 429)"));
    }

    /** One flood client: signs in again and again until stopped; how many times. */
    private long flood(String user, String address, boolean webapps, AtomicBoolean stop) {
        HttpClient http = client();
        long count = 0;
        while (!stop.get()) {
            try {
                int status = webapps ? signInToTasklist(http, address, user).statusCode()
                        : send(http, basic(address, "/api/applications", user)).statusCode();
                count((webapps ? "webapps " : "api ") + status);
                if (status >= 500 || status == 401) {
                    fail((webapps ? "webapps " : "api ") + status);
                }
                count++;
            } catch (Exception e) {
                fail(e.toString());
            }
        }
        return count;
    }

    /**
     * The other user, alone or during the flood: a request every 50 ms for that many seconds; and the share of the
     * machine's cores this JVM (server and clients) took meanwhile.
     */
    private Figures measure(String otherSme, String reviewer, int seconds) throws Exception {
        List<Double> api = new ArrayList<>();
        List<Double> tasklist = new ArrayList<>();
        long start = System.nanoTime();
        long cpuStart = OS.getProcessCpuTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            double[] times = othersRequests(otherSme, reviewer);
            api.add(times[0]);
            tasklist.add(times[1]);
            Thread.sleep(PAUSE_MS);
        }
        double cpu = (OS.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - start)
                / Runtime.getRuntime().availableProcessors();
        return new Figures(api, tasklist, cpu, OS.getSystemLoadAverage());
    }

    /** The other user's two requests: its applications through the API, and a sign-in to Tasklist (ms each). */
    private double[] othersRequests(String otherSme, String reviewer) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> applications = send(other, basic(OTHERS_ADDRESS, "/api/applications", otherSme));
        double api = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        HttpResponse<String> tasklist = signInToTasklist(other, OTHERS_ADDRESS, reviewer);
        double signIn = (System.nanoTime() - start) / 1e6;
        for (HttpResponse<String> answer : List.of(applications, tasklist)) {
            count("other " + answer.uri().getPath().replaceAll("/[^/]+$", "/…") + " " + answer.statusCode());
            if (answer.statusCode() != 200) {
                fail("the other user: " + answer.statusCode() + " " + answer.body());
            }
        }
        return new double[] { api, signIn };
    }

    /**
     * As a browser opening Tasklist's sign-in page does: the page for a new session and its CSRF token, then the
     * form with the page's cookies.
     */
    private HttpResponse<String> signInToTasklist(HttpClient http, String address, String user) throws Exception {
        HttpResponse<String> page = send(http, request(address, "/camunda/app/tasklist/").GET());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        return send(http, request(address, "/camunda/api/admin/auth/user/" + processEngine.getName()
                + "/login/tasklist").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token).header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Scenario.PASSWORD)));
    }

    private HttpRequest.Builder basic(String address, String path, String user) {
        return request(address, path).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + Scenario.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET();
    }

    private HttpRequest.Builder request(String address, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT)
                .header("X-Forwarded-For", address);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void fail(String what) {
        if (failed.incrementAndGet() <= 20) {
            failures.add(what);
        }
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, key -> new AtomicLong()).incrementAndGet();
    }

    private double hashes() {
        return meters.get(PasswordHashing.COMPUTATIONS).functionCounter().count();
    }

    /** The other user's times, this JVM's share of the cores, and the machine's load average at the end. */
    private record Figures(List<Double> api, List<Double> tasklist, double cpu, double load) {

        String line(String phase) {
            return String.format(Locale.ROOT, "  %-18s API (HTTP Basic) median %5.1f ms, p95 %6.1f ms | Tasklist "
                    + "sign-in median %5.1f ms, p95 %6.1f ms (%d each); this JVM %3.0f %% of the cores, load %.1f",
                    phase, percentile(api, 50), percentile(api, 95), percentile(tasklist, 50),
                    percentile(tasklist, 95), api.size(), 100 * cpu, load);
        }

        private static double percentile(List<Double> times, int percent) {
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            return sorted.get((int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        }
    }

    private void print(Figures alone, Figures during, long signIns, double floodHashes) {
        System.out.println(String.format(Locale.ROOT, """

                ==================================================================================================
                sign-in flood benchmark: %d clients, each from an address of its own, sign in with one SME account in
                a loop for %d s (half through the webapps' sign-in to Tasklist, half with HTTP Basic on /api)
                another user, from another address, every %d ms: its applications (HTTP Basic) and a Tasklist sign-in
                %s
                %s
                  p95 during / alone: API %.2f, Tasklist sign-in %.2f
                  flood: %,d sign-ins (%.0f/s), %,.0f PBKDF2 hashes computed meanwhile
                  answers: %s
                  PBKDF2-SHA256 with 310,000 iterations (the production count); failed answers: %d
                store: embedded default H2 in a file under %s (fresh), job executor off
                machine: %d cores, %.1f GiB memory, max heap %.1f GiB, Java %s, %s on %s
                date: %s
                ==================================================================================================
                """, CLIENTS, SECONDS, PAUSE_MS, alone.line("alone:"), during.line("during the flood:"),
                Figures.percentile(during.api(), 95) / Figures.percentile(alone.api(), 95),
                Figures.percentile(during.tasklist(), 95) / Figures.percentile(alone.tasklist(), 95),
                signIns, signIns / (double) SECONDS, floodHashes, new TreeMap<>(answers), failed.get(), STORE,
                Runtime.getRuntime().availableProcessors(), OS.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), LocalDate.now(ZoneOffset.UTC)));
    }
}
