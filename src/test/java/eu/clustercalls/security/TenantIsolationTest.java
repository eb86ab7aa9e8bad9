package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ReimbursementProcess;

/**
 * What staff see in Tasklist, Cockpit and the engine REST API with authorizations and the tenant check on (the
 * engine is asked as each of them, with their groups and clusters, as the webapps ask it). Cluster A has a claim
 * waiting for finance, an application in eligibility review and one with its evaluators; cluster B must see none.
 * One setup for all tests: every attempt here is refused and changes nothing.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ProcessAssertions.class)
class TenantIsolationTest {

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuthorizationService authorizationService;

    Scenario.Cluster a;
    Scenario.Cluster b;
    Application inReview;
    Application withEvaluators;
    Application claimed;

    @BeforeAll
    void twoClusters() {
        ClaimSetup.Participant participant = setup.openClaim(new BigDecimal("2000"));
        a = participant.cluster();
        claimed = participant.application();
        fixtures.submit(claimed, ClaimFixtures.input(2, ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00",
                "EUR", participant.call().getActivityStart(), "hotel")));
        scenario.runJobs();
        FundingCall open = scenario.publishedCall(a);
        inReview = scenario.apply(open, scenario.memberCompany(a), new BigDecimal("1500"));
        withEvaluators = scenario.eligibleApplication(a, open, new BigDecimal("1500"));
        b = scenario.cluster();
        // Cluster B runs a call of its own, so its staff have something to see.
        scenario.eligibleApplication(b, scenario.publishedCall(b), new BigDecimal("1500"));
    }

    private List<Task> tasklistOf(String user) {
        return scenario.as(user, () -> taskService.createTaskQuery().list());
    }

    private List<String> processInstancesOf(List<Task> tasks) {
        return tasks.stream().map(Task::getProcessInstanceId).toList();
    }

    @Test
    void anEvaluatorOfAnotherClusterSeesNoTaskOfThisCluster() {
        String outsider = b.evaluators().get(0);

        assertThat(processInstancesOf(tasklistOf(outsider))).doesNotContain(inReview.getProcessInstanceId(),
                withEvaluators.getProcessInstanceId(), fixtures.claimOf(claimed).getProcessInstanceId())
                .allSatisfy(id -> assertThat(scenario.as(outsider,
                        () -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count())).isZero());
        assertThat(tasklistOf(outsider)).extracting(Task::getTenantId).containsOnly(b.id());

        Task evaluation = taskService.createTaskQuery().processInstanceId(withEvaluators.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_EVALUATE).list().get(0);
        assertThatThrownBy(() -> scenario.as(outsider, () -> taskService.complete(evaluation.getId(),
                Scenario.scoresForm(10, 10, 5)))).isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> scenario.as(outsider, () -> taskService.claim(evaluation.getId(), outsider)))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(taskService.createTaskQuery().taskId(evaluation.getId()).singleResult().getAssignee())
                .isNotEqualTo(outsider);
    }

    @Test
    void financeOfAnotherClusterCannotSeeOrClaimThisClustersClaim() {
        Task verify = fixtures.task(claimed, ReimbursementProcess.TASK_VERIFY_CLAIM);

        assertThat(tasklistOf(b.verifier())).extracting(Task::getId).doesNotContain(verify.getId());
        assertThatThrownBy(() -> scenario.as(b.verifier(), () -> taskService.claim(verify.getId(), b.verifier())))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(tasklistOf(a.verifier())).extracting(Task::getId).contains(verify.getId());
    }

    @Test
    void evaluatorsSeeTheirEvaluationsButNoFinanceOrEligibilityTask() {
        String evaluator = scenario.evaluatorsOf(withEvaluators).get(0);

        assertThat(tasklistOf(evaluator)).isNotEmpty()
                .extracting(Task::getTaskDefinitionKey).containsOnly(ApplicationProcess.TASK_EVALUATE);
        assertThat(tasklistOf(a.reviewer())).extracting(Task::getTaskDefinitionKey)
                .containsOnly(ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
    }

    @Test
    void eligibilityReviewersReadNoInstanceVariablesOrHistoryWhereScoresLive() {
        String reviewer = a.reviewer();

        scenario.as(reviewer, () -> {
            assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
            assertThat(runtimeService.createVariableInstanceQuery().list()).as("only what their own review task shows")
                    .isNotEmpty().allSatisfy(variable -> assertThat(variable.getProcessInstanceId())
                            .isEqualTo(inReview.getProcessInstanceId()));
            assertThat(historyService.createHistoricProcessInstanceQuery().count()).isZero();
            assertThat(historyService.createHistoricVariableInstanceQuery().count()).isZero();
            assertThat(historyService.createHistoricTaskInstanceQuery().count()).isZero();
        });
    }

    @Test
    void callManagersMonitorOnlyTheirOwnClustersInstancesAndHistory() {
        List<String> aInstances = List.of(inReview.getProcessInstanceId(), withEvaluators.getProcessInstanceId(),
                claimed.getProcessInstanceId());

        scenario.as(a.manager(), () -> {
            assertThat(runtimeService.createProcessInstanceQuery().list())
                    .extracting(instance -> instance.getProcessInstanceId()).containsAll(aInstances)
                    .allSatisfy(id -> assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id)
                            .singleResult().getTenantId()).isEqualTo(a.id()));
            assertThat(historyService.createHistoricProcessInstanceQuery().list())
                    .extracting(instance -> instance.getTenantId()).containsOnly(a.id());
        });
        scenario.as(b.manager(), () -> {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(aInstances))
                    .count()).isZero();
            assertThat(historyService.createHistoricProcessInstanceQuery().list())
                    .isNotEmpty().extracting(instance -> instance.getTenantId()).containsOnly(b.id());
            assertThat(historyService.createHistoricTaskInstanceQuery().tenantIdIn(a.id()).count()).isZero();
            assertThat(runtimeService.createVariableInstanceQuery()
                    .processInstanceIdIn(aInstances.toArray(String[]::new)).count()).isZero();
        });
        assertThatThrownBy(() -> scenario.as(b.manager(), () -> runtimeService.setVariable(
                inReview.getProcessInstanceId(), "approved", true))).isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> scenario.as(a.manager(), () -> runtimeService.deleteProcessInstance(
                inReview.getProcessInstanceId(), "tidying up"))).as("monitoring only: no edits in Cockpit")
                .isInstanceOf(ProcessEngineException.class);
    }

    @Test
    void eachGroupReachesOnlyTheWebappsItNeeds() {
        assertThat(access(scenario.applicantOf(claimed))).as("SME users work in the portal").isEmpty();
        assertThat(access(a.reviewer())).containsExactly("tasklist");
        assertThat(access(a.evaluators().get(0))).containsExactly("tasklist");
        assertThat(access(a.verifier())).containsExactly("tasklist");
        assertThat(access(a.manager())).containsExactly("tasklist", "cockpit");
        assertThat(access(scenario.user("admin-" + Scenario.next(), Roles.ADMIN)))
                .containsExactly("tasklist", "cockpit", "admin", "welcome");
    }

    private List<String> access(String user) {
        List<String> groups = scenario.groupsOf(user);
        return List.of("tasklist", "cockpit", "admin", "welcome").stream()
                .filter(app -> authorizationService.isUserAuthorized(user, groups, Permissions.ACCESS,
                        Resources.APPLICATION, app))
                .toList();
    }
}
