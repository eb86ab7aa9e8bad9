package eu.clustercalls.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.BenchmarkStore;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.ServiceStarts;

/**
 * A call with N applications (property {@code bench.applications}, 10,000 by default) waiting at "Review
 * eligibility", written straight into the tables by {@link ScoredApplications} (the automatic check would take far
 * longer), some of the tasks past their due date. Over real HTTP to the application on a random port, it times
 * what people do with such a call:
 * <ul>
 * <li>a reviewer's Tasklist: the engine REST API with HTTP Basic, as Tasklist asks for "My group's tasks" (the
 * list of the first 15, newest first, and the count), both as a plain task query and through the shared filter
 * with the variables and the HAL links that Tasklist fetches; and, apart, a request that only signs in, so that
 * the query's own cost shows (HTTP Basic checks the password with PBKDF2 on every request, at the production
 * iteration count here);</li>
 * <li>the call manager's dashboard page of the call, signed in with the portal's form, and its CSV of every
 * application.</li>
 * </ul>
 * Each is timed on its first request and then {@code bench.repeats} (20) more times: median and 95th percentile.
 * Setting up the data is not counted. The store is the embedded default, H2 in a file under
 * {@code target/large-call-benchmark}, fresh each run. It prints the figures and asserts only that the answers are
 * right, never how long they took.
 *
 * <p>Run: {@code ./mvnw -Pbench verify -DskipITs -Dtest=LargeCallBenchmark} (or {@code -Dbench.applications=500}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./" + LargeCallBenchmark.STORE + "/clustercalls;AUTO_SERVER=FALSE",
        "clustercalls.password-hash-iterations=" + LargeCallBenchmark.PRODUCTION_ITERATIONS,
        // The engine REST API serves the engine named "default"; the test profile names each context's apart.
        "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@Import(Scenario.class)
class LargeCallBenchmark {

    static final String STORE = "target/large-call-benchmark";
    /** As application.yaml sets it for production: every HTTP Basic request pays it. */
    static final int PRODUCTION_ITERATIONS = 310_000;
    private static final int N = Integer.getInteger("bench.applications", 10_000);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 20);
    /** More than the dashboard lists (DashboardService.OVERDUE_LIMIT, 100). */
    private static final int OVERDUE = 150;
    private static final int PAGE = 15;
    private static final long ID_BASE = 600_000_000L;
    private static final String MY_GROUP_TASKS = """
            {"candidateGroups": ["%s"], "includeAssignedTasks": true, "active": true,
             "sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""".formatted(Roles.ELIGIBILITY_REVIEWERS);

    static {
        BenchmarkStore.clear(STORE);
    }

    @LocalServerPort
    int port;
    @Value("${clustercalls.password-hash-iterations}")
    int iterations;
    @Autowired
    Scenario scenario;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ServiceStarts starts;
    @Autowired
    TaskService taskService;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();

    @Test
    void aReviewersTasklistAndTheManagersDashboardOfACallWithTenThousandApplications() throws Exception {
        long setupStart = System.nanoTime();
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        ScoredApplications applications = new ScoredApplications(jdbc, transactions, runtimeService, starts);
        applications.insertInReview(call, cluster, N, ID_BASE);
        applications.startProcessesAtEligibilityReview(call, N, ID_BASE);
        Instant overdue = Instant.now().minus(Duration.ofDays(2));
        for (Task task : taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_ELIGIBILITY_REVIEW)
                .processVariableValueEquals(FundingCallProcess.VAR_CALL_ID, call.getId()).listPage(0, OVERDUE)) {
            taskService.setDueDate(task.getId(), Date.from(overdue));
        }
        double setup = (System.nanoTime() - setupStart) / 1e9;
        System.out.printf(Locale.ROOT, "large call benchmark: set up in %.1f s%n", setup);

        tasklist(cluster.reviewer());
        dashboard(cluster.manager(), call);
        print(setup);
    }

    // --- the reviewer's Tasklist ---

    private void tasklist(String reviewer) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((reviewer + ":" + Scenario.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        time("GET /engine-rest/version (HTTP Basic only)", () -> send(http, request("/engine-rest/version")
                .header("Authorization", basic).GET(), 200));

        List<String> listed = new ArrayList<>();
        time("POST /engine-rest/task (15 newest of my groups)", () -> {
            String body = send(http, request("/engine-rest/task?firstResult=0&maxResults=" + PAGE)
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MY_GROUP_TASKS)), 200);
            listed.clear();
            read(body).forEach(task -> listed.add(task.get("created").asText()));
            return body;
        });
        assertThat(listed).as("a page of tasks, the newest first").hasSize(Math.min(PAGE, N))
                .isSortedAccordingTo(Comparator.reverseOrder());

        long[] count = new long[1];
        time("POST /engine-rest/task/count (my groups)", () -> {
            String body = send(http, request("/engine-rest/task/count").header("Authorization", basic)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MY_GROUP_TASKS)), 200);
            count[0] = read(body).get("count").asLong();
            return body;
        });
        assertThat(count[0]).as("the reviewer sees every review task of the cluster").isEqualTo(N);

        // Tasklist itself goes through the shared filter, asking for HAL (assignees, definitions, the filter's
        // variables embedded).
        String filters = send(http, request("/engine-rest/filter?resourceType=Task&name="
                + URLEncoder.encode("My group's tasks", StandardCharsets.UTF_8)).header("Authorization", basic).GET(), 200);
        String filterId = read(filters).get(0).get("id").asText();
        int[] embedded = new int[1];
        time("POST /engine-rest/filter/{id}/list (Tasklist, HAL)", () -> {
            String body = send(http, request("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=" + PAGE)
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .header("Accept", "application/hal+json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}")), 200);
            embedded[0] = read(body).path("_embedded").path("task").size();
            return body;
        });
        assertThat(embedded[0]).isEqualTo(Math.min(PAGE, N));
        time("POST /engine-rest/filter/{id}/count (Tasklist)", () -> {
            String body = send(http, request("/engine-rest/filter/" + filterId + "/count")
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")), 200);
            count[0] = read(body).get("count").asLong();
            return body;
        });
        assertThat(count[0]).isEqualTo(N);
    }

    // --- the manager's dashboard ---

    private void dashboard(String manager, FundingCall call) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String signIn = send(browser, request("/portal/sign-in").GET(), 200);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signIn);
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(request("/portal/sign-in")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + manager + "&password=" + Scenario.PASSWORD
                        + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("signed in, sent on").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        String[] page = new String[1];
        time("GET /dashboard/calls/{id} (call manager)", () -> page[0] = send(browser,
                request("/dashboard/calls/" + call.getId()).GET(), 200));
        Document shown = Jsoup.parse(page[0]);
        assertThat(shown.select("#funnel tr[data-stage=submitted] .count").text()).isEqualTo(String.valueOf(N));
        assertThat(shown.select("#engine-counts tr[data-activity=" + ApplicationProcess.TASK_ELIGIBILITY_REVIEW
                + "] .count").text()).as("the instances at the review task").isEqualTo(String.valueOf(N));
        assertThat(shown.select("#overdue-tasks tr[data-task]")).as("the overdue tasks listed")
                .hasSize(Math.min(OVERDUE, 100));
        assertThat(shown.select("#overdue-tasks td.owner").first().text()).contains(Roles.ELIGIBILITY_REVIEWERS);

        String[] csv = new String[1];
        time("GET /dashboard/calls/{id}/applications.csv", () -> csv[0] = send(browser,
                request("/dashboard/calls/" + call.getId() + "/applications.csv").GET(), 200));
        assertThat(csv[0].split("\r\n")).as("a header and every application").hasSize(N + 1);
    }

    // --- timing ---

    private void time(String what, ThrowingSupplier request) throws Exception {
        long start = System.nanoTime();
        request.get();
        double first = millis(start);
        double[] warm = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            start = System.nanoTime();
            request.get();
            warm[i] = millis(start);
        }
        Arrays.sort(warm);
        lines.add(String.format(Locale.ROOT, "  %-52s first %7.0f ms, median %6.0f ms, p95 %6.0f ms, max %6.0f ms",
                what, first, warm[(REPEATS - 1) / 2], warm[(int) Math.ceil(0.95 * REPEATS) - 1], warm[REPEATS - 1]));
        // At once too, in case a later request fails.
        System.out.println("large call benchmark:" + lines.get(lines.size() - 1));
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        Object get() throws Exception;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }

    private JsonNode read(String body) throws Exception {
        return json.readTree(body);
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private void print(double setup) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String h2 = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductVersion());
        System.out.println(String.format(Locale.ROOT, """

                ==================================================================================================
                large call benchmark: %,d applications waiting at "Review eligibility" (%,d open tasks, %d overdue)
                over HTTP on localhost, one client at a time; first request, then %d more (median, p95, max):
                %s
                  HTTP Basic: PBKDF2-SHA256 with %,d iterations per request (the production count)
                  not counted: setup %.1f s (rows by JDBC batches, instances started at the review task)
                store: embedded default H2 %s in a file under %s (fresh), job executor off
                machine: %d cores, %.1f GiB memory, max heap %.1f GiB, Java %s, %s on %s
                date: %s
                ==================================================================================================
                """, N, N, OVERDUE, REPEATS, String.join("\n", lines), iterations, setup, h2, STORE,
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), LocalDate.now(ZoneOffset.UTC)));
    }
}
