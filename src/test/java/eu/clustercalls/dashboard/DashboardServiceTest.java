package eu.clustercalls.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.support.NotFoundException;

@ClusterCallsTest
@Import({ClaimFixtures.class, DashboardScenario.class})
class DashboardServiceTest {

    @Autowired
    DashboardScenario scenario;
    @Autowired
    Scenario base;
    @Autowired
    DashboardService dashboard;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    PaymentService payments;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void theFunnelCountsEachApplicationAtEveryStageItReached() {
        DashboardScenario.Built built = scenario.call();

        DashboardService.Funnel funnel = dashboard.funnel(built.call());

        assertThat(funnel).isEqualTo(new DashboardService.Funnel(6, 5, 5, 4, 2, 2, 1));
    }

    @Test
    void theBudgetCommitsTheConfirmedGrantsAndShowsThePromotedReserveAsAwaitingConfirmation() {
        DashboardScenario.Built built = scenario.call();
        BigDecimal paid = payments.ofClaim(claims.claimOf(built.paid()).getId()).orElseThrow().getAmount();

        DashboardService.Budget budget = dashboard.budget(built.call());

        assertThat(paid).isEqualByComparingTo("1250");
        assertThat(budget.budget()).isEqualByComparingTo("6000");
        assertThat(budget.requested()).isEqualByComparingTo("7900");
        assertThat(budget.committed()).as("the paid and the claimed application").isEqualByComparingTo("3500");
        assertThat(budget.awaitingConfirmation()).as("the promoted reserve").isEqualByComparingTo("1000");
        assertThat(budget.paid()).isEqualByComparingTo(paid);
        assertThat(budget.remaining()).isEqualByComparingTo("2500");
    }

    @Test
    void theApplicationsCarryTheirStatusAwardedClaimedAndPaidAmounts() {
        DashboardScenario.Built built = scenario.call();

        var rows = dashboard.applications(built.call(), Pageable.unpaged());

        assertThat(rows).extracting(row -> row.line().id()).containsExactly(built.paid().getId(),
                built.claimed().getId(), built.declined().getId(), built.promoted().getId(), built.weak().getId(),
                built.notAnSme().getId());
        assertThat(rows.get(0).line().status()).isEqualTo(ApplicationStatus.REIMBURSED);
        assertThat(rows.get(0).awarded()).isEqualByComparingTo("2000");
        assertThat(rows.get(0).claimed()).isPositive();
        assertThat(rows.get(0).paid()).isEqualByComparingTo("1250");
        assertThat(rows.get(1).line().status()).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(rows.get(1).awarded()).isEqualByComparingTo("1500");
        assertThat(rows.get(1).paid()).isNull();
        assertThat(rows.get(2).line().status()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(rows.get(2).awarded()).isNull();
        assertThat(rows.get(3).line().status()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(rows.get(4).line().status()).isEqualTo(ApplicationStatus.NOT_SELECTED);
        assertThat(rows.get(5).line().status()).isEqualTo(ApplicationStatus.INELIGIBLE);
    }

    @Test
    void theEngineCountsAreTheCallsActivityInstancesAsCockpitCountsThem() {
        DashboardScenario.Built built = scenario.call();

        var counts = dashboard.engineCounts(built.call());

        assertThat(counts).isNotEmpty().allSatisfy(count -> assertThat(count.instances())
                .isEqualTo(runtimeService.createExecutionQuery().processDefinitionKey(count.processKey())
                        .processVariableValueEquals(FundingCallProcess.VAR_CALL_ID, built.call().getId())
                        .activityId(count.activityId()).count()));
        assertThat(counts).anySatisfy(count -> {
            assertThat(count.processKey()).isEqualTo(ReimbursementProcess.KEY);
            assertThat(count.activityId()).isEqualTo(ReimbursementProcess.TASK_VERIFY_CLAIM);
            assertThat(count.instances()).as("the claimed application's claim").isEqualTo(1);
        });
        assertThat(counts).anySatisfy(count -> {
            assertThat(count.activityId()).isEqualTo(ApplicationProcess.TASK_CONFIRM_PARTICIPATION);
            assertThat(count.instances()).as("the promoted reserve").isEqualTo(1);
        });
    }

    @Test
    void anApplicationWithTwoEvaluatorsAtWorkCountsTwiceAsOnCockpitsDiagram() {
        Scenario.Cluster cluster = base.cluster();
        FundingCall call = base.publishedCall(cluster);
        Application application = base.eligibleApplication(cluster, call, new BigDecimal("1500"));
        base.runJobs();

        var counts = dashboard.engineCounts(call);

        assertThat(base.evaluatorsOf(application)).hasSize(2);
        assertThat(counts).anySatisfy(count -> {
            assertThat(count.activityId()).isEqualTo(ApplicationProcess.TASK_EVALUATE);
            assertThat(count.instances()).isEqualTo(2);
        });
    }

    @Test
    void aTaskPastItsDueDateIsListedWithItsCandidateGroup() {
        DashboardScenario.Built built = scenario.call();
        Task verify = claims.task(built.claimed(), ReimbursementProcess.TASK_VERIFY_CLAIM);
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        taskService.setDueDate(verify.getId(), Date.from(due));

        var overdue = dashboard.overdueTasks(built.call());

        assertThat(overdue).anySatisfy(task -> {
            assertThat(task.id()).isEqualTo(verify.getId());
            assertThat(task.applicationReference()).isEqualTo(built.claimed().reference());
            assertThat(task.due()).isEqualTo(due);
            assertThat(task.late()).isGreaterThanOrEqualTo(Duration.ofDays(3).minusMinutes(1));
            assertThat(task.assignee()).isNull();
            assertThat(task.candidates()).contains("finance");
        });
    }

    @Test
    void anotherClustersManagerFindsNoCall() {
        DashboardScenario.Built built = scenario.call();

        assertThatThrownBy(() -> dashboard.call(scenario.otherClustersManager(), built.call().getId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(dashboard.callsOf(scenario.otherClustersManager())).isEmpty();
        assertThat(dashboard.callsOf(built.cluster().manager())).singleElement()
                .satisfies(call -> assertThat(call.applications()).isEqualTo(6));
    }
}
