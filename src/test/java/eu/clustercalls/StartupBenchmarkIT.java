package eu.clustercalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Start-up to ready and resident memory, the packaged jar as a newcomer or a server starts it: its own JVM with the
 * JVM options the application is run with ({@code clustercalls.jvm-options} in pom.xml, which {@code ./mvnw
 * spring-boot:run} uses too), the embedded default (demo profile, an H2 file, fresh under
 * {@code target/startup-benchmark}). Ready means the readiness probe answers 200: after the demo data is seeded,
 * when the application takes traffic. It starts twice: on the empty store (schema and demo data created) and again
 * on the same store, as after a restart. Prints the figures; asserts only that the demo came up.
 *
 * <p>Run: {@code ./mvnw -Pbench verify} (a failsafe test: it needs the jar of the package phase).
 */
class StartupBenchmarkIT {

    private static final Path STORE = Path.of("target", "startup-benchmark");
    private static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startUpToReadyAndResidentMemoryWithDemoData() throws Exception {
        BenchmarkStore.clear(STORE.toString());
        Files.createDirectories(STORE);
        Start first = start("first start, empty store");
        Start again = start("restart, same store");

        StringBuilder out = new StringBuilder("startup benchmark: the packaged jar, demo profile, H2 file\n");
        out.append(String.format(Locale.ROOT, "  machine: %d cores, %.1f GiB memory, Java %s; JVM options: %s%n",
                Runtime.getRuntime().availableProcessors(), totalMemoryGib(), System.getProperty("java.version"),
                jvmOptions().isEmpty() ? "(none)" : String.join(" ", jvmOptions())));
        for (Start start : List.of(first, again)) {
            out.append(String.format(Locale.ROOT, "  %-26s ready after %5.1f s (Spring's own figure: %s); resident "
                    + "memory %4d MB when ready, %4d MB %d s later after a few pages%n", start.name, start.ready,
                    start.springSays, start.rssReadyMb, start.rssSettledMb, SETTLE.toSeconds()));
        }
        out.append(String.format(Locale.ROOT, "startup=%.1fs rss=%dMB", first.ready, first.rssSettledMb));
        System.out.println(out);
    }

    private Start start(String name) throws Exception {
        int port = freePort();
        Path log = STORE.resolve("node-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", PackagedJar.path().toString(), "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:./" + STORE + "/clustercalls",
                "--clustercalls.payment-directory=" + STORE.resolve("payments")));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            awaitReady(process, port, log);
            double ready = (System.nanoTime() - launched) / 1e9;
            long rssReady = residentMb(process);
            String base = "http://127.0.0.1:" + port;
            // The demo is there: its open calls are listed, and the pages render.
            assertThat(get(base + "/api/calls").body()).as("the demo's open calls").contains("Montreal");
            Thread.sleep(SETTLE.toMillis());
            for (String page : List.of("/portal", "/portal/sign-in", "/api/calls", "/camunda/app/welcome/default/")) {
                assertThat(get(base + page).statusCode()).as(page).isLessThan(400);
            }
            long rssSettled = residentMb(process);
            String springSays = Files.readAllLines(log).stream().filter(line -> line.contains("Started ClusterCalls"))
                    .map(line -> line.substring(line.indexOf("Started "))).findFirst().orElse("(not logged)");
            return new Start(name, ready, springSays, rssReady, rssSettled);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void awaitReady(Process process, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the node stopped while starting, see " + log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within " + AT_MOST + ", see " + log);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long residentMb(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst()
                .orElseThrow(() -> new AssertionError("no VmRSS in /proc: this benchmark needs Linux"));
    }

    private static double totalMemoryGib() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024.0 / 1024;
    }

    private static List<String> jvmOptions() {
        String options = System.getProperty("clustercalls.jvm-options", "").trim();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Start(String name, double ready, String springSays, long rssReadyMb, long rssSettledMb) {
    }
}
