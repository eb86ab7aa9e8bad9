package eu.clustercalls.selection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.support.ServiceStarts;

/**
 * Many applications of one call as they stand once scored (or, see {@link #insertInReview}, once submitted),
 * written straight into the tables (as the migrations define them, in JDBC batches) because going through the
 * processes would take far longer: a company with one user each, an EVALUATED application with its final score,
 * two submitted evaluations with their scores per criterion, and an application process waiting at "Selection
 * decided". Ids start far above what the sequences
 * hand out, at {@code idBase}; the scores come from a seeded random source, so every run ranks the same.
 */
final class ScoredApplications {

    static final int EVALUATORS = 2;
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RuntimeService runtimeService;
    private final ServiceStarts starts;

    ScoredApplications(JdbcTemplate jdbc, TransactionTemplate transactions, RuntimeService runtimeService,
            ServiceStarts starts) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.runtimeService = runtimeService;
        this.starts = starts;
    }

    /** Companies {@code idBase + i}, applications {@code idBase + 100,000,000 + i}. */
    static long applicationId(long idBase, int i) {
        return idBase + 100_000_000L + i;
    }

    /** Writes n scored applications to the call; returns how many scored at or above the threshold. */
    int insert(FundingCall call, Scenario.Cluster cluster, int n, long idBase, BigDecimal threshold) {
        Random random = new Random(20260101L + idBase);
        Instant closed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rows rows = new Rows(closed);
        List<Object[]> evaluations = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        int atOrAboveThreshold = 0;
        for (int i = 0; i < n; i++) {
            long applicationId = applicationId(idBase, i);
            Instant submitted = closed.minus(30, ChronoUnit.DAYS).plusSeconds(random.nextInt(29 * 24 * 3600));
            int relevance = 3 + random.nextInt(8);
            int readiness = 3 + random.nextInt(8);
            int representation = 1 + random.nextInt(5);
            int[][] points = {
                    {relevance, readiness, representation},
                    {clamp(relevance + random.nextInt(3) - 1, 10), clamp(readiness + random.nextInt(3) - 1, 10),
                            clamp(representation + random.nextInt(3) - 1, 5)}};
            int totals = 0;
            for (int e = 0; e < EVALUATORS; e++) {
                long evaluationId = idBase + 200_000_000L + (long) i * EVALUATORS + e;
                int total = points[e][0] + points[e][1] + points[e][2];
                totals += total;
                evaluations.add(new Object[] {evaluationId, applicationId, call.getId(), cluster.id(), e + 1,
                        cluster.evaluators().get(e), ts(closed.minus(9, ChronoUnit.DAYS)),
                        ts(closed.minus(2, ChronoUnit.DAYS)), total});
                scores.add(new Object[] {evaluationId, "RELEVANCE", points[e][0]});
                scores.add(new Object[] {evaluationId, "READINESS", points[e][1]});
                scores.add(new Object[] {evaluationId, "REPRESENTATION", points[e][2]});
            }
            BigDecimal finalScore = BigDecimal.valueOf(totals).divide(BigDecimal.valueOf(EVALUATORS), 2, RoundingMode.HALF_UP);
            if (finalScore.compareTo(threshold) >= 0) {
                atOrAboveThreshold++;
            }
            rows.add(call, cluster, i, idBase + i, applicationId, submitted, requested(random), ApplicationStatus.EVALUATED,
                    true, cluster.reviewer(), ts(submitted.plus(3, ChronoUnit.DAYS)), ts(submitted), finalScore, "system");
        }
        write(rows, evaluations, scores);
        return atOrAboveThreshold;
    }

    /**
     * Writes n applications to the call as they stand once checked automatically (all eligible by the rules),
     * waiting for an eligibility reviewer: submitted in the last 30 days, IN_REVIEW, no evaluation yet.
     */
    void insertInReview(FundingCall call, Scenario.Cluster cluster, int n, long idBase) {
        Random random = new Random(20260101L + idBase);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rows rows = new Rows(now);
        for (int i = 0; i < n; i++) {
            Instant submitted = now.minus(30, ChronoUnit.DAYS).plusSeconds(random.nextInt(29 * 24 * 3600));
            rows.add(call, cluster, i, idBase + i, applicationId(idBase, i), submitted, requested(random),
                    ApplicationStatus.IN_REVIEW, null, null, null, null, null, null);
        }
        write(rows, List.of(), List.of());
    }

    private static BigDecimal requested(Random random) {
        return BigDecimal.valueOf(800 + random.nextInt(1201)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The rows of a company with its contact user, and of its application with one participant. */
    private record Rows(Instant now, List<Object[]> companies, List<Object[]> contacts, List<Object[]> applications,
            List<Object[]> participants) {

        Rows(Instant now) {
            this(now, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /** The last six values: eligible, decided by, decided at, complete at, final score, final score by. */
        void add(FundingCall call, Scenario.Cluster cluster, int i, long companyId, long applicationId,
                Instant submitted, BigDecimal requested, ApplicationStatus status, Object... decided) {
            companies.add(new Object[] {companyId, "Scored Textiles " + companyId + " SL", "BX" + companyId, "ES",
                    "Terrassa", "13.20", new BigDecimal("8"), new BigDecimal("1200000"), new BigDecimal("900000"),
                    "AUTONOMOUS", ts(now.minus(400, ChronoUnit.DAYS))});
            contacts.add(new Object[] {companyId, "sme-bx" + companyId});
            List<Object> application = new ArrayList<>(List.of(applicationId, call.getId(), companyId, cluster.id(),
                    "sme-bx" + companyId, ts(submitted), "We want to meet Canadian buyers of technical textiles (" + i
                            + ").", "Canada, USA", "Exports to France and Italy.", requested, status.name()));
            application.addAll(Arrays.asList(decided));
            applications.add(application.toArray());
            participants.add(new Object[] {applicationId, "Participant " + i, "Export manager"});
        }
    }

    private void write(Rows rows, List<Object[]> evaluations, List<Object[]> scores) {
        List<Object[]> companies = rows.companies();
        List<Object[]> contacts = rows.contacts();
        List<Object[]> applications = rows.applications();
        List<Object[]> participants = rows.participants();
        transactions.executeWithoutResult(status -> {
            batch("insert into company (id, legal_name, vat_number, country, city, nace_code, staff_headcount,"
                    + " annual_turnover, balance_sheet_total, enterprise_type, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", companies);
            // The company's figures as its revision 1, which each application was submitted with.
            batch("insert into company_figures (company_id, revision, valid_from, staff_headcount,"
                    + " annual_turnover, balance_sheet_total, enterprise_type) values (?, 1, ?, ?, ?, ?, ?)",
                    companies.stream().map(c -> new Object[] {c[0], c[10], c[6], c[7], c[8], c[9]}).toList());
            batch("insert into company_contact (company_id, username) values (?, ?)", contacts);
            batch("insert into application (id, call_id, company_id, tenant_id, submitted_by, submitted_at, motivation,"
                    + " target_markets, export_experience, requested_amount, declares_sme_status, declares_de_minimis,"
                    + " declares_no_double_funding, declares_data_protection, status, auto_eligible, eligible,"
                    + " eligibility_decided_by, eligibility_decided_at, complete_at, final_score, final_score_by, version,"
                    + " figures_revision)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, true, true, true, ?, true, ?, ?, ?, ?, ?, ?, 0, 1)",
                    applications);
            batch("insert into application_participant (application_id, position, full_name, job_title)"
                    + " values (?, 0, ?, ?)", participants);
            batch("insert into evaluation (id, application_id, call_id, tenant_id, slot, evaluator, assigned_at, conflict,"
                    + " submitted_at, total, version) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, 0)", evaluations);
            batch("insert into evaluation_score (evaluation_id, criterion, points) values (?, ?, ?)", scores);
        });
    }

    /** Starts each application's process at "Selection decided", where a scored application waits for the decision. */
    void startProcessesAtSelectionDecided(FundingCall call, int n, long idBase) {
        startProcessesAt(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED, call, n, idBase, Map.of());
    }

    /**
     * Starts each application's process at "Review eligibility", as the automatic check leaves it: the task, with
     * its form's view, for the cluster's eligibility reviewers.
     */
    void startProcessesAtEligibilityReview(FundingCall call, int n, long idBase) {
        startProcessesAt(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, call, n, idBase,
                Map.of(ApplicationProcess.VAR_AUTO_ELIGIBLE, true));
    }

    private void startProcessesAt(String activityId, FundingCall call, int n, long idBase, Map<String, Object> variables) {
        for (int from = 0; from < n; from += 500) {
            int to = Math.min(from + 500, n);
            int first = from;
            transactions.executeWithoutResult(status -> {
                List<Object[]> links = new ArrayList<>();
                for (int i = first; i < to; i++) {
                    long applicationId = applicationId(idBase, i);
                    ProcessInstance instance = starts.inCluster(call.getClusterId(),
                            () -> runtimeService.createProcessInstanceByKey(ApplicationProcess.KEY)
                                    .businessKey("APP-" + applicationId)
                                    .setVariable(ApplicationProcess.VAR_APPLICATION_ID, applicationId)
                                    .setVariable(ApplicationProcess.VAR_CALL_ID, call.getId())
                                    .setVariables(variables)
                                    .startBeforeActivity(activityId)
                                    .execute());
                    links.add(new Object[] {instance.getId(), applicationId});
                }
                jdbc.batchUpdate("update application set process_instance_id = ? where id = ?", links);
            });
        }
    }

    private static int clamp(int points, int max) {
        return Math.max(0, Math.min(max, points));
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(from + BATCH, rows.size())));
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
