package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

import eu.clustercalls.BenchmarkStore;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.FundingCall;

/**
 * SMEs submitting applications through the portal at once, over HTTP on loopback: N clients (property
 * {@code bench.load.clients}, 50 by default) for S seconds ({@code bench.load.seconds}, 60), each a browser of its
 * own (its cookie jar, its session) acting for its own member company. Each signs in once (timed apart), then
 * applies to one open call after another as the browser does: the apply form (GET, the CSRF token read from it),
 * the preview (POST), the submission with the four declarations ticked (POST, answered with a redirect), and the
 * application's page it leads to (GET). A company applies once per call, so the run is bounded in count as well:
 * N x C submissions ({@code bench.load.calls}, C open calls, 100 by default), and each request in time
 * ({@link LoadClient#TIMEOUT}).
 *
 * <p>The application runs in this JVM as it does in production on the embedded default: a real server on a random
 * port, H2 in a file (under {@code target/load-benchmark}, fresh each run), the job executor on, so the automatic
 * eligibility check that each submission starts runs during the load, and the production's password hashing
 * (sign-in costs what it costs in production). Setting up the calls and companies is not timed. It prints the
 * figures and asserts only that the result is right (every accepted submission stored exactly once, no error),
 * never how long it took. After the load, one more round alone shows what each step costs by itself: its time, the
 * CPU of this JVM, and its SQL statements ({@code -Dbench.load.sql=true} lists them).
 *
 * <p>Run: {@code ./mvnw -Pbench verify -DskipITs -Dtest=SubmissionLoadBenchmark}, or with
 * {@code -Dbench.load.clients=5 -Dbench.load.seconds=10 -Dbench.load.calls=20}
 * for a quick look. {@code -Dbench.load.think-ms=1000} makes each client pause that long before each request, as a
 * person reading the page would; the round's figure leaves the pauses out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./" + SubmissionLoadBenchmark.STORE + "/clustercalls;AUTO_SERVER=FALSE",
        // As in production: the test profile turns the job executor off and hashes passwords with fewer rounds.
        "camunda.bpm.job-execution.enabled=true",
        "clustercalls.password-hash-iterations=310000"})
@ActiveProfiles("test")
@Import(Scenario.class)
class SubmissionLoadBenchmark {

    static final String STORE = "target/load-benchmark";
    private static final int CLIENTS = Integer.getInteger("bench.load.clients", 50);
    private static final int SECONDS = Integer.getInteger("bench.load.seconds", 60);
    /** A person's pause between two pages (0: each client sends its next request as soon as it has the answer). */
    private static final long THINK_MS = Long.getLong("bench.load.think-ms", 0);
    private static final int CALLS = Integer.getInteger("bench.load.calls", 100);

    private static final String SIGN_IN = "sign-in (POST, password checked)";
    private static final String FORM = "apply form (GET)";
    private static final String PREVIEW = "preview (POST)";
    private static final String SUBMIT = "submit (POST, 302)";
    private static final String CONFIRMATION = "application page (GET after 302)";
    private static final String ROUND = "whole round (form+preview+submit+page)";
    private static final Pattern SUBMITTED = Pattern.compile("/portal/applications/(\\d+)\\?submitted$");
    private static final Map<String, String> ANSWERS = Map.of(
            "motivation", "We want to meet Canadian buyers of technical textiles.",
            "targetMarkets", "Canada",
            "exportExperience", "Exports to France and Italy.",
            "requestedAmount", "1,500.50",
            "participant0FullName", "Marta Puig",
            "participant0JobTitle", "Export manager");

    static {
        BenchmarkStore.clear(STORE);
    }


    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HikariDataSource dataSource;

    /** The applications the server said it stored (the id in its redirect), from every client. */
    private final Set<Long> accepted = ConcurrentHashMap.newKeySet();
    /** Clients that stopped before the time was up, having applied to every call: the count bound was reached. */
    private final AtomicInteger everyCallDone = new AtomicInteger();

    @Test
    void smesSubmittingApplicationsAtOnce() throws Exception {
        long setupStart = System.nanoTime();
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getJobExecutor();
        // Scenario runs the setup's jobs itself: the job executor must not take them at the same time.
        jobExecutor.shutdown();
        Scenario.Cluster cluster = scenario.cluster();
        List<FundingCall> calls = IntStream.range(0, CALLS).mapToObj(i -> scenario.publishedCall(cluster)).toList();
        List<String> smes = IntStream.range(0, CLIENTS)
                .mapToObj(i -> Scenario.contactOf(scenario.memberCompany(cluster))).toList();
        // One more, for the round that counts the SQL of each step alone.
        String alone = Scenario.contactOf(scenario.memberCompany(cluster));
        jobExecutor.start();
        double setup = seconds(setupStart);

        List<LoadClient> clients = smes.stream().map(sme -> new LoadClient(port)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            long signInStart = System.nanoTime();
            LoadFigures signIns = all(threads, IntStream.range(0, CLIENTS)
                    .mapToObj(i -> (Callable<LoadFigures>) () -> signIn(clients.get(i), smes.get(i))).toList(), 120);
            double signInSeconds = seconds(signInStart);

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            LoadFigures load = all(threads, clients.stream()
                    .map(client -> (Callable<LoadFigures>) () -> submitUntil(client, calls, end)).toList(),
                    SECONDS + 4L * LoadClient.TIMEOUT.toSeconds() + 30);
            double loadSeconds = seconds(start);
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;

            long jobsLeft = eligibilityJobs();
            long drainStart = System.nanoTime();
            long drainBound = drainStart + TimeUnit.SECONDS.toNanos(Math.max(60, SECONDS));
            while (eligibilityJobs() > 0 && System.nanoTime() < drainBound) {
                Thread.sleep(200);
            }
            double drain = seconds(drainStart);
            long jobsAfterDrain = eligibilityJobs();

            // Then one more round, alone, the job executor paused so that only the request's own SQL is counted (once
            // the queue is empty: a job it had taken but not run when paused would stay locked for minutes).
            jobExecutor.shutdown();
            Map<String, String> sql = sqlOfEachStep(alone, calls.get(0).getId());
            jobExecutor.start();

            print(setup, signIns, signInSeconds, load, loadSeconds, cpu, jobsLeft, drain, jobsAfterDrain, sql);
            assertEverySubmissionStoredOnce(load, signIns, jobsAfterDrain);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs the clients' tasks at once, each to its end (bounded), and adds up their figures. */
    private static LoadFigures all(ExecutorService threads, List<Callable<LoadFigures>> tasks, long boundSeconds)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        LoadFigures sum = new LoadFigures();
        for (Future<LoadFigures> result : threads.invokeAll(tasks, boundSeconds, TimeUnit.SECONDS)) {
            sum.add(result.get());
        }
        return sum;
    }

    // --- one client ---

    private static LoadFigures signIn(LoadClient client, String username) {
        LoadFigures figures = new LoadFigures();
        try {
            LoadClient.Response page = client.get("/portal/sign-in");
            Map<String, String> fields = LoadClient.form(page.body(), "form[action=\"/portal/sign-in\"]", false);
            if (page.status() != 200 || fields == null) {
                figures.failed("sign-in page", String.valueOf(page.status()), page.body());
                return figures;
            }
            fields.put("username", username);
            fields.put("password", Scenario.PASSWORD);
            LoadClient.Response signedIn = client.post("/portal/sign-in", fields);
            if (signedIn.status() == 302 && signedIn.location() != null && signedIn.location().endsWith("/portal/home")) {
                figures.took(SIGN_IN, signedIn.nanos());
            } else {
                figures.failed(SIGN_IN, signedIn.status() + " to " + signedIn.location(), signedIn.body());
            }
        } catch (IOException | InterruptedException e) {
            figures.failed(SIGN_IN, e.getClass().getSimpleName(), e.getMessage());
        }
        return figures;
    }

    /** Applies to one call after another, until the time is up or every call has its application. */
    private LoadFigures submitUntil(LoadClient client, List<FundingCall> calls, long end) {
        LoadFigures figures = new LoadFigures();
        int i = 0;
        for (; i < calls.size() && System.nanoTime() < end; i++) {
            String step = FORM;
            try {
                step = apply(client, calls.get(i).getId(), figures);
            } catch (IOException | InterruptedException e) {
                figures.failed(step, e.getClass().getSimpleName(), e.getMessage());
                if (e instanceof InterruptedException) {
                    return figures;
                }
            }
        }
        if (i == calls.size()) {
            everyCallDone.incrementAndGet();
        }
        return figures;
    }

    /** One application as the browser sends it; returns the step it stopped at (null when done). */
    private String apply(LoadClient client, Long callId, LoadFigures figures) throws IOException, InterruptedException {
        return apply(client, callId, figures, (step, response) -> { });
    }

    /** The same, telling {@code after} each step and its answer as soon as it has come. */
    private String apply(LoadClient client, Long callId, LoadFigures figures, BiConsumer<String, LoadClient.Response> after)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        String path = "/portal/calls/" + callId + "/apply";
        LoadClient.Response form = client.get(path);
        after.accept(FORM, form);
        Map<String, String> fields = form.status() == 200 ? LoadClient.form(form.body(), "#apply-form", false) : null;
        if (fields == null) {
            figures.failed(FORM, String.valueOf(form.status()), form.body());
            return FORM;
        }
        figures.took(FORM, form.nanos());
        fields.putAll(ANSWERS);
        fields.put("action", "preview");

        long thinking = think();
        LoadClient.Response preview = client.post(path, fields);
        after.accept(PREVIEW, preview);
        Map<String, String> declared = preview.status() == 200
                ? LoadClient.form(preview.body(), "form[action=\"" + path + "/submit\"]", true) : null;
        if (declared == null) {
            figures.failed(PREVIEW, String.valueOf(preview.status()), preview.body());
            return PREVIEW;
        }
        figures.took(PREVIEW, preview.nanos());

        thinking += think();
        LoadClient.Response submit = client.post(path + "/submit", declared);
        after.accept(SUBMIT, submit);
        Matcher submitted = SUBMITTED.matcher(submit.location() == null ? "" : submit.location());
        if (submit.status() != 302 || !submitted.find()) {
            figures.failed(SUBMIT, submit.status() + (submit.location() == null ? "" : " to " + submit.location()),
                    submit.body());
            return SUBMIT;
        }
        figures.took(SUBMIT, submit.nanos());
        if (!accepted.add(Long.valueOf(submitted.group(1)))) {
            figures.failed(SUBMIT, "the same application id twice", submit.location());
        }

        thinking += think();
        LoadClient.Response page = client.get(submitted.group());
        after.accept(CONFIRMATION, page);
        if (page.status() != 200) {
            figures.failed(CONFIRMATION, String.valueOf(page.status()), page.body());
            return CONFIRMATION;
        }
        figures.took(CONFIRMATION, page.nanos());
        figures.took(ROUND, System.nanoTime() - start - thinking);
        think();
        return null;
    }

    /** Returns how long it paused. */
    private static long think() throws InterruptedException {
        if (THINK_MS <= 0) {
            return 0;
        }
        long start = System.nanoTime();
        Thread.sleep(THINK_MS);
        return System.nanoTime() - start;
    }

    // --- the SQL of one round alone ---

    /**
     * One SME signs in and applies alone; for each step, its time, the CPU time of this JVM meanwhile (the server's
     * and the client's), and the SQL statements the database ran (the application's and the engine's, from H2's
     * query statistics).
     */
    private Map<String, String> sqlOfEachStep(String sme, Long callId) throws IOException, InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LoadClient client = new LoadClient(port);
        LoadFigures figures = signIn(client, sme);
        Map<String, String> steps = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        long[] cpu = {os.getProcessCpuTime()};
        String[] submitted = new String[1];
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        apply(client, callId, figures, (step, response) -> {
            double cpuMillis = (os.getProcessCpuTime() - cpu[0]) / 1e6;
            if (step.equals(SUBMIT)) {
                submitted[0] = response.location();
            }
            List<Map<String, Object>> rows = jdbc.queryForList("select SQL_STATEMENT, EXECUTION_COUNT, "
                    + "CUMULATIVE_EXECUTION_TIME from INFORMATION_SCHEMA.QUERY_STATISTICS "
                    + "where SQL_STATEMENT not like '%QUERY_STATISTICS%' order by CUMULATIVE_EXECUTION_TIME desc");
            long count = rows.stream().mapToLong(row -> ((Number) row.get("EXECUTION_COUNT")).longValue()).sum();
            double sqlMillis = rows.stream()
                    .mapToDouble(row -> ((Number) row.get("CUMULATIVE_EXECUTION_TIME")).doubleValue()).sum();
            steps.put(step, String.format(Locale.ROOT,
                    "%.1f ms, CPU %.1f ms; %d SQL statements (%d distinct), %.1f ms in the database",
                    response.nanos() / 1e6, cpuMillis, count, rows.size(), sqlMillis));
            rows.forEach(row -> details.add(String.format(Locale.ROOT, "    %-12s %3d x %7.2f ms  %s", step,
                    ((Number) row.get("EXECUTION_COUNT")).longValue(),
                    ((Number) row.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(), row.get("SQL_STATEMENT"))));
            // Off and on again: H2 starts counting afresh.
            jdbc.execute("SET QUERY_STATISTICS FALSE");
            jdbc.execute("SET QUERY_STATISTICS TRUE");
            cpu[0] = os.getProcessCpuTime();
        });
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        assertThat(figures.errors()).as("errors of the round alone").isEmpty();
        // Its eligibility check, run here rather than by the paused job executor: the time and CPU that each
        // submission costs the job executor's threads.
        var threads = ManagementFactory.getThreadMXBean();
        Matcher id = SUBMITTED.matcher(submitted[0]);
        assertThat(id.find()).as("the round alone's application").isTrue();
        Job check = managementService.createJobQuery().processInstanceId(jdbc.queryForObject(
                "select process_instance_id from application where id = ?", String.class, Long.valueOf(id.group(1))))
                .singleResult();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        managementService.executeJob(check.getId());
        steps.put("eligibility job (" + ApplicationProcess.TASK_CHECK_ELIGIBILITY + ")", String.format(Locale.ROOT,
                "%.1f ms, CPU %.1f ms (of this thread)", seconds(start) * 1000,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6));
        if (Boolean.getBoolean("bench.load.sql")) {
            System.out.println(String.join(System.lineSeparator(), details));
        }
        return steps;
    }

    // --- the result ---

    private long eligibilityJobs() {
        return managementService.createJobQuery().activityId(ApplicationProcess.TASK_CHECK_ELIGIBILITY).count();
    }

    private void assertEverySubmissionStoredOnce(LoadFigures load, LoadFigures signIns, long jobsAfterDrain) {
        assertThat(signIns.errors()).as("sign-in errors").isEmpty();
        assertThat(load.errors()).as("submission errors").isEmpty();
        assertThat(accepted).as("accepted submissions, and the round alone's").hasSize(load.count(SUBMIT) + 1);
        assertThat(jdbc.queryForList("select id from application", Long.class))
                .as("the stored applications are exactly those accepted").containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(jdbc.queryForObject("select count(*) from (select call_id, company_id from application "
                + "group by call_id, company_id having count(*) > 1) d", Long.class))
                .as("companies that applied twice to a call").isZero();
        assertThat(jdbc.queryForObject("select count(*) from application where process_instance_id is null", Long.class))
                .as("applications without their process").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPLICATION_SUBMITTED'",
                Long.class)).as("one audit event per submission").isEqualTo((long) accepted.size());
        assertThat(managementService.createJobQuery().withException().count()).as("failed jobs").isZero();
        if (jobsAfterDrain == 0) {
            assertThat(taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_ELIGIBILITY_REVIEW)
                    .count()).as("every application checked and waiting for its review").isEqualTo(accepted.size());
        }
    }

    private void print(double setup, LoadFigures signIns, double signInSeconds, LoadFigures load, double loadSeconds,
            double cpu, long jobsLeft, double drain, long jobsAfterDrain, Map<String, String> sql) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String h2 = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductVersion());
        int requests = List.of(FORM, PREVIEW, SUBMIT, CONFIRMATION).stream().mapToInt(load::count).sum()
                + load.errorCount();
        Map<String, String> steps = new LinkedHashMap<>();
        for (String step : List.of(SUBMIT, FORM, PREVIEW, CONFIRMATION, ROUND)) {
            steps.put(step, load.summary(step));
        }
        StringBuilder lines = new StringBuilder();
        steps.forEach((step, summary) -> lines.append(String.format(Locale.ROOT, "  %-40s %s%n", step, summary)));
        StringBuilder sqlLines = new StringBuilder();
        sql.forEach((step, figures) -> sqlLines.append(String.format(Locale.ROOT, "    %-38s %s%n", step, figures)));
        List<String> errors = new ArrayList<>();
        load.errors().forEach((what, count) -> errors.add(what + ": " + count));
        signIns.errors().forEach((what, count) -> errors.add(what + ": " + count));
        LoadFigures.Failure first = load.firstFailure() != null ? load.firstFailure() : signIns.firstFailure();
        System.out.println(String.format(Locale.ROOT, """

                ==================================================================================================
                submission load: %d clients for %d s over HTTP on loopback, %d open calls (at most %,d submissions)
                  each client pauses %d ms before each of its requests (a person's think time; 0: none)
                  submissions accepted %,d in %.1f s: %.1f submissions/s; %,d HTTP requests, %.1f requests/s
                  submit p95 %.1f ms (target < 250 ms), errors %d (target 0); clients that applied to every call: %d
                  CPU of this JVM (server and clients) during the load: %.1f s, %.0f %% of the %d cores
                %s  errors: %s
                  first error: %s
                  sign-in of the %d clients, all at once before the load (PBKDF2 %s rounds): %s; all signed in after %.1f s
                  eligibility jobs in the queue at the end %d; %s after %.1f s more
                  one round alone after the load (job executor paused; -Dbench.load.sql=true lists the SQL):
                %sstore: embedded default H2 %s in a file under %s (fresh), connection pool %d, job executor on
                machine: %d cores, %.1f GiB memory, max heap %.1f GiB, Java %s, %s on %s; load average %.2f
                not counted: setup (calls and companies) %.1f s
                date: %s
                ==================================================================================================
                """,
                CLIENTS, SECONDS, CALLS, (long) CLIENTS * CALLS, THINK_MS,
                load.count(SUBMIT), loadSeconds, load.count(SUBMIT) / loadSeconds, requests, requests / loadSeconds,
                load.percentileMillis(SUBMIT, 95), load.errorCount() + signIns.errorCount(), everyCallDone.get(),
                cpu, 100 * cpu / (loadSeconds * Runtime.getRuntime().availableProcessors()),
                Runtime.getRuntime().availableProcessors(),
                lines, errors.isEmpty() ? "none" : String.join(", ", errors),
                first == null ? "none" : first.step() + " " + first.what() + ": " + first.body(),
                CLIENTS, "310,000", signIns.summary(SIGN_IN), signInSeconds,
                jobsLeft, jobsAfterDrain == 0 ? "all done" : jobsAfterDrain + " still there", drain, sqlLines,
                h2, STORE, dataSource.getMaximumPoolSize(),
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), os.getSystemLoadAverage(),
                setup, LocalDate.now(ZoneOffset.UTC)));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
