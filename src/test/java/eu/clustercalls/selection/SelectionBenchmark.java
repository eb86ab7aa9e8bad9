package eu.clustercalls.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.BenchmarkStore;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.support.ServiceStarts;

/**
 * The selection of a large call: N evaluated applications (property {@code bench.applications}, 10,000 by default),
 * 2 submitted evaluations each, every application process waiting at "Selection decided" (written straight into
 * the tables by {@link ScoredApplications}: through the processes it would take far longer). It measures the two
 * steps of the funding-call process that the issue names, run as the process runs them (its jobs, with
 * {@link SelectionService#propose} and {@link SelectionService#publish} inside the engine's command and the
 * application's transaction):
 * <ul>
 * <li>ranking: the job of task_propose_selection (propose, and the selection decision task it leads to, whose
 * form shows the lists);</li>
 * <li>publishing: the job of task_publish_results (publish: every application's status, audit event and outbox
 * message, and the SelectionDecided message correlated to every application instance).</li>
 * </ul>
 * The call managers' approval in between is timed and printed apart. Setting up the data is timed apart and not
 * counted. The store is the embedded default, H2 in a file (under {@code target/selection-benchmark}, fresh each
 * run). It prints the figures and asserts only that the result is right, never how long it took.
 *
 * <p>Run: {@code ./mvnw -Pbench verify -DskipITs -Dtest=SelectionBenchmark} (or {@code -Dbench.applications=2000} for a quicker look).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./" + SelectionBenchmark.STORE + "/clustercalls;AUTO_SERVER=FALSE",
        "spring.jpa.properties.hibernate.generate_statistics=true",
        "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=WARN"})
@ActiveProfiles("test")
@Import(Scenario.class)
class SelectionBenchmark {

    static final String STORE = "target/selection-benchmark";
    private static final int N = Integer.getInteger("bench.applications", 10_000);
    private static final int SLOTS = 1000;
    private static final BigDecimal THRESHOLD = new BigDecimal("15");
    /** Ids far above what the sequences hand out in this fresh store. */
    private static final long ID_BASE = 500_000_000L;

    static {
        BenchmarkStore.clear(STORE);
    }

    @Autowired
    Scenario scenario;
    @Autowired
    CallService calls;
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
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    /** What the generated data must come to: how many applications reach the threshold. */
    private int atOrAboveThreshold;

    @Test
    void rankingAndPublishingTheResultsOfALargeCall() {
        long setupStart = System.nanoTime();
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", (long) SLOTS));
        ScoredApplications scored = new ScoredApplications(jdbc, transactions, runtimeService, starts);
        atOrAboveThreshold = scored.insert(call, cluster, N, ID_BASE, THRESHOLD);
        scored.startProcessesAtSelectionDecided(call, N, ID_BASE);
        calls.closeEarly(call.getId(), cluster.manager(), "Benchmark: closing with every application scored.");
        Job proposeJob = onlyJobOf(call);
        double setup = seconds(setupStart);

        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        managementService.executeJob(proposeJob.getId());
        double ranking = seconds(start);
        double rankingCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long rankingStatements = statistics.getPrepareStatementCount();

        Task decision = taskService.createTaskQuery().processInstanceId(call.getProcessInstanceId())
                .taskDefinitionKey(FundingCallProcess.TASK_SELECTION_DECISION).singleResult();
        assertThat(decision).as("the selection decision task").isNotNull();
        start = System.nanoTime();
        scenario.as(cluster.manager(), () -> taskService.complete(decision.getId(), Map.of(
                FundingCallProcess.FIELD_SELECTION_DECISION, FundingCallProcess.SelectionDecision.APPROVE.name())));
        double deciding = seconds(start);

        Job publishJob = onlyJobOf(call);
        statistics.clear();
        start = System.nanoTime();
        cpuStart = threads.getCurrentThreadCpuTime();
        managementService.executeJob(publishJob.getId());
        double publishing = seconds(start);
        double publishingCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long publishingStatements = statistics.getPrepareStatementCount();

        // Each instance goes on in a job of its own (asyncAfter on Selection decided): timed apart, one after another
        // here, while the job executor runs them in parallel on every node.
        start = System.nanoTime();
        int continued = 0;
        for (List<Job> due = continuationJobs(); !due.isEmpty(); due = continuationJobs()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
            continued += due.size();
        }
        double continuing = seconds(start);

        print(setup, ranking, rankingCpu, rankingStatements, deciding, publishing, publishingCpu, publishingStatements,
                continued, continuing);
        assertEveryApplicationHasItsResult(call);
    }

    private List<Job> continuationJobs() {
        return managementService.createJobQuery().activityId(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED)
                .executable().listPage(0, 1000);
    }

    private Job onlyJobOf(FundingCall call) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(call.getProcessInstanceId()).executable().list();
        assertThat(jobs).as("the funding call's next step").hasSize(1);
        return jobs.get(0);
    }

    // --- the result ---

    private void assertEveryApplicationHasItsResult(FundingCall call) {
        int main = Math.min(SLOTS, atOrAboveThreshold);
        int reserve = atOrAboveThreshold - main;
        int rejected = N - atOrAboveThreshold;
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.query("select status, count(*) from application where call_id = ? group by status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }, call.getId());
        Map<String, Long> expected = new HashMap<>();
        expected.put(ApplicationStatus.SELECTED.name(), (long) main);
        if (reserve > 0) {
            expected.put(ApplicationStatus.RESERVE.name(), (long) reserve);
        }
        if (rejected > 0) {
            expected.put(ApplicationStatus.NOT_SELECTED.name(), (long) rejected);
        }
        assertThat(byStatus).as("every application got its status").isEqualTo(expected);
        assertThat(jdbc.queryForObject("select count(distinct ranking) from application where call_id = ?", Long.class,
                call.getId())).as("ranks 1..N").isEqualTo(N);

        assertThat(runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(ApplicationProcess.MESSAGE_SELECTION_DECIDED).count())
                .as("no instance still waits at Selection decided").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .activityId(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED).finished().count())
                .as("every instance passed Selection decided").isEqualTo(N);
        assertThat(taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CONFIRM_PARTICIPATION).count())
                .as("the main list confirms its participation").isEqualTo(main);
        assertThat(runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(ApplicationProcess.MESSAGE_PROMOTED).count())
                .as("the reserve list waits for a promotion").isEqualTo(reserve);
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .activityId(ApplicationProcess.END_NOT_SELECTED).count())
                .as("the rejected applications' processes ended").isEqualTo(rejected);

        assertThat(jdbc.queryForObject("select count(*) from notification where type = 'SELECTION_RESULT'", Long.class))
                .as("one result message per applicant").isEqualTo(N);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RESULT_PUBLISHED'", Long.class))
                .isEqualTo(N);
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.RESULTS_PUBLISHED);
    }

    private void print(double setup, double ranking, double rankingCpu, long rankingStatements, double deciding,
            double publishing, double publishingCpu, long publishingStatements, int continued, double continuing) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String h2 = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductVersion());
        System.out.println(String.format(Locale.ROOT, """

                ==================================================================================================
                selection benchmark: %,d applications, %,d evaluations, ranking %.1f s, publishing %.1f s, total %.1f s (target < 30 s)
                  main list %,d, reserve list %,d, rejected %,d; %d slots, threshold %s
                  ranking    = job task_propose_selection: SelectionService.propose + the decision task's lists (%,d JPA statements)
                  publishing = job task_publish_results: SelectionService.publish, %,d SelectionDecided correlations (%,d JPA statements)
                  then each instance's own next step: %,d jobs in %.1f s, one after another here (the job executor runs them in parallel)
                  CPU time of the benchmark's thread (the embedded database works in it too): ranking %.1f s, publishing %.1f s
                  not counted: the call managers' approval (task completion, decide APPROVE) %.1f s; setup %.1f s
                store: embedded default H2 %s in a file under %s (fresh), job executor off, jobs run by the benchmark
                machine: %d cores, %.1f GiB memory, max heap %.1f GiB, Java %s, %s on %s
                date: %s
                ==================================================================================================
                """,
                N, N * ScoredApplications.EVALUATORS, ranking, publishing, ranking + publishing,
                Math.min(SLOTS, atOrAboveThreshold), atOrAboveThreshold - Math.min(SLOTS, atOrAboveThreshold),
                N - atOrAboveThreshold, SLOTS, THRESHOLD.toPlainString(), rankingStatements, N, publishingStatements,
                continued, continuing, rankingCpu, publishingCpu, deciding, setup, h2, STORE,
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), LocalDate.now(ZoneOffset.UTC)));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
