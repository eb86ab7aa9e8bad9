package eu.clustercalls.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes of Camunda's cluster mode on one fresh PostgreSQL database, on loopback. Applications go to both nodes in
 * turn; node 2 is killed (SIGKILL) while the eligibility jobs run and node 1 while the payment jobs run; each is
 * restarted. In the end nothing may be lost or done twice: applications, notifications, payments, jobs.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class TwoNodeClusterIT {

    private static final int APPLICATIONS = Integer.getInteger("clustercalls.cluster.applications", 1000);
    private static final int TO_PAYMENT = Integer.getInteger("clustercalls.cluster.paid", 100);
    private static final Duration STEP = Duration.ofMinutes(5);

    @Test
    void twoNodesLoseAndDuplicateNothingWhenEachIsKilledWhileJobsRun() throws Exception {
        Instant began = Instant.now();
        ClusterDatabase db = ClusterDatabase.fresh();
        try (MailSink mail = MailSink.start()) {
            Path payments = Files.createDirectories(Path.of("target", "cluster", db.name + "-payments"));
            List<Node> nodes = List.of(ClusterNodes.node("node1", db, mail, payments),
                    ClusterNodes.node("node2", db, mail, payments));
            Drill drill = new Drill(db, nodes);
            try {
                // Started together on an empty database: the start-up lock lets one create the schema at a time.
                for (Node node : nodes) {
                    node.start();
                }
                for (Node node : nodes) {
                    node.awaitUp(Duration.ofMinutes(5));
                }
                drill.cluster();
                List<Long> companies = drill.companies(APPLICATIONS);
                Drill.Call full = drill.publishedCall("Drill to payment", Drill.today().plusDays(1),
                        Drill.today().plusDays(2), TO_PAYMENT);
                Drill.Call other = drill.publishedCall("Drill eligibility only", Drill.today().plusDays(30),
                        Drill.today().plusDays(40), 50);

                // 1. Applications on both nodes in turn; node 2 is killed while the eligibility jobs run.
                Map<Long, Long> accepted = new ConcurrentHashMap<>();
                int beforeKill = APPLICATIONS * 6 / 10;
                apply(drill, companies.subList(0, beforeKill), full, other, accepted, 0);
                long jobsAtKill = drill.runnableJobs() + db.count("select count(*) from act_ru_job where lock_owner_ is not null");
                nodes.get(1).kill();
                System.out.printf("Killed node2 (SIGKILL) with %d eligibility jobs waiting or running%n", jobsAtKill);
                nodes.get(1).start();
                apply(drill, companies.subList(beforeKill, APPLICATIONS), full, other, accepted, beforeKill);
                nodes.get(1).awaitUp(Duration.ofMinutes(5));

                // 2. Every application through the eligibility review.
                Drill.awaitTrue("the eligibility reviews of " + APPLICATIONS + " applications", STEP,
                        () -> drill.taskIdsOf("task_eligibility_review").size() == APPLICATIONS);
                List<String> reviews = drill.taskIdsOf("task_eligibility_review");
                drill.parallel(reviews.size(), i -> {
                    drill.complete(i, "rev1", reviews.get(i), Map.of("reviewDecision", "CONFIRM"));
                    return null;
                });

                // 3. The call to payment: evaluation, closing, selection, confirmation, claim, verification, approval.
                List<String> fullInstances = instancesOf(db, full.id());
                List<Map<String, Object>> evaluations = Drill.await("the evaluations", STEP, () -> {
                    List<Map<String, Object>> tasks = tasksIn(db, "task_evaluate", fullInstances);
                    return tasks.size() == TO_PAYMENT ? tasks : null;
                });
                drill.parallel(evaluations.size(), i -> {
                    Map<String, Object> task = evaluations.get(i);
                    drill.complete(i, (String) task.get("assignee_"), (String) task.get("id_"), Map.of(
                            "conflictOfInterest", "NO", "scoreRelevance", 8, "scoreReadiness", 8,
                            "scoreRepresentation", 4, "evaluationComment", "Sound plan."));
                    return null;
                });
                drill.fireTimers("timer_closing_date", List.of(full.instance()));
                String decision = Drill.await("the selection decision", STEP,
                        () -> drill.taskId("task_selection_decision", full.instance()));
                drill.complete(1, "cm2", decision, Map.of("selectionDecision", "APPROVE"));

                List<Long> selected = Drill.await("the confirmation tasks", STEP, () -> {
                    List<Map<String, Object>> tasks = tasksIn(db, "task_confirm_participation", fullInstances);
                    return tasks.size() == TO_PAYMENT ? applicationsOf(db, tasks) : null;
                });
                drill.parallel(selected.size(), i -> {
                    long application = selected.get(i);
                    Drill.Attempt answer = drill.onNode(i, smeOf(db, application),
                            api -> api.post("/api/applications/" + application + "/participation", Map.of("confirm", true)));
                    assertThat(answer.answer().ok() || answer.retried()).as(answer.answer().text()).isTrue();
                    return null;
                });
                Drill.awaitTrue("the award letters and the timers to the activity's end", STEP,
                        () -> timers(db, "timer_activity_over", fullInstances) == TO_PAYMENT);
                drill.fireTimers("timer_activity_over", fullInstances);
                drill.fireTimers("timer_activity_ended", List.of(full.instance()));

                Drill.awaitTrue("the open expense claims", STEP,
                        () -> db.count("select count(*) from act_ru_task where task_def_key_ = 'task_submit_claim'") == TO_PAYMENT);
                drill.parallel(selected.size(), i -> {
                    long application = selected.get(i);
                    long company = ((Number) db.one("select company_id from application where id = ?", application)).longValue();
                    Drill.Attempt answer = drill.onNode(i, Drill.smeOf(company), api -> api.multipart(
                            "/api/applications/" + application + "/expense-claim", "claim", claim(company),
                            Map.of("receipt.pdf", Drill.pdf("Receipt of drill company " + company),
                                    "badge.pdf", Drill.pdf("Badge of drill company " + company))));
                    assertThat(answer.answer().ok() || answer.retried()).as(answer.answer().text()).isTrue();
                    return null;
                });
                completeAll(drill, "task_verify_claim", "fin1", Map.of("verification", "APPROVE"));
                // 4. Node 1 is killed while the payment jobs run: once a quarter of the payments are made, while the
                // approvals go on (on node 2 while node 1 is down).
                Thread killer = new Thread(() -> {
                    try {
                        Drill.awaitTrue("the first payments", STEP,
                                () -> db.count("select count(*) from payment") >= TO_PAYMENT / 4);
                        long paidAtKill = db.count("select count(*) from payment");
                        long lockedAtKill = db.count("select count(*) from act_ru_job where lock_owner_ is not null");
                        nodes.get(0).kill();
                        System.out.printf("Killed node1 (SIGKILL) with %d of %d payments made and %d jobs locked%n",
                                paidAtKill, TO_PAYMENT, lockedAtKill);
                        nodes.get(0).start();
                        nodes.get(0).awaitUp(Duration.ofMinutes(5));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                killer.start();
                completeAll(drill, "task_approve_payment", "fin2",
                        Map.of("paymentDecision", "APPROVE", "paymentComment", "Approved by the drill."));
                killer.join();
                assertThat(nodes.get(0).isAlive()).as("node1 restarted").isTrue();

                // 5. All work done: every payment made, no job to run or locked, no message waiting.
                try {
                    Drill.awaitTrue("the end of all work", Duration.ofMinutes(6), () -> workLeft(drill).isEmpty());
                } catch (AssertionError notDone) {
                    throw new AssertionError(notDone.getMessage() + "; left: " + workLeft(drill), notDone);
                }

                Figures figures = new Figures(db, mail, payments);
                long duplicatedApplications = db.count("select count(*) from (select company_id, call_id from application "
                        + "group by company_id, call_id having count(*) > 1) d");
                Map<Long, Long> stored = db.applicationsPerCompany();
                long lostApplications = accepted.keySet().stream().filter(company -> !stored.containsKey(company)).count();
                System.out.printf("%nTwo-node cluster test on PostgreSQL (%s), %d s, %d requests moved to the other node%n",
                        db.name, Duration.between(began, Instant.now()).toSeconds(), drill.failovers.get());
                System.out.printf("  applications accepted:   %5d   in the database: %d   lost: %d   duplicated: %d%n",
                        accepted.size(), db.count("select count(*) from application"), lostApplications,
                        duplicatedApplications);
                figures.print();

                assertThat(accepted).hasSize(APPLICATIONS);
                assertThat(lostApplications).isZero();
                assertThat(duplicatedApplications).isZero();
                assertThat(db.count("select count(*) from application")).isEqualTo(APPLICATIONS);
                assertThat(db.count("select count(*) from application where status = 'REIMBURSED'")).isEqualTo(TO_PAYMENT);
                figures.assertNothingLostOrDuplicated(TO_PAYMENT);
            } finally {
                drill.shutdown();
                for (Node node : nodes) {
                    node.close();
                }
            }
        }
        db.drop();
    }

    private static void apply(Drill drill, List<Long> companies, Drill.Call full, Drill.Call other,
            Map<Long, Long> accepted, int offset) throws Exception {
        drill.parallel(companies.size(), i -> {
            long company = companies.get(i);
            long call = offset + i < TO_PAYMENT ? full.id() : other.id();
            Drill.Attempt attempt = drill.onNode(offset + i, Drill.smeOf(company),
                    api -> api.post("/api/calls/" + call + "/applications", application(company)));
            if (attempt.answer().ok()) {
                accepted.put(company, attempt.answer().body().get("id").asLong());
            } else if (attempt.retried() && attempt.answer().status() == 409) {
                // The first node took it before it died; the answer was lost, the application was not.
                accepted.put(company, -1L);
            } else {
                throw new AssertionError("Application of " + company + " refused: " + attempt.answer().text());
            }
            return null;
        });
    }

    /** Every payment made, no job to run or locked, no message waiting: empty when all work is done. */
    private static Map<String, Long> workLeft(Drill drill) {
        Map<String, Long> left = new java.util.LinkedHashMap<>();
        left.put("payments to make", TO_PAYMENT - drill.db.count("select count(*) from payment"));
        left.put("jobs to run", drill.runnableJobs());
        left.put("jobs locked", drill.db.count("select count(*) from act_ru_job where lock_owner_ is not null"));
        left.put("messages to send", drill.db.count("select count(*) from notification where status = 'PENDING'"));
        left.values().removeIf(count -> count == 0);
        return left;
    }

    private static void completeAll(Drill drill, String taskKey, String user, Map<String, Object> form) throws Exception {
        Drill.awaitTrue(taskKey, STEP, () -> drill.taskIdsOf(taskKey).size() == TO_PAYMENT);
        List<String> tasks = drill.taskIdsOf(taskKey);
        drill.parallel(tasks.size(), i -> {
            drill.complete(i, user, tasks.get(i), form);
            return null;
        });
    }

    static Map<String, Object> application(long company) {
        return Map.of("companyId", company, "motivation", "Canadian buyers of technical textiles.",
                "targetMarkets", "Canada", "exportExperience", "We export to France.", "requestedAmount", 2000,
                "participants", List.of(Map.of("fullName", "Export Manager " + company, "jobTitle", "Export manager")),
                "declarations", Map.of("smeStatus", true, "deMinimis", true, "noDoubleFunding", true,
                        "dataProtection", true));
    }

    private static Map<String, Object> claim(long company) {
        return Map.of("items", List.of(Map.of("category", "TRAVEL", "amount", 900, "currency", "EUR",
                        "date", Drill.today().toString(), "description", "Return flight", "receipt", "receipt.pdf")),
                "attendanceProofs", List.of("badge.pdf"), "missionReport", "We met four buyers.", "daysAttended", 2,
                "iban", "ES9121000418450200051332", "accountHolder", "Drill Company " + company);
    }

    private static List<String> instancesOf(ClusterDatabase db, long call) {
        return db.rows("select process_instance_id from application where call_id = ?", call).stream()
                .map(row -> (String) row.get("process_instance_id")).toList();
    }

    private static List<Map<String, Object>> tasksIn(ClusterDatabase db, String taskKey, Collection<String> instances) {
        return db.rows("select id_, assignee_, proc_inst_id_ from act_ru_task where task_def_key_ = ?", taskKey).stream()
                .filter(row -> instances.contains(row.get("proc_inst_id_"))).toList();
    }

    private static List<Long> applicationsOf(ClusterDatabase db, List<Map<String, Object>> tasks) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> task : tasks) {
            ids.add(((Number) db.one("select id from application where process_instance_id = ?",
                    task.get("proc_inst_id_"))).longValue());
        }
        return ids;
    }

    private static String smeOf(ClusterDatabase db, long application) {
        return Drill.smeOf(((Number) db.one("select company_id from application where id = ?", application)).longValue());
    }

    private static long timers(ClusterDatabase db, String activityId, Collection<String> instances) {
        return db.rows("select j.process_instance_id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where d.act_id_ = ?", activityId).stream()
                .filter(row -> instances.contains(row.get("process_instance_id_"))).count();
    }
}
