package eu.clustercalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimInput;

/**
 * The whole lifecycle of an application against the bare engine, in one JVM, on one database, with one engine
 * configuration (the application's: history level full-without-form-views, authorization and tenant check on).
 * <ul>
 * <li>The application: N applications (property {@code bench.lifecycle.n}, 2,000 by default) driven through the
 * application's own services and processes as the portal and Tasklist do ({@link Scenario}, {@link ClaimFixtures}):
 * apply, automatic eligibility, review, two evaluations, closing, ranking and the selection decision of their call,
 * confirmation, then, once the activity is over, claim, computation, verification, approval and payment (SEPA file
 * included). The applications are spread over calls of {@code bench.lifecycle.per-call} applications (20 by
 * default), each with a place for every applicant, so that every application is selected and paid; a call is closed
 * early once its applications are scored, as a call manager does when all have applied.</li>
 * <li>The bare process (src/test/resources/bench/lifecycle-bare.bpmn), N times through the engine API alone: the
 * same 7 user tasks per instance as one application completes, 9 service tasks, one per service task of the
 * application and its reimbursement (check, notify, pick evaluator twice, settle, award letter, open claim,
 * compute, pay), each inserting one row through JPA, and a job wherever an application has one (5 asynchronous
 * continuations and the timer "activity over"). It is driven in the same order: a call's worth of instances at a
 * time up to the confirmation, then all claims, verifications and approvals.</li>
 * </ul>
 * The application also completes one selection decision per call, counted among its user-task completions. Both runs
 * execute their jobs themselves, with {@link Scenario#runJobs()} after the same steps, in the benchmark's thread: the
 * job executor's polling (every 2 s when idle) would be timed instead of the work, and on two cores its threads would
 * compete with the benchmark. Setting up (clusters, calls, companies and their users) is not timed; a small run of
 * both ({@code bench.lifecycle.warm-up}, 20 by default) warms the JVM up first. The bare process runs first, so the
 * application's run finds the larger tables.
 *
 * <p>It prints instances/s and user-task completions/s of both, the JPA statements and jobs of each, and as its last
 * line {@code ratio=}(application's user-task completions/s) / (bare process's). It asserts only that every
 * application was paid and every bare instance ended, never how long anything took.
 *
 * <p>Store: the embedded default, H2 in a file (fresh under {@code target/lifecycle-benchmark}); with
 * {@code -Dbench.db=postgres} a fresh PostgreSQL database instead (see eu.clustercalls.postgres). Run:
 * {@code ./mvnw -Pbench verify -Dtest=LifecycleBenchmark [-Dbench.lifecycle.n=200] [-Dbench.db=postgres]}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./" + LifecycleBenchmark.STORE + "/clustercalls;AUTO_SERVER=FALSE",
        "spring.flyway.locations=classpath:db/migration,classpath:bench/db",
        "spring.jpa.mapping-resources=bench/orm.xml",
        "spring.jpa.properties.hibernate.generate_statistics=true",
        "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=WARN"})
@ActiveProfiles("test")
@Import({Scenario.class, ClaimFixtures.class, LifecycleBenchmark.BareStepInsert.class})
class LifecycleBenchmark {

    static final String STORE = "target/lifecycle-benchmark";
    private static final int N = Integer.getInteger("bench.lifecycle.n", 2000);
    private static final int PER_CALL = Integer.getInteger("bench.lifecycle.per-call", 20);
    private static final int WARM_UP = Integer.getInteger("bench.lifecycle.warm-up", 20);
    private static final String BARE = "lifecycle-bare";
    /** What a bare instance completes, as an application does (review, 2 evaluations, confirmation, claim, verification, approval). */
    private static final int TASKS_PER_INSTANCE = 7;
    private static final int SERVICE_TASKS_PER_INSTANCE = 9;
    private static final BigDecimal GRANT = new BigDecimal("2000");

    static {
        BenchmarkStore.clear(STORE);
    }


    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    /** A call and the member companies that will apply to it. */
    record Batch(FundingCall call, List<Company> companies) {
    }

    /** What one timed run did. */
    record Run(String name, int instances, double seconds, long userTasks, long jobs, long jpaStatements) {

        double instancesPerSecond() {
            return instances / seconds;
        }

        double tasksPerSecond() {
            return userTasks / seconds;
        }
    }

    @Test
    void theApplicationsLifecycleAgainstTheBareEngine() {
        repositoryService.createDeployment().name(BARE).addClasspathResource("bench/lifecycle-bare.bpmn").deploy();

        long setupStart = System.nanoTime();
        Scenario.Cluster warmUpCluster = scenario.cluster();
        List<Batch> warmUpBatches = prepare(warmUpCluster, WARM_UP);
        double setup = seconds(setupStart);
        applicationLifecycle(warmUpCluster, warmUpBatches);
        bareLifecycle(WARM_UP);

        Run bare = measure("bare process", N, () -> bareLifecycle(N));

        setupStart = System.nanoTime();
        Scenario.Cluster cluster = scenario.cluster();
        List<Batch> batches = prepare(cluster, N);
        setup += seconds(setupStart);
        List<Application> paid = new ArrayList<>();
        Run application = measure("application", N, () -> paid.addAll(applicationLifecycle(cluster, batches)));

        assertEveryApplicationWasPaid(batches, paid);
        assertEveryBareInstanceEnded();
        assertThat(bare.userTasks()).as("user tasks of the bare run").isEqualTo((long) TASKS_PER_INSTANCE * N);
        assertThat(application.userTasks()).as("user tasks of the application run: 7 per application, 1 per call")
                .isEqualTo((long) TASKS_PER_INSTANCE * N + batches.size());
        print(batches.size(), setup, application, bare);
    }

    // --- the application ---

    /** Calls with a place for each of their applicants, published before their companies join the cluster. */
    private List<Batch> prepare(Scenario.Cluster cluster, int applications) {
        List<FundingCall> published = new ArrayList<>();
        for (int from = 0; from < applications; from += PER_CALL) {
            long places = Math.min(PER_CALL, applications - from);
            published.add(scenario.publishedCall(cluster, form -> form.put("slots", places)));
        }
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            int size = Math.min(PER_CALL, applications - i * PER_CALL);
            List<Company> companies = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                companies.add(scenario.memberCompany(cluster));
            }
            batches.add(new Batch(published.get(i), companies));
        }
        return batches;
    }

    private List<Application> applicationLifecycle(Scenario.Cluster cluster, List<Batch> batches) {
        List<Application> all = new ArrayList<>();
        for (Batch batch : batches) {
            List<Application> applications = new ArrayList<>();
            for (Company company : batch.companies()) {
                applications.add(scenario.apply(batch.call(), company, GRANT));
            }
            applications.forEach(application -> scenario.confirmEligibility(cluster, application));
            applications.forEach(application -> scenario.evaluateWithTotals(application, 20, 20));
            scenario.closeEarly(cluster, batch.call());
            scenario.approveSelection(cluster, batch.call());
            for (Application application : applications) {
                scenario.answerParticipation(application, true, null);
                scenario.runJobsOf(application.getProcessInstanceId());
            }
            all.addAll(applications);
        }
        // Every call has the same activity dates: the day after it, every claim opens.
        FundingCall call = batches.get(0).call();
        scenario.daysAfterActivity(call, 1);
        try {
            scenario.runJobs();
            ClaimInput claim = ClaimFixtures.input(3,
                    ClaimFixtures.item(ExpenseCategory.TRAVEL, "620.00", "EUR", call.getActivityStart().minusDays(1), "flight"),
                    ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel"));
            all.forEach(application -> claims.submit(application, claim));
            all.forEach(application -> claims.verify(cluster.verifier(), application, "APPROVE", null, null));
            all.forEach(application -> claims.decidePayment(cluster.approver(), application, "APPROVE", null));
            scenario.runJobs();
        } finally {
            ClockUtil.reset();
        }
        return all;
    }

    // --- the bare process ---

    private void bareLifecycle(int instances) {
        // As for the applications: the timer waits until the day after the activity, 08:00.
        Date activityOver = Date.from(scenario.today().plusDays(65).atTime(8, 0).atZone(scenario.zone()).toInstant());
        List<String> all = new ArrayList<>();
        for (int from = 0; from < instances; from += PER_CALL) {
            List<String> batch = new ArrayList<>();
            for (int i = from; i < Math.min(instances, from + PER_CALL); i++) {
                batch.add(runtimeService.startProcessInstanceByKey(BARE, Map.of("activityOver", activityOver)).getId());
                scenario.runJobs();
            }
            for (String instance : batch) {
                taskService.complete(task(instance, "review").getId());
                scenario.runJobs();
            }
            batch.forEach(instance -> tasks(instance, "evaluate").forEach(task -> taskService.complete(task.getId())));
            scenario.runJobs();
            for (String instance : batch) {
                taskService.complete(task(instance, "confirm").getId());
                scenario.runJobsOf(instance);
            }
            all.addAll(batch);
        }
        ClockUtil.setCurrentTime(activityOver);
        try {
            scenario.runJobs();
            all.forEach(instance -> taskService.complete(task(instance, "submit_claim").getId()));
            all.forEach(instance -> claimAndComplete(task(instance, "verify")));
            all.forEach(instance -> claimAndComplete(task(instance, "approve")));
            scenario.runJobs();
        } finally {
            ClockUtil.reset();
        }
    }

    private Task task(String processInstanceId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    private List<Task> tasks(String processInstanceId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
                .list();
    }

    /** As finance does in Tasklist: claims the task, then completes it. */
    private void claimAndComplete(Task task) {
        taskService.claim(task.getId(), "finance-officer");
        taskService.complete(task.getId());
    }

    /** The row each service task of the bare process inserts (mapped in bench/orm.xml, table in bench/db). */
    static class BareStep {

        private Long id;
        private String processInstanceId;
        private String activityId;
        private Instant createdAt;

        protected BareStep() {
        }

        BareStep(String processInstanceId, String activityId, Instant createdAt) {
            this.processInstanceId = processInstanceId;
            this.activityId = activityId;
            this.createdAt = createdAt;
        }
    }

    /** The service tasks of the bare process: one JPA insert, in the engine's transaction. */
    @TestComponent("bareStep")
    static class BareStepInsert implements JavaDelegate {

        private final EntityManager entityManager;
        private final Clock clock;

        BareStepInsert(EntityManager entityManager, Clock clock) {
            this.entityManager = entityManager;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            entityManager.persist(new BareStep(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                    clock.instant()));
        }
    }

    // --- measuring ---

    private Run measure(String name, int instances, Runnable run) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long tasksBefore = historyService.createHistoricTaskInstanceQuery().finished().count();
        long jobsBefore = historyService.createHistoricJobLogQuery().successLog().count();
        statistics.clear();
        long start = System.nanoTime();
        run.run();
        double seconds = seconds(start);
        long statements = statistics.getPrepareStatementCount();
        return new Run(name, instances, seconds,
                historyService.createHistoricTaskInstanceQuery().finished().count() - tasksBefore,
                historyService.createHistoricJobLogQuery().successLog().count() - jobsBefore, statements);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // --- the result ---

    private void assertEveryApplicationWasPaid(List<Batch> batches, List<Application> applications) {
        assertThat(applications).hasSize(N);
        String callIds = String.join(",", batches.stream().map(batch -> batch.call().getId().toString()).toList());
        assertThat(jdbc.queryForObject("select count(*) from application where status = ? and call_id in (" + callIds
                + ")", Long.class, ApplicationStatus.REIMBURSED.name())).as("applications reimbursed").isEqualTo(N);
        assertThat(jdbc.queryForObject("select count(*) from payment p join expense_claim c on c.id = p.claim_id "
                + "where c.call_id in (" + callIds + ")", Long.class)).as("one payment per application").isEqualTo(N);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(applications.stream()
                .map(Application::getProcessInstanceId).collect(Collectors.toSet())).completed().count())
                .as("application processes ended").isEqualTo(N);
    }

    private void assertEveryBareInstanceEnded() {
        long started = N + WARM_UP;
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BARE).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BARE).completed().count())
                .as("bare instances ended").isEqualTo(started);
        assertThat(jdbc.queryForObject("select count(*) from bench_step", Long.class)).as("one row per service task")
                .isEqualTo(started * SERVICE_TASKS_PER_INSTANCE);
    }

    private void print(int callCount, double setup, Run application, Run bare) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String database = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName()
                + " " + connection.getMetaData().getDatabaseProductVersion());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """

                ==================================================================================================
                lifecycle benchmark: %,d applications in %,d calls (up to %d each, all selected and paid) against %,d bare instances
                store: %s%s; history level %s; jobs run by the benchmark's thread
                not timed: setup %.1f s (clusters, calls, companies and users), warm-up of %d of each
                machine: %d cores, %.1f GiB memory, max heap %.1f GiB, Java %s; date %s
                """, N, callCount, PER_CALL, N, database,
                "postgres".equals(System.getProperty("clustercalls.test.database")) ? " (fresh database)"
                        : " in a file under " + STORE + " (fresh)",
                engine.getProcessEngineConfiguration().getHistory(), setup, WARM_UP,
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                LocalDate.now(ZoneOffset.UTC)));
        for (Run run : List.of(application, bare)) {
            out.append(String.format(Locale.ROOT,
                    "  %-12s %,6d instances in %7.1f s = %7.2f instances/s; %,7d user tasks = %7.2f user-task completions/s; %,d jobs, %,d JPA statements%n",
                    run.name(), run.instances(), run.seconds(), run.instancesPerSecond(), run.userTasks(),
                    run.tasksPerSecond(), run.jobs(), run.jpaStatements()));
        }
        out.append("==================================================================================================\n");
        out.append(String.format(Locale.ROOT, "ratio=%.2f", application.tasksPerSecond() / bare.tasksPerSecond()));
        System.out.println(out);
    }
}
