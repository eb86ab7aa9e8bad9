package eu.clustercalls.selection;

import static eu.clustercalls.ProcessAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditEventRepository;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;

/**
 * The SME withdraws its application on every path of processes/application.bpmn: the process ends by the
 * "Withdrawn by the SME" event subprocess, open tasks go, evaluators are released, a held slot goes to the reserve
 * list as after a decline, and a running reimbursement ends; once the claim is on its way to payment nothing changes.
 */
@ClusterCallsTest
@Import({ ClaimFixtures.class, ClaimSetup.class })
@ExtendWith(ProcessAssertions.class)
class WithdrawalProcessTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500");
    private static final String REASON = "Our export manager left the company.";

    @Autowired
    Scenario scenario;
    @Autowired
    Withdrawals withdrawals;
    @Autowired
    ApplicationService applicationService;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    ClaimSetup claimSetup;
    @Autowired
    ClaimService claimService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anApplicationInEligibilityReviewIsWithdrawnAndTheReviewTaskGoes() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        scenario.runJobsOf(application.getProcessInstanceId());
        assertThat(scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW)).isNotNull();

        ProcessInstance instance = instance(application);

        withdraw(application, REASON);

        assertThat(instance).isEnded().hasPassed(ApplicationProcess.START_APPLICATION_WITHDRAWN,
                ApplicationProcess.END_WITHDRAWN).hasNotPassed(ApplicationProcess.TASK_RELEASE_WITHDRAWN_SLOT);
        assertThat(taskQuery().processInstanceId(application.getProcessInstanceId()).count()).isZero();
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(trail(application)).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision,
                AuditEvent::getReason).contains(tuple("APPLICATION_WITHDRAWN", scenario.applicantOf(application),
                        ApplicationStatus.IN_REVIEW.name(), REASON));
    }

    @Test
    void aWithdrawalWithoutAReasonLeavesNoJobAndNoReason() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);

        ProcessInstance instance = instance(application);

        withdraw(application, "  ");

        assertThat(instance).isEnded().hasPassed(ApplicationProcess.END_WITHDRAWN);
        assertThat(jobQuery().processInstanceId(application.getProcessInstanceId()).count()).isZero();
        assertThat(trail(application)).filteredOn(e -> e.getAction().equals("APPLICATION_WITHDRAWN"))
                .singleElement().satisfies(e -> assertThat(e.getReason()).isNull());
    }

    @Test
    void duringAClarificationRequestTheSmesTaskAndItsTimerGo() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        scenario.runJobsOf(application.getProcessInstanceId());
        scenario.askForClarification(cluster, application, "Who travels?");
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);

        ProcessInstance instance = instance(application);

        withdraw(application, REASON);

        assertThat(instance).isEnded().hasPassed(ApplicationProcess.END_WITHDRAWN)
                .hasNotPassed(ApplicationProcess.TASK_EXPIRE_CLARIFICATION);
        assertThat(taskQuery().processInstanceId(application.getProcessInstanceId()).count()).isZero();
        assertThat(jobQuery().processInstanceId(application.getProcessInstanceId()).timers().count()).isZero();
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void duringTheEvaluationTheEvaluatorsTasksGoAndTheirAssignmentsAreReleased() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        List<String> evaluators = scenario.evaluatorsOf(application);
        assertThat(evaluators).hasSize(2);
        scenario.evaluate(application, evaluators.get(0), 8, 8, 4);

        ProcessInstance instance = instance(application);

        withdraw(application, REASON);

        assertThat(instance).isEnded().hasPassed(ApplicationProcess.END_WITHDRAWN);
        assertThat(scenario.evaluatorsOf(application)).isEmpty();
        assertThat(jdbc.queryForList("select evaluator, released_at is not null as released, submitted_at is not null "
                + "as submitted from evaluation where application_id = ? order by evaluator", application.getId()))
                .extracting(row -> row.get("EVALUATOR"), row -> row.get("RELEASED"), row -> row.get("SUBMITTED"))
                .containsExactly(tuple(evaluators.get(0), false, true), tuple(evaluators.get(1), true, false));
        assertThat(trail(application)).extracting(AuditEvent::getAction, AuditEvent::getDecision)
                .contains(tuple("EVALUATION_RELEASED", evaluators.get(1)))
                .doesNotContain(tuple("EVALUATION_RELEASED", evaluators.get(0)));
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void onTheReserveListTheApplicationLeavesTheListAndTheSelectedOneKeepsItsPlace() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 1L));
        Application selected = scenario.evaluatedApplication(cluster, call, REQUESTED, 22, 22);
        Application reserve = scenario.evaluatedApplication(cluster, call, REQUESTED, 18, 18);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        assertThat(stored(reserve).getStatus()).isEqualTo(ApplicationStatus.RESERVE);

        ProcessInstance instance = instance(reserve);

        withdraw(reserve, REASON);
        scenario.runJobs();

        assertThat(instance).isEnded().hasPassed(ApplicationProcess.END_WITHDRAWN)
                .hasNotPassed(ApplicationProcess.MESSAGE_EVENT_PROMOTED);
        assertThat(stored(reserve).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(stored(selected).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(scenario.task(selected, ApplicationProcess.TASK_CONFIRM_PARTICIPATION)).isNotNull();
    }

    @Test
    void aSelectedApplicationAwaitingConfirmationGivesItsSlotToTheFirstOnTheReserveList() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 1L));
        Application selected = scenario.evaluatedApplication(cluster, call, REQUESTED, 22, 22);
        Application reserve = scenario.evaluatedApplication(cluster, call, REQUESTED, 18, 18);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        assertThat(stored(selected).getStatus()).isEqualTo(ApplicationStatus.SELECTED);

        ProcessInstance instance = instance(selected);

        withdraw(selected, REASON);

        assertThat(instance).isWaitingAt(ApplicationProcess.TASK_RELEASE_WITHDRAWN_SLOT);
        assertThat(scenario.task(selected, ApplicationProcess.TASK_CONFIRM_PARTICIPATION)).isNull();
        scenario.runJobs();

        assertThat(instance).isEnded().hasPassed(ApplicationProcess.TASK_RELEASE_WITHDRAWN_SLOT,
                ApplicationProcess.END_WITHDRAWN_SLOT_RELEASED).hasNotPassed(ApplicationProcess.TASK_RECORD_NO_ANSWER);
        assertThat(stored(selected).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(stored(reserve).getStatus()).as("promoted to the freed slot").isEqualTo(ApplicationStatus.SELECTED);
        assertThat(scenario.task(reserve, ApplicationProcess.TASK_CONFIRM_PARTICIPATION)).isNotNull();
        assertThat(trail(reserve)).extracting(AuditEvent::getAction).contains("PROMOTED_FROM_RESERVE");
    }

    @Test
    void aConfirmedApplicationWithAnOpenClaimEndsItsReimbursementAndFreesTheSlot() {
        ClaimSetup.Participant participant = claimSetup.openClaim(REQUESTED);
        Application application = participant.application();
        String claimInstance = claims.claimOf(application).getProcessInstanceId();
        assertThat(processInstanceQuery().processInstanceId(claimInstance).singleResult()).isNotNull();

        ProcessInstance instance = instance(application);

        withdraw(application, REASON);
        scenario.runJobs();

        assertThat(instance).isEnded().hasPassed(ApplicationProcess.END_WITHDRAWN_SLOT_RELEASED)
                .hasNotPassed(ApplicationProcess.END_GRANT_SETTLED);
        assertThat(processInstanceQuery().processInstanceId(claimInstance).singleResult())
                .as("the reimbursement ended with the application").isNull();
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(claimService.editable(claims.claimOf(application)))
                .as("the claim of a withdrawn application is closed to the SME").isFalse();
        assertThat(trail(application)).extracting(AuditEvent::getAction, AuditEvent::getDecision)
                .contains(tuple("APPLICATION_WITHDRAWN", ApplicationStatus.CONFIRMED.name()));
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc("FundingCall",
                participant.call().reference())).extracting(AuditEvent::getAction)
                .as("the freed slot reached the call, which had nobody left to promote").contains("RESERVE_EXHAUSTED");
    }

    @Test
    void aClaimApprovedForPaymentIsRefusedAndNothingChanges() {
        ClaimSetup.Participant participant = claimSetup.openClaim(REQUESTED);
        Application application = participant.application();
        claims.submit(application, ClaimFixtures.input(3, ClaimFixtures.item(ExpenseCategory.ACCOMMODATION,
                "450.00", "EUR", participant.call().getActivityStart(), "hotel")));
        claims.verify(participant.cluster().verifier(), application, "APPROVE", null, null);
        claims.decidePayment(participant.cluster().approver(), application, "APPROVE", null);
        assertThat(claims.claimOf(application).getStatus()).isIn(ClaimStatus.APPROVED, ClaimStatus.PAID);

        ProcessInstance instance = instance(application);

        Throwable refused = refusal(() -> withdraw(application, REASON));

        assertThat(refused).isInstanceOf(ConflictException.class);
        assertThat(Phrase.read(refused.getMessage())).hasValueSatisfying(phrase ->
                assertThat(phrase.key()).isEqualTo("refusal.withdrawal.paid"));
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(instance).isNotEnded();
        assertThat(trail(application)).extracting(AuditEvent::getAction).doesNotContain("APPLICATION_WITHDRAWN");
    }

    @Test
    void anApplicationAlreadyWithdrawnOrAnotherCompanysIsRefused() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        Application other = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        withdraw(application, null);

        assertThat(refusal(() -> withdraw(application, null))).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(Phrase.read(e.getMessage()).map(Phrase::key))
                        .hasValue("refusal.withdrawal.over"));
        String stranger = scenario.applicantOf(other);
        assertThat(refusal(() -> Scenario.asPortalUser(stranger,
                () -> withdrawals.withdraw(stranger, application.getId(), null))))
                .isInstanceOf(NotFoundException.class);
        assertThat(trail(application)).filteredOn(e -> e.getAction().equals("APPLICATION_WITHDRAWN")).hasSize(1);
        assertThat(stored(other).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    private void withdraw(Application application, String reason) {
        String user = scenario.applicantOf(application);
        Scenario.asPortalUser(user, () -> withdrawals.withdraw(user, application.getId(), reason));
    }

    /** The running instance, to assert on after it ended. */
    private ProcessInstance instance(Application application) {
        return processInstanceQuery().processInstanceId(application.getProcessInstanceId()).singleResult();
    }

    private Application stored(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }

    private List<AuditEvent> trail(Application application) {
        return auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc("Application", application.reference());
    }
}
