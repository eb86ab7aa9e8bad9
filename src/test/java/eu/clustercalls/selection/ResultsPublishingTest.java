package eu.clustercalls.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.support.ServiceStarts;

/**
 * Publishing the results of a call with hundreds of applications: every instance gets its result, and when one of
 * them cannot, nothing of the publication stays, in the applications, the outbox, the audit trail or the other
 * instances, and the job can be retried.
 */
@ClusterCallsTest
class ResultsPublishingTest {

    /** A call of several hundred applications. */
    private static final int APPLICATIONS = 450;
    private static final int SLOTS = 50;
    private static final BigDecimal THRESHOLD = new BigDecimal("15");

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

    Scenario.Cluster cluster;
    FundingCall call;
    int atOrAboveThreshold;

    @BeforeEach
    void aLargeCallWhoseSelectionIsApproved() {
        cluster = scenario.cluster();
        call = scenario.publishedCall(cluster, form -> form.put("slots", (long) SLOTS));
        long idBase = 2_000_000_000L + Scenario.next() * 1_000_000L;
        ScoredApplications scored = new ScoredApplications(jdbc, transactions, runtimeService, starts);
        atOrAboveThreshold = scored.insert(call, cluster, APPLICATIONS, idBase, THRESHOLD);
        scored.startProcessesAtSelectionDecided(call, APPLICATIONS, idBase);
        calls.closeEarly(call.getId(), cluster.manager(), "Every application is scored.");
        scenario.runJobs();
        Task decision = taskService.createTaskQuery().processInstanceId(call.getProcessInstanceId())
                .taskDefinitionKey(FundingCallProcess.TASK_SELECTION_DECISION).singleResult();
        assertThat(decision).as("selection decision task").isNotNull();
        scenario.as(cluster.manager(), () -> taskService.complete(decision.getId(), Map.of(
                FundingCallProcess.FIELD_SELECTION_DECISION, FundingCallProcess.SelectionDecision.APPROVE.name())));
        assertThat(atOrAboveThreshold).as("the data fill the main list and leave a reserve list and rejections")
                .isGreaterThan(SLOTS).isLessThan(APPLICATIONS);
    }

    @Test
    void everyInstanceOfALargeCallGetsItsResult() {
        scenario.runJobs();

        assertThat(statuses()).containsExactlyInAnyOrderEntriesOf(Map.of("SELECTED", (long) SLOTS,
                "RESERVE", (long) atOrAboveThreshold - SLOTS, "NOT_SELECTED", (long) APPLICATIONS - atOrAboveThreshold));
        assertThat(waitingForTheDecision()).isZero();
        assertThat(taskService.createTaskQuery().tenantIdIn(cluster.id())
                .taskDefinitionKey(ApplicationProcess.TASK_CONFIRM_PARTICIPATION).count()).isEqualTo(SLOTS);
        assertThat(runtimeService.createEventSubscriptionQuery().tenantIdIn(cluster.id())
                .eventName(ApplicationProcess.MESSAGE_PROMOTED).count()).isEqualTo(atOrAboveThreshold - SLOTS);
        assertThat(rows("select count(*) from audit_event where action = 'RESULT_PUBLISHED' and tenant_id = ?"))
                .isEqualTo(APPLICATIONS);
        assertThat(rows("select count(*) from notification where type = 'SELECTION_RESULT' and tenant_id = ?"))
                .isEqualTo(APPLICATIONS);
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.RESULTS_PUBLISHED);
    }

    @Test
    void whenTheLastInstanceCannotTakeItsResultNothingOfThePublicationStays() {
        String lastRanked = jdbc.queryForObject("select process_instance_id from application where call_id = ?"
                + " order by ranking desc limit 1", String.class, call.getId());
        runtimeService.deleteProcessInstance(lastRanked, "test: no longer waiting for the decision", true, true);
        Job publish = managementService.createJobQuery().processInstanceId(call.getProcessInstanceId()).executable()
                .singleResult();
        try {
            assertThatThrownBy(() -> managementService.executeJob(publish.getId()))
                    .hasMessageContaining(ApplicationProcess.MESSAGE_SELECTION_DECIDED);

            assertThat(statuses()).as("no application was told").containsExactly(Map.entry("EVALUATED", (long) APPLICATIONS));
            assertThat(waitingForTheDecision()).as("the other instances wait still").isEqualTo(APPLICATIONS - 1);
            assertThat(taskService.createTaskQuery().tenantIdIn(cluster.id())
                    .taskDefinitionKey(ApplicationProcess.TASK_CONFIRM_PARTICIPATION).count()).isZero();
            assertThat(rows("select count(*) from audit_event where action = 'RESULT_PUBLISHED' and tenant_id = ?")).isZero();
            assertThat(rows("select count(*) from notification where type = 'SELECTION_RESULT' and tenant_id = ?")).isZero();
            assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.CLOSED);
            Job retried = managementService.createJobQuery().jobId(publish.getId()).singleResult();
            assertThat(retried.getRetries()).as("the job is retried").isPositive();
            assertThat(retried.getDuedate()).as("a while later").isInTheFuture();
            assertThat(retried.getExceptionMessage()).contains(ApplicationProcess.MESSAGE_SELECTION_DECIDED);
        } finally {
            // The failed job would run again in another test's runJobs once its retry is due: end the call's process.
            runtimeService.deleteProcessInstance(call.getProcessInstanceId(), "test clean-up", true, true);
        }
    }

    private Map<String, Long> statuses() {
        Map<String, Long> statuses = new HashMap<>();
        jdbc.query("select status, count(*) from application where call_id = ? group by status",
                rs -> {
                    statuses.put(rs.getString(1), rs.getLong(2));
                }, call.getId());
        return statuses;
    }

    private long waitingForTheDecision() {
        List<String> instances = jdbc.queryForList("select process_instance_id from application where call_id = ?",
                String.class, call.getId());
        return instances.stream().filter(id -> runtimeService.createEventSubscriptionQuery().processInstanceId(id)
                .eventName(ApplicationProcess.MESSAGE_SELECTION_DECIDED).count() > 0).count();
    }

    private long rows(String sql) {
        return jdbc.queryForObject(sql, Long.class, cluster.id());
    }
}
