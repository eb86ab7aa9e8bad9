package eu.clustercalls.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One node killed with SIGKILL in the middle of 500 submissions. Every submission answered with a 2xx must be there
 * after the restart, and carried on by the process; every other one must have left nothing, or (when the node died
 * between its commit and its answer) a complete application that a resubmission finds.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class NodeCrashIT {

    private static final int SUBMISSIONS = Integer.getInteger("clustercalls.crash.submissions", 500);

    enum Outcome { ACCEPTED, REFUSED_BY_RULE, CUT_OFF, NODE_DOWN }

    @Test
    void everyAnsweredSubmissionSurvivesASigkillAndNoOtherIsHalfWritten() throws Exception {
        ClusterDatabase db = ClusterDatabase.fresh();
        try (MailSink mail = MailSink.start()) {
            Path payments = Files.createDirectories(Path.of("target", "cluster", db.name + "-payments"));
            Node node = ClusterNodes.node("crash-node", db, mail, payments);
            Drill drill = new Drill(db, List.of(node));
            try {
                node.start();
                node.awaitUp(Duration.ofMinutes(5));
                drill.cluster();
                List<Long> companies = drill.companies(SUBMISSIONS);
                Drill.Call call = drill.publishedCall("Crash test call", Drill.today().plusDays(30),
                        Drill.today().plusDays(40), 50);

                Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
                AtomicInteger answered = new AtomicInteger();
                Thread killer = new Thread(() -> {
                    try {
                        Drill.awaitTrue("the first answers", Duration.ofMinutes(5), () -> answered.get() >= SUBMISSIONS * 2 / 5);
                        node.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                killer.start();
                drill.parallel(SUBMISSIONS, i -> {
                    long company = companies.get(i);
                    outcomes.put(company, submit(drill, company, call));
                    if (outcomes.get(company) == Outcome.ACCEPTED) {
                        answered.incrementAndGet();
                    }
                    return null;
                });
                killer.join();

                node.start();
                node.awaitUp(Duration.ofMinutes(5));
                long stored = db.count("select count(*) from application");
                Drill.awaitTrue("every stored application carried on to its eligibility review", Duration.ofMinutes(5),
                        () -> db.count("select count(*) from act_ru_task t join application a on a.process_instance_id "
                                + "= t.proc_inst_id_ where t.task_def_key_ = 'task_eligibility_review'") == stored);
                Drill.awaitTrue("the outbox sent", Duration.ofMinutes(3),
                        () -> db.count("select count(*) from notification where status = 'PENDING'") == 0
                                && drill.runnableJobs() == 0);

                Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
                outcomes.values().forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
                long lost = 0;
                long committedUnanswered = 0;
                Map<Long, Long> perCompany = db.applicationsPerCompany();
                for (var entry : outcomes.entrySet()) {
                    long rows = perCompany.getOrDefault(entry.getKey(), 0L);
                    if (entry.getValue() == Outcome.ACCEPTED && rows != 1) {
                        lost++;
                    } else if (entry.getValue() != Outcome.ACCEPTED && rows > 0) {
                        committedUnanswered++;
                    }
                }
                long instances = db.count("select count(*) from act_hi_procinst where proc_def_key_ = 'application'");
                long received = db.count("select count(*) from notification where type = 'APPLICATION_RECEIVED'");
                long audited = db.count("select count(*) from audit_event where action = 'APPLICATION_SUBMITTED'");
                long withoutProcess = db.count("select count(*) from application a where not exists (select 1 from "
                        + "act_ru_execution e where e.proc_inst_id_ = a.process_instance_id)");

                Figures figures = new Figures(db, mail, payments);
                // A client that got no answer sends again: the ones the node never stored are accepted now, the
                // ones it stored before dying are recognised.
                long resent = 0;
                long recognised = 0;
                for (var entry : outcomes.entrySet()) {
                    if (entry.getValue() != Outcome.ACCEPTED) {
                        Api.Answer again = drill.as(0, Drill.smeOf(entry.getKey())).post(
                                "/api/calls/" + call.id() + "/applications", TwoNodeClusterIT.application(entry.getKey()));
                        if (again.status() == 409 && again.text().contains("already applied")) {
                            recognised++;
                        } else {
                            again.expect(201);
                            resent++;
                        }
                    }
                }

                System.out.printf("%nCrash test on PostgreSQL (%s): %d submissions, node killed with SIGKILL after %d answers%n",
                        db.name, SUBMISSIONS, SUBMISSIONS * 2 / 5);
                System.out.printf("  answered 2xx: %d   cut off by the kill: %d   sent to the dead node: %d   refused: %d%n",
                        counts.getOrDefault(Outcome.ACCEPTED, 0L), counts.getOrDefault(Outcome.CUT_OFF, 0L),
                        counts.getOrDefault(Outcome.NODE_DOWN, 0L), counts.getOrDefault(Outcome.REFUSED_BY_RULE, 0L));
                System.out.printf("  after the restart: %d stored, lost: %d, half-written: %d (process instances %d, "
                        + "receipts %d, audit events %d)%n", stored, lost, withoutProcess, instances, received, audited);
                System.out.printf("  unanswered but stored before the kill: %d (complete; a resubmission is told so: %d)%n",
                        committedUnanswered, recognised);
                System.out.printf("  unanswered and not stored: %d (a resubmission is accepted: %d)%n",
                        SUBMISSIONS - counts.getOrDefault(Outcome.ACCEPTED, 0L) - committedUnanswered, resent);
                figures.print();

                assertThat(counts.get(Outcome.ACCEPTED)).as("answered before the kill").isGreaterThanOrEqualTo(SUBMISSIONS * 2L / 5);
                assertThat(counts.getOrDefault(Outcome.NODE_DOWN, 0L)).as("submissions after the kill").isPositive();
                assertThat(counts.getOrDefault(Outcome.REFUSED_BY_RULE, 0L)).isZero();
                assertThat(lost).as("answered submissions lost").isZero();
                assertThat(withoutProcess).as("applications without their process").isZero();
                assertThat(instances).as("application processes").isEqualTo(stored);
                assertThat(received).as("receipts in the outbox").isEqualTo(stored);
                assertThat(audited).as("audit events").isEqualTo(stored);
                assertThat(recognised).isEqualTo(committedUnanswered);
                assertThat(db.count("select count(*) from application")).isEqualTo(SUBMISSIONS);
                figures.assertNothingLostOrDuplicated(0);
            } finally {
                drill.shutdown();
                node.close();
            }
        }
        db.drop();
    }

    private static Outcome submit(Drill drill, long company, Drill.Call call) throws InterruptedException {
        try {
            Api.Answer answer = drill.as(0, Drill.smeOf(company)).post("/api/calls/" + call.id() + "/applications",
                    TwoNodeClusterIT.application(company));
            return answer.ok() ? Outcome.ACCEPTED : Outcome.REFUSED_BY_RULE;
        } catch (ConnectException down) {
            return Outcome.NODE_DOWN;
        } catch (IOException cutOff) {
            return Outcome.CUT_OFF;
        }
    }
}
