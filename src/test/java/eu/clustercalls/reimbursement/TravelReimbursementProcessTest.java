package eu.clustercalls.reimbursement;

import static eu.clustercalls.ProcessAssertions.refusal;
import static eu.clustercalls.ProcessAssertions.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.Notification;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.StaffWordsForTests;

/**
 * Every path of processes/travel-reimbursement.bpmn, from the award letter to the end of the application: paid on
 * time, reminded, forfeited, returned for correction, reduced, the four-eyes approval, and the payment job failing
 * and retried. Each test checks the path and what it leaves in the claim, the application, the audit trail, the
 * outbox, the de minimis ledger and the payment directory.
 */
@ClusterCallsTest
@Import(ClaimFixtures.class)
@ExtendWith(ProcessAssertions.class)
class TravelReimbursementProcessTest {

    private static final BigDecimal GRANT = new BigDecimal("2000");
    private static final String RETURN_COMMENT = "The hotel invoice is missing; please attach it.";

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimService claims;
    @Autowired
    ClaimPayment claimPayment;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    CompanyService companies;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    PaymentService payments;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ClusterCallsProperties properties;

    // --- on time ---------------------------------------------------------------------------------------------

    @Test
    void aClaimOnTimeIsComputedVerifiedApprovedAndPaidOnce() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, GRANT);
        ProcessInstance applicationInstance = instance(application.getProcessInstanceId());
        assertThat(applicationInstance).hasPassed(ApplicationProcess.TASK_SEND_AWARD_LETTER)
                .isWaitingAt(ApplicationProcess.TIMER_ACTIVITY_OVER);
        assertThat(outbox(application, NotificationType.AWARD_LETTER)).singleElement().satisfies(letter -> {
            assertThat(letter.getRecipient()).isEqualTo(scenario.applicantOf(application));
            assertThat(letter.getBody()).contains("up to €2,000.00", "by " + lastDayToClaim(call),
                    "de minimis aid");
        });

        scenario.activityOver(call, application);

        assertThat(applicationInstance).isWaitingAt(ApplicationProcess.CALL_TRAVEL_REIMBURSEMENT);
        ExpenseClaim open = fixtures.claimOf(application);
        ProcessInstance claimInstance = instance(open.getProcessInstanceId());
        Instant due = deadline(call);
        assertThat(open.getStatus()).isEqualTo(ClaimStatus.OPEN);
        assertThat(open.getDueAt()).as("the end of day 30 after the activity").isEqualTo(due);
        assertThat(claimInstance).hasPassed(ReimbursementProcess.TASK_OPEN_CLAIM)
                .isWaitingAtExactly(ReimbursementProcess.TASK_SUBMIT_CLAIM);
        assertThat(task(ReimbursementProcess.TASK_SUBMIT_CLAIM, claimInstance))
                .hasCandidateUser(scenario.applicantOf(application)).hasDueDate(Date.from(due));
        assertThat(job(ReimbursementProcess.TIMER_CLAIM_DEADLINE, claimInstance)).hasDueDate(Date.from(due));
        assertThat(outbox(open, NotificationType.CLAIM_OPENED)).singleElement().satisfies(opened -> {
            assertThat(opened.getRecipient()).isEqualTo(scenario.applicantOf(application));
            assertThat(opened.getBody()).contains(open.reference(), application.reference(),
                    "by " + lastDayToClaim(call), "at most €2,000.00");
        });

        fixtures.submit(application, ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "980.00", "USD", call.getActivityStart().minusDays(1), "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel")));

        ExpenseClaim computed = fixtures.claimOf(application);
        assertThat(claimInstance).hasPassed(ReimbursementProcess.TASK_SUBMIT_CLAIM, ReimbursementProcess.TASK_COMPUTE_AMOUNT)
                .hasNotPassed(ReimbursementProcess.TASK_REMIND_CLAIM, ReimbursementProcess.TASK_FORFEIT_GRANT)
                .isWaitingAtExactly(ReimbursementProcess.TASK_VERIFY_CLAIM);
        assertThat(jobQuery().processInstanceId(claimInstance.getId()).timers().count()).as("both timers are gone")
                .isZero();
        assertThat(computed.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(computed.getComputedAmount()).isPositive().isLessThan(GRANT);

        fixtures.verify(cluster.verifier(), application, "APPROVE", null, null);
        fixtures.decidePayment(cluster.approver(), application, "APPROVE", null);

        assertThat(claimInstance).as("the payment is an asynchronous step")
                .isWaitingAtExactly(ReimbursementProcess.TASK_EXECUTE_PAYMENT);
        scenario.runJobsOf(claimInstance.getId());

        ExpenseClaim paid = fixtures.claimOf(application);
        assertThat(claimInstance).hasPassed(ReimbursementProcess.TASK_VERIFY_CLAIM,
                ReimbursementProcess.TASK_APPROVE_PAYMENT, ReimbursementProcess.TASK_EXECUTE_PAYMENT,
                ReimbursementProcess.END_CLAIM_PAID).isEnded();
        assertThat(paid.getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(paid.getVerifiedAmount()).isEqualByComparingTo(computed.getComputedAmount());
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.REIMBURSED);

        Payment payment = payments.ofClaim(paid.getId()).orElseThrow();
        LocalDate executionDate = nextWeekday(paid.getApprovedAt());
        assertThat(payment).extracting(Payment::getReference, Payment::getExecutionDate, Payment::getVerifiedBy,
                Payment::getApprovedBy, Payment::getCreditorIban).containsExactly("PAY-" + paid.reference(),
                executionDate, cluster.verifier(), cluster.approver(), ClaimFixtures.SME_IBAN);
        assertThat(payment.getAmount()).isEqualByComparingTo(paid.getVerifiedAmount());
        assertThat(companies.aidRecordsOf(application.getCompanyId()))
                .extracting(AidRecord::getReference, AidRecord::getGrantedOn, AidRecord::getSource)
                .containsExactly(tuple("PAY-" + paid.reference(), executionDate, AidRecord.Source.CLUSTERCALLS));
        assertThat(outbox(paid, NotificationType.PAYMENT_EXECUTED)).singleElement().satisfies(told -> {
            assertThat(told.getRecipient()).isEqualTo(scenario.applicantOf(application));
            assertThat(told.getBody()).contains(Formats.euros(payment.getAmount()), Formats.date(executionDate),
                    "PAY-" + paid.reference(), "de minimis aid");
        });
        assertThat(paymentFiles(cluster)).as("one SEPA file, no partial file left")
                .containsExactly("PAY-" + paid.reference() + ".xml");
        assertThat(Files.readString(paymentFile(cluster, paid)))
                .contains("<EndToEndId>PAY-" + paid.reference() + "</EndToEndId>",
                        "<ReqdExctnDt>" + executionDate + "</ReqdExctnDt>");
        assertThat(audit.trailOf(paid)).extracting(AuditEvent::getAction, AuditEvent::getActor).containsExactly(
                tuple("CLAIM_OPENED", "system"),
                tuple("CLAIM_SUBMITTED", scenario.applicantOf(application)),
                tuple("CLAIM_COMPUTED", "system"),
                tuple("CLAIM_VERIFIED", cluster.verifier()),
                tuple("PAYMENT_APPROVE", cluster.approver()),
                tuple("PAYMENT_EXECUTED", "system"));
        assertThat(applicationInstance).hasPassed(ApplicationProcess.CALL_TRAVEL_REIMBURSEMENT,
                ApplicationProcess.END_GRANT_SETTLED).isEnded();
    }

    // --- reminded --------------------------------------------------------------------------------------------

    @Test
    void onDay20AnSmeThatHasNotClaimedIsRemindedOnceAndCanStillSubmit() {
        Opened opened = openedClaim(GRANT);
        ProcessInstance claimInstance = opened.claimInstance();
        Instant remindAt = opened.call().getActivityEnd().plusDays(20).atTime(9, 0).atZone(scenario.zone()).toInstant();
        assertThat(job(ReimbursementProcess.TIMER_CLAIM_REMINDER, claimInstance)).hasDueDate(Date.from(remindAt));

        scenario.daysAfterActivity(opened.call(), 20);
        scenario.runJobsOf(claimInstance.getId());

        assertThat(claimInstance).as("at 08:00 the 09:00 reminder is not due yet")
                .hasNotPassed(ReimbursementProcess.TIMER_CLAIM_REMINDER);

        ClockUtil.setCurrentTime(Date.from(remindAt));
        scenario.runJobsOf(claimInstance.getId());

        assertThat(claimInstance).hasPassed(ReimbursementProcess.TIMER_CLAIM_REMINDER,
                ReimbursementProcess.TASK_REMIND_CLAIM, ReimbursementProcess.END_REMINDER_SENT)
                .hasNotPassed(ReimbursementProcess.TASK_FORFEIT_GRANT)
                .isWaitingAtExactly(ReimbursementProcess.TASK_SUBMIT_CLAIM);
        Task submission = task(ReimbursementProcess.TASK_SUBMIT_CLAIM, claimInstance);
        assertThat(submission).as("the SME's task stays open").hasDueDate(Date.from(deadline(opened.call())));
        ExpenseClaim reminded = fixtures.claimOf(opened.application());
        assertThat(reminded).extracting(ExpenseClaim::getStatus, ExpenseClaim::getRemindedAt)
                .containsExactly(ClaimStatus.OPEN, remindAt);
        assertThat(last(audit.trailOf(reminded))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly("CLAIM_REMINDER_SENT", "system");
        assertThat(jobQuery().processInstanceId(claimInstance.getId()).timers().list())
                .as("only the deadline is left").singleElement()
                .satisfies(timer -> assertThat(timer).hasDueDate(Date.from(deadline(opened.call()))));

        scenario.daysAfterActivity(opened.call(), 25);
        scenario.runJobsOf(claimInstance.getId());

        assertThat(outbox(reminded, NotificationType.CLAIM_REMINDER)).singleElement().satisfies(reminder -> {
            assertThat(reminder.getRecipient()).isEqualTo(scenario.applicantOf(opened.application()));
            assertThat(reminder.getSubject()).contains("by " + lastDayToClaim(opened.call()));
            assertThat(reminder.getBody()).contains(reminded.reference(), "the grant is lost");
        });

        submitTwoItems(opened);

        assertThat(claimInstance).hasPassed(ReimbursementProcess.TASK_SUBMIT_CLAIM, ReimbursementProcess.TASK_COMPUTE_AMOUNT)
                .isWaitingAtExactly(ReimbursementProcess.TASK_VERIFY_CLAIM);
        assertThat(task(ReimbursementProcess.TASK_VERIFY_CLAIM, claimInstance)).hasCandidateGroup(Roles.FINANCE);
        assertThat(jobQuery().processInstanceId(claimInstance.getId()).timers().count()).isZero();
        assertThat(fixtures.claimOf(opened.application()).getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    // --- forfeited -------------------------------------------------------------------------------------------

    @Test
    void withoutAClaimByTheEndOfDay30TheGrantIsForfeitedAndTheApplicationEnds() {
        Opened opened = openedClaim(GRANT);
        ProcessInstance claimInstance = opened.claimInstance();
        Instant due = deadline(opened.call());
        scenario.daysAfterActivity(opened.call(), 20);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3600)));
        scenario.runJobsOf(claimInstance.getId());
        assertThat(claimInstance).hasPassed(ReimbursementProcess.END_REMINDER_SENT);

        ClockUtil.setCurrentTime(Date.from(due.minusSeconds(60)));
        scenario.runJobsOf(claimInstance.getId());

        assertThat(claimInstance).as("23:59 on day 30: still time").hasNotPassed(ReimbursementProcess.TIMER_CLAIM_DEADLINE)
                .isWaitingAtExactly(ReimbursementProcess.TASK_SUBMIT_CLAIM);

        scenario.daysAfterActivity(opened.call(), 31);
        scenario.runJobsOf(claimInstance.getId());

        assertThat(claimInstance).hasPassed(ReimbursementProcess.TIMER_CLAIM_DEADLINE,
                ReimbursementProcess.TASK_FORFEIT_GRANT, ReimbursementProcess.END_GRANT_FORFEITED)
                .hasNotPassed(ReimbursementProcess.TASK_COMPUTE_AMOUNT, ReimbursementProcess.TASK_EXECUTE_PAYMENT)
                .isEnded();
        assertThat(opened.applicationInstance()).hasPassed(ApplicationProcess.CALL_TRAVEL_REIMBURSEMENT,
                ApplicationProcess.END_GRANT_SETTLED).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(claimInstance.getId()).count())
                .as("no submission task left").isZero();
        ExpenseClaim forfeited = fixtures.claimOf(opened.application());
        assertThat(forfeited.getStatus()).isEqualTo(ClaimStatus.FORFEITED);
        assertThat(stored(opened.application()).getStatus()).isEqualTo(ApplicationStatus.GRANT_FORFEITED);
        assertThat(last(audit.trailOf(forfeited))).extracting(AuditEvent::getAction, AuditEvent::getReason)
                .containsExactly("GRANT_FORFEITED", "No claim by the end of " + lastDayToClaim(opened.call()) + ".");
        assertThat(last(audit.trailOf(stored(opened.application()))))
                .extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly("GRANT_FORFEITED", "system");
        assertThat(outbox(forfeited, NotificationType.GRANT_FORFEITED)).singleElement().satisfies(lapsed -> {
            assertThat(lapsed.getRecipient()).isEqualTo(scenario.applicantOf(opened.application()));
            assertThat(lapsed.getBody()).contains(opened.application().reference(), "the grant is forfeited");
        });
        assertThat(payments.ofClaim(forfeited.getId())).isEmpty();
        assertThat(companies.aidRecordsOf(opened.application().getCompanyId())).isEmpty();

        Throwable late = catchThrowable(() -> submitTwoItems(opened));

        assertThat(late).isInstanceOf(ConflictException.class);
        assertThat(StaffWordsForTests.in("en").phrase(late.getMessage()))
                .isEqualTo(forfeited.reference() + " has been sent or closed and cannot be changed now.");
        assertThat(fixtures.claimOf(opened.application()).getStatus()).isEqualTo(ClaimStatus.FORFEITED);
        assertThat(claims.itemsOf(forfeited.getId())).isEmpty();
    }

    @Test
    void aClaimSentAfterTheDeadlineIsRefusedEvenBeforeTheDeadlineTimerHasRun() {
        Opened opened = openedClaim(GRANT);
        ExpenseClaim open = fixtures.claimOf(opened.application());
        ClockUtil.setCurrentTime(Date.from(deadline(opened.call()).plusSeconds(1)));

        Throwable late = catchThrowable(() -> submitTwoItems(opened));

        assertThat(late).isInstanceOf(ConflictException.class);
        assertThat(StaffWordsForTests.in("en").phrase(late.getMessage()))
                .contains(open.reference(), "the end of " + lastDayToClaim(opened.call()));
        assertThat(fixtures.claimOf(opened.application()).getStatus()).isEqualTo(ClaimStatus.OPEN);
        assertThat(claims.itemsOf(open.getId())).isEmpty();
        assertThat(opened.claimInstance()).isWaitingAtExactly(ReimbursementProcess.TASK_SUBMIT_CLAIM);

        execute(job(ReimbursementProcess.TIMER_CLAIM_DEADLINE, opened.claimInstance()));
        scenario.runJobsOf(opened.claimInstance().getId());

        assertThat(opened.claimInstance()).hasPassed(ReimbursementProcess.END_GRANT_FORFEITED).isEnded();
        assertThat(fixtures.claimOf(opened.application()).getStatus()).isEqualTo(ClaimStatus.FORFEITED);
    }

    // --- returned for correction ---------------------------------------------------------------------------

    @Test
    void aClaimReturnedWithACommentComesBackToTheSmeWithTheSameDeadlineAndIsReplacedWhenSentAgain() {
        Opened opened = openedClaim(GRANT);
        ProcessInstance claimInstance = opened.claimInstance();
        submitTwoItems(opened);
        ExpenseClaim first = fixtures.claimOf(opened.application());
        Instant due = deadline(opened.call());

        fixtures.verify(opened.cluster().verifier(), opened.application(), "RETURN", null, "  " + RETURN_COMMENT + " ");

        assertThat(claimInstance).hasPassed(ReimbursementProcess.TASK_VERIFY_CLAIM)
                .hasNotPassed(ReimbursementProcess.TASK_APPROVE_PAYMENT)
                .isWaitingAtExactly(ReimbursementProcess.TASK_SUBMIT_CLAIM);
        assertThat(claimInstance).variables().containsEntry(ReimbursementProcess.VAR_CLAIM_RETURNED, true)
                .doesNotContainKeys(ReimbursementProcess.FIELD_VERIFICATION, ReimbursementProcess.FIELD_ITEM_REDUCTIONS,
                        ReimbursementProcess.FIELD_VERIFICATION_REASON);
        Task again = task(ReimbursementProcess.TASK_SUBMIT_CLAIM, claimInstance);
        assertThat(again).as("the deadline still holds").hasDueDate(Date.from(due))
                .hasCandidateUser(scenario.applicantOf(opened.application()));
        assertThat(TasklistFormData.view(taskService, again.getId()))
                .containsEntry("returnComment", RETURN_COMMENT)
                .containsEntry("claimDue", "the end of " + lastDayToClaim(opened.call()));
        assertThat(job(ReimbursementProcess.TIMER_CLAIM_DEADLINE, claimInstance)).hasDueDate(Date.from(due));
        ExpenseClaim returned = fixtures.claimOf(opened.application());
        assertThat(returned).extracting(ExpenseClaim::getStatus, ExpenseClaim::getVerificationDecision,
                ExpenseClaim::getVerifiedBy, ExpenseClaim::getVerificationReason)
                .containsExactly(ClaimStatus.RETURNED, ExpenseClaim.Verification.RETURN, opened.cluster().verifier(),
                        RETURN_COMMENT);
        assertThat(outbox(returned, NotificationType.CLAIM_RETURNED)).singleElement().satisfies(told -> {
            assertThat(told.getRecipient()).isEqualTo(scenario.applicantOf(opened.application()));
            assertThat(told.getBody()).contains(RETURN_COMMENT, "by " + lastDayToClaim(opened.call()),
                    "the deadline has not moved");
        });
        assertThat(last(audit.trailOf(returned)))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                .containsExactly("CLAIM_VERIFIED", opened.cluster().verifier(), "RETURN", RETURN_COMMENT);
        assertThat(claims.itemsOf(first.getId())).hasSize(2);

        fixtures.submit(opened.application(), ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "390.00", "EUR", opened.call().getActivityStart(),
                        "hotel-invoice")));

        assertThat(claimInstance).isWaitingAtExactly(ReimbursementProcess.TASK_VERIFY_CLAIM);
        assertThat(claims.itemsOf(first.getId())).as("the corrected claim replaces the items")
                .extracting(ExpenseItem::getCategory, ExpenseItem::getAmountEur)
                .containsExactly(tuple(ExpenseCategory.ACCOMMODATION, new BigDecimal("390.00")));
        ExpenseClaim resubmitted = fixtures.claimOf(opened.application());
        assertThat(resubmitted).extracting(ExpenseClaim::getStatus, ExpenseClaim::getVerifiedBy,
                ExpenseClaim::getVerificationDecision).containsExactly(ClaimStatus.SUBMITTED, null, null);
        assertThat(resubmitted.getComputedAmount()).isEqualByComparingTo("390.00");
        assertThat(audit.trailOf(resubmitted)).extracting(AuditEvent::getAction)
                .containsSubsequence("CLAIM_SUBMITTED", "CLAIM_COMPUTED", "CLAIM_VERIFIED", "CLAIM_SUBMITTED",
                        "CLAIM_COMPUTED");

        fixtures.verify(opened.cluster().verifier(), opened.application(), "APPROVE", null, null);
        fixtures.decidePayment(opened.cluster().approver(), opened.application(), "APPROVE", null);
        scenario.runJobsOf(claimInstance.getId());

        assertThat(claimInstance).hasPassed(ReimbursementProcess.END_CLAIM_PAID).isEnded();
        assertThat(payments.ofClaim(first.getId()).orElseThrow().getAmount()).isEqualByComparingTo("390.00");
    }

    @Test
    void aReturnedClaimThatIsNotSentAgainIsForfeitedAtTheOriginalDeadline() {
        Opened opened = openedClaim(GRANT);
        ProcessInstance claimInstance = opened.claimInstance();
        submitTwoItems(opened);
        scenario.daysAfterActivity(opened.call(), 28);
        fixtures.verify(opened.cluster().verifier(), opened.application(), "RETURN", null, RETURN_COMMENT);
        Job deadline = job(ReimbursementProcess.TIMER_CLAIM_DEADLINE, claimInstance);
        assertThat(deadline).as("not day 30 after the return").hasDueDate(Date.from(deadline(opened.call())));

        scenario.daysAfterActivity(opened.call(), 31);
        execute(deadline);
        scenario.runJobsOf(claimInstance.getId());

        assertThat(claimInstance).hasPassed(ReimbursementProcess.TIMER_CLAIM_DEADLINE,
                ReimbursementProcess.TASK_FORFEIT_GRANT, ReimbursementProcess.END_GRANT_FORFEITED).isEnded();
        assertThat(opened.applicationInstance()).hasPassed(ApplicationProcess.END_GRANT_SETTLED).isEnded();
        ExpenseClaim forfeited = fixtures.claimOf(opened.application());
        assertThat(forfeited.getStatus()).isEqualTo(ClaimStatus.FORFEITED);
        assertThat(stored(opened.application()).getStatus()).isEqualTo(ApplicationStatus.GRANT_FORFEITED);
        assertThat(outbox(forfeited, NotificationType.GRANT_FORFEITED)).hasSize(1);
        assertThat(outbox(forfeited, NotificationType.CLAIM_REMINDER)).as("a returned claim is not reminded").isEmpty();
        assertThat(payments.ofClaim(forfeited.getId())).isEmpty();
    }

    // --- verification refused ------------------------------------------------------------------------------

    @Test
    void returningWithoutACommentOrReducingWithoutAReasonIsRefusedAndChangesNothing() {
        Opened opened = openedClaim(GRANT);
        submitTwoItems(opened);
        ExpenseClaim submitted = fixtures.claimOf(opened.application());
        Task verification = fixtures.task(opened.application(), ReimbursementProcess.TASK_VERIFY_CLAIM);
        String verifier = opened.cluster().verifier();

        Throwable returnedSilently = refusal(() -> fixtures.verify(verifier, opened.application(), "RETURN", null, "  "));
        Throwable reducedSilently = refusal(() -> fixtures.verify(verifier, opened.application(), "REDUCE",
                "2 = 100.00", null));
        Throwable undecided = refusal(() -> fixtures.verify(verifier, opened.application(), null, null, null));

        assertThat(List.of(returnedSilently, reducedSilently, undecided))
                .allSatisfy(refusal -> assertThat(refusal).isInstanceOf(InvalidInputException.class));
        assertThat(((InvalidInputException) returnedSilently).fieldErrors())
                .containsOnlyKeys(ReimbursementProcess.FIELD_VERIFICATION_REASON);
        assertThat(returnedSilently).hasMessage("Please tell the SME what to correct.");
        assertThat(((InvalidInputException) reducedSilently).fieldErrors())
                .containsOnlyKeys(ReimbursementProcess.FIELD_VERIFICATION_REASON);
        assertThat(reducedSilently).hasMessage("Please give the reason for the reduction; the SME will read it.");
        assertThat(((InvalidInputException) undecided).fieldErrors())
                .containsOnlyKeys(ReimbursementProcess.FIELD_VERIFICATION);

        assertThat(opened.claimInstance()).isWaitingAtExactly(ReimbursementProcess.TASK_VERIFY_CLAIM);
        assertThat(fixtures.task(opened.application(), ReimbursementProcess.TASK_VERIFY_CLAIM)).hasId(verification.getId());
        assertThat(opened.claimInstance()).variables().doesNotContainKeys(ReimbursementProcess.FIELD_VERIFICATION,
                ReimbursementProcess.FIELD_ITEM_REDUCTIONS, ReimbursementProcess.FIELD_VERIFICATION_REASON,
                ReimbursementProcess.VAR_CLAIM_RETURNED);
        ExpenseClaim unchanged = fixtures.claimOf(opened.application());
        assertThat(unchanged).extracting(ExpenseClaim::getStatus, ExpenseClaim::getVerifiedBy,
                ExpenseClaim::getVerificationDecision, ExpenseClaim::getVerifiedAmount, ExpenseClaim::getVerifiedAt)
                .containsExactly(ClaimStatus.SUBMITTED, null, null, null, null);
        assertThat(claims.itemsOf(submitted.getId())).extracting(ExpenseItem::getVerifiedAmountEur,
                ExpenseItem::getReductionReason).containsOnly(tuple(null, null));
        assertThat(outbox(unchanged, NotificationType.CLAIM_RETURNED)).isEmpty();
        assertThat(audit.trailOf(unchanged)).extracting(AuditEvent::getAction).doesNotContain("CLAIM_VERIFIED");
    }

    // --- reduced ---------------------------------------------------------------------------------------------

    @Test
    void reducingAnItemWithAReasonLowersTheAmountToTheNewSumUnderTheGrantAndPaysThat() throws IOException {
        Opened opened = openedClaim(new BigDecimal("1000"));
        submitTwoItems(opened);
        ExpenseClaim computed = fixtures.claimOf(opened.application());
        assertThat(computed.getClaimedAmount()).isEqualByComparingTo("1250.00");
        assertThat(computed.getComputedAmount()).as("capped at the grant").isEqualByComparingTo("1000.00");
        String reason = "Only one night of the hotel is eligible.";

        Throwable notLower = refusal(() -> fixtures.verify(opened.cluster().verifier(), opened.application(), "REDUCE",
                "2 = 300.00", reason));

        assertThat(notLower).isInstanceOf(InvalidInputException.class)
                .hasMessage("This does not lower the amount of €1,000.00; choose Approve instead.");

        fixtures.verify(opened.cluster().verifier(), opened.application(), "REDUCE", "2 = 100.00", reason);

        ExpenseClaim reduced = fixtures.claimOf(opened.application());
        assertThat(reduced).extracting(ExpenseClaim::getStatus, ExpenseClaim::getVerificationDecision,
                ExpenseClaim::getVerificationReason).containsExactly(ClaimStatus.VERIFIED,
                        ExpenseClaim.Verification.REDUCE, reason);
        assertThat(reduced.getVerifiedAmount()).as("800.00 + 100.00").isEqualByComparingTo("900.00");
        assertThat(claims.itemsOf(reduced.getId()))
                .extracting(ExpenseItem::number, ExpenseItem::getVerifiedAmountEur, ExpenseItem::getReductionReason)
                .containsExactly(tuple(1, null, null), tuple(2, new BigDecimal("100.00"), reason));
        assertThat(last(audit.trailOf(reduced))).extracting(AuditEvent::getAction, AuditEvent::getDecision,
                AuditEvent::getReason).containsExactly("CLAIM_VERIFIED", "REDUCE €900.00", reason);
        Task approval = fixtures.task(opened.application(), ReimbursementProcess.TASK_APPROVE_PAYMENT);
        assertThat(TasklistFormData.view(taskService, approval.getId())).containsEntry("amountToPay", "€900.00")
                .hasEntrySatisfying("itemsText", text -> assertThat((String) text)
                        .as("numbered as the reductions name them").contains("- Item 1: ", "- Item 2: ", "reduced to €100.00"))
                .hasEntrySatisfying("documentsText", text -> assertThat((String) text).as("the files to open")
                        .contains("](/staff/claims/" + reduced.getId() + "/documents/", "— receipt of item 2, "));

        fixtures.decidePayment(opened.cluster().approver(), opened.application(), "APPROVE", null);
        scenario.runJobsOf(opened.claimInstance().getId());

        assertPaid(opened, "900.00");
        assertThat(outbox(reduced, NotificationType.PAYMENT_EXECUTED)).singleElement()
                .satisfies(told -> assertThat(told.getBody()).as("the reduction, its amounts and finance's reason")
                        .contains("Finance reduced the eligible amount from €1,000.00 to €900.00, for this reason:\n"
                                + reason + "\n- Expense 2 (Accommodation): claimed €450.00, accepted €100.00."));
    }

    @Test
    void reducingTheTotalWithAReasonPaysTheReducedTotalAndLeavesTheItems() throws IOException {
        Opened opened = openedClaim(GRANT);
        submitTwoItems(opened);
        assertThat(fixtures.claimOf(opened.application()).getComputedAmount()).isEqualByComparingTo("1250.00");

        fixtures.verify(opened.cluster().verifier(), opened.application(), "REDUCE", "total = 750.00",
                "The mission report covers two of the three days.");

        ExpenseClaim reduced = fixtures.claimOf(opened.application());
        assertThat(reduced.getVerifiedAmount()).isEqualByComparingTo("750.00");
        assertThat(claims.itemsOf(reduced.getId())).extracting(ExpenseItem::getVerifiedAmountEur).containsOnlyNulls();

        fixtures.decidePayment(opened.cluster().approver(), opened.application(), "APPROVE", null);
        scenario.runJobsOf(opened.claimInstance().getId());

        assertPaid(opened, "750.00");
    }

    // --- four eyes -------------------------------------------------------------------------------------------

    @Test
    void theVerifierCanNeitherClaimNorBeGivenNorCompleteThePaymentApprovalButAnotherFinanceOfficerCan() throws IOException {
        Opened opened = openedClaim(GRANT);
        submitTwoItems(opened);
        String verifier = opened.cluster().verifier();
        String approver = opened.cluster().approver();
        fixtures.verify(verifier, opened.application(), "APPROVE", null, null);
        Task approval = fixtures.task(opened.application(), ReimbursementProcess.TASK_APPROVE_PAYMENT);
        assertThat(approval).hasCandidateGroup(Roles.FINANCE).isNotAssigned();
        Map<String, Object> approve = Map.of(ReimbursementProcess.FIELD_PAYMENT_DECISION, "APPROVE");

        Throwable claimed = refusal(() -> scenario.as(verifier, () -> taskService.claim(approval.getId(), verifier)));
        Throwable given = refusal(() -> scenario.as(approver, () -> taskService.setAssignee(approval.getId(), verifier)));
        Throwable completed = refusal(() -> scenario.as(verifier, () -> taskService.complete(approval.getId(), approve)));

        assertThat(List.of(claimed, completed)).allSatisfy(refusal -> assertThat(refusal)
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("another finance officer must approve its payment (four-eyes principle)"));
        assertThat(given).as("a candidate may work on a task, not hand it to someone else")
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(TaskPermissions.TASK_ASSIGN.getName());
        assertThat(task(ReimbursementProcess.TASK_APPROVE_PAYMENT, opened.claimInstance())).isNotAssigned();

        scenario.as(approver, () -> taskService.claim(approval.getId(), approver));
        Throwable completedForTheApprover = refusal(() -> scenario.as(verifier,
                () -> taskService.complete(approval.getId(), approve)));

        assertThat(completedForTheApprover).isInstanceOf(ForbiddenException.class);
        assertThat(opened.claimInstance()).isWaitingAtExactly(ReimbursementProcess.TASK_APPROVE_PAYMENT);
        assertThat(fixtures.claimOf(opened.application())).extracting(ExpenseClaim::getStatus, ExpenseClaim::getApprovedBy)
                .containsExactly(ClaimStatus.VERIFIED, null);
        assertThat(audit.trailOf(fixtures.claimOf(opened.application()))).extracting(AuditEvent::getAction)
                .doesNotContain("PAYMENT_APPROVE");

        scenario.as(approver, () -> taskService.complete(approval.getId(), approve));
        scenario.runJobsOf(opened.claimInstance().getId());

        assertThat(opened.claimInstance()).hasPassed(ReimbursementProcess.END_CLAIM_PAID).isEnded();
        Payment payment = assertPaid(opened, "1250.00");
        assertThat(payment).extracting(Payment::getVerifiedBy, Payment::getApprovedBy).containsExactly(verifier, approver);
    }

    @Test
    void theApproverSendsTheClaimBackToVerificationWithACommentButNotWithout() throws IOException {
        Opened opened = openedClaim(GRANT);
        submitTwoItems(opened);
        fixtures.verify(opened.cluster().verifier(), opened.application(), "APPROVE", null, null);
        String comment = "Item 2 is dated the day before the activity; please check the invoice.";

        Throwable silent = refusal(() -> fixtures.decidePayment(opened.cluster().approver(), opened.application(),
                "SEND_BACK", " "));

        assertThat(silent).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) silent).fieldErrors()).containsOnlyKeys(ReimbursementProcess.FIELD_PAYMENT_COMMENT);
        assertThat(opened.claimInstance()).isWaitingAtExactly(ReimbursementProcess.TASK_APPROVE_PAYMENT);

        fixtures.decidePayment(opened.cluster().approver(), opened.application(), "SEND_BACK", comment);

        assertThat(opened.claimInstance()).hasPassed(ReimbursementProcess.TASK_APPROVE_PAYMENT)
                .hasNotPassed(ReimbursementProcess.TASK_EXECUTE_PAYMENT)
                .isWaitingAtExactly(ReimbursementProcess.TASK_VERIFY_CLAIM);
        assertThat(opened.claimInstance()).variables().containsEntry(ReimbursementProcess.VAR_PAYMENT_APPROVED, false)
                .doesNotContainKeys(ReimbursementProcess.FIELD_PAYMENT_DECISION, ReimbursementProcess.FIELD_PAYMENT_COMMENT);
        assertThat(task(ReimbursementProcess.TASK_VERIFY_CLAIM, opened.claimInstance()))
                .hasCandidateGroup(Roles.FINANCE).isNotAssigned();
        ExpenseClaim sentBack = fixtures.claimOf(opened.application());
        assertThat(sentBack).extracting(ExpenseClaim::getStatus, ExpenseClaim::getApprovedBy)
                .containsExactly(ClaimStatus.SUBMITTED, null);
        assertThat(last(audit.trailOf(sentBack))).extracting(AuditEvent::getAction, AuditEvent::getActor,
                AuditEvent::getReason).containsExactly("PAYMENT_SEND_BACK", opened.cluster().approver(), comment);
        assertThat(outbox(sentBack, NotificationType.CLAIM_RETURNED)).as("the SME is not involved").isEmpty();

        fixtures.verify(opened.cluster().verifier(), opened.application(), "REDUCE", "2 = 225.00", comment);
        fixtures.decidePayment(opened.cluster().approver(), opened.application(), "APPROVE", null);
        scenario.runJobsOf(opened.claimInstance().getId());

        assertPaid(opened, "1025.00");
    }

    // --- the payment job -------------------------------------------------------------------------------------

    @Test
    void aPaymentJobThatCannotWriteTheFileFailsWithRetriesLeftPaysNothingAndPaysOnceWhenRetried() throws IOException {
        Opened opened = openedClaim(GRANT);
        Path tenantDirectory = properties.paymentDirectory().resolve(opened.cluster().id());
        Files.createDirectories(tenantDirectory.getParent());
        Files.writeString(tenantDirectory, "not a directory");
        ExpenseClaim claim = approvedClaim(opened);
        Job payment = job(ReimbursementProcess.TASK_EXECUTE_PAYMENT, opened.claimInstance());

        Throwable first = catchThrowable(() -> managementService.executeJob(payment.getId()));
        Job failedOnce = reload(payment);
        Throwable second = catchThrowable(() -> managementService.executeJob(payment.getId()));
        Job failedTwice = reload(payment);

        assertThat(List.of(first, second)).allSatisfy(failure -> assertThat(failure).isNotNull());
        assertThat(failedOnce.getExceptionMessage()).contains("Cannot write payment file");
        Instant now = ClockUtil.getCurrentTime().toInstant();
        assertThat(List.of(failedOnce, failedTwice)).as("retried after PT1M, then PT5M, … as the model says")
                .extracting(Job::getRetries, job -> job.getDuedate().toInstant())
                .containsExactly(tuple(5, now.plusSeconds(60)), tuple(4, now.plusSeconds(300)));
        assertNothingPaid(opened, claim);

        Files.delete(tenantDirectory);
        managementService.executeJob(payment.getId());

        assertThat(opened.claimInstance()).hasPassed(ReimbursementProcess.END_CLAIM_PAID).isEnded();
        assertPaid(opened, "1250.00");
    }

    @Test
    void aPaymentJobOfAClusterWithoutABankAccountFailsUntilTheAccountIsSetAndThenPaysOnce() throws IOException {
        Scenario.Cluster cluster = clusterWithoutBankAccount();
        Opened opened = openedClaim(cluster, GRANT, form -> { });
        ExpenseClaim claim = approvedClaim(opened);
        Job payment = job(ReimbursementProcess.TASK_EXECUTE_PAYMENT, opened.claimInstance());

        Throwable failure = catchThrowable(() -> managementService.executeJob(payment.getId()));

        assertThat(failure).isNotNull();
        assertThat(reload(payment).getExceptionMessage()).contains(cluster.name() + " has no bank account recorded");
        assertThat(reload(payment).getRetries()).isPositive();
        assertNothingPaid(opened, claim);

        organisations.useBankAccount(cluster.id(), cluster.name(), Scenario.CLUSTER_IBAN, "CAIXESBBXXX");
        managementService.executeJob(payment.getId());

        assertThat(opened.claimInstance()).hasPassed(ReimbursementProcess.END_CLAIM_PAID).isEnded();
        assertThat(Files.readString(paymentFile(cluster, claim))).contains(Scenario.CLUSTER_IBAN);
        assertPaid(opened, "1250.00");
    }

    @Test
    void payingAClaimThatIsAlreadyPaidPaysNothingMore() throws IOException {
        Opened opened = openedClaim(GRANT);
        ExpenseClaim claim = approvedClaim(opened);
        scenario.runJobsOf(opened.claimInstance().getId());
        Path file = paymentFile(opened.cluster(), claim);
        byte[] written = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);

        claimPayment.pay(claim.getId());
        claimPayment.pay(claim.getId());

        assertPaid(opened, "1250.00");
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(audit.trailOf(fixtures.claimOf(opened.application()))).extracting(AuditEvent::getAction)
                .containsOnlyOnce("PAYMENT_EXECUTED");
    }

    // --- de minimis ------------------------------------------------------------------------------------------

    @Test
    void aCallWithoutDeMinimisPaysWithoutWritingTheDeMinimisLedger() throws IOException {
        Scenario.Cluster cluster = scenario.cluster();
        Opened opened = openedClaim(cluster, GRANT, form -> form.put("deMinimisApplies", false));
        assertThat(outbox(opened.application(), NotificationType.AWARD_LETTER)).singleElement()
                .satisfies(letter -> assertThat(letter.getBody()).doesNotContain("de minimis"));
        ExpenseClaim claim = approvedClaim(opened);

        scenario.runJobsOf(opened.claimInstance().getId());

        assertThat(opened.claimInstance()).hasPassed(ReimbursementProcess.END_CLAIM_PAID).isEnded();
        assertThat(fixtures.claimOf(opened.application()).getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(payments.ofClaim(claim.getId())).isPresent();
        assertThat(paymentFiles(cluster)).containsExactly("PAY-" + claim.reference() + ".xml");
        assertThat(companies.aidRecordsOf(opened.application().getCompanyId())).isEmpty();
        assertThat(outbox(claim, NotificationType.PAYMENT_EXECUTED)).singleElement()
                .satisfies(told -> assertThat(told.getBody()).doesNotContain("de minimis"));
        assertThat(last(audit.trailOf(claim))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("PAYMENT_EXECUTED");
            assertThat(event.getReason()).doesNotContain("de minimis");
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A confirmed application whose activity is over: the claim is open and the clock is on day 1 at 08:00. */
    private record Opened(Scenario.Cluster cluster, FundingCall call, Application application,
            ProcessInstance applicationInstance, ProcessInstance claimInstance) {
    }

    private Opened openedClaim(BigDecimal requested) {
        return openedClaim(scenario.cluster(), requested, form -> { });
    }

    private Opened openedClaim(Scenario.Cluster cluster, BigDecimal requested, Consumer<Map<String, Object>> customise) {
        FundingCall call = scenario.publishedCall(cluster, customise);
        Application application = scenario.confirmedApplication(cluster, call, requested);
        ProcessInstance applicationInstance = instance(application.getProcessInstanceId());
        scenario.activityOver(call, application);
        ProcessInstance claimInstance = instance(fixtures.claimOf(application).getProcessInstanceId());
        assertThat(claimInstance).isWaitingAtExactly(ReimbursementProcess.TASK_SUBMIT_CLAIM);
        return new Opened(cluster, call, application, applicationInstance, claimInstance);
    }

    /** Item 1: travel €800.00, item 2: accommodation €450.00, both with receipts. */
    private ExpenseClaim submitTwoItems(Opened opened) {
        LocalDate start = opened.call().getActivityStart();
        return fixtures.submit(opened.application(), ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "800.00", "EUR", start.minusDays(1), "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", start, "hotel")));
    }

    /** Submitted, verified as computed (€1,250.00) and approved: the payment job waits. */
    private ExpenseClaim approvedClaim(Opened opened) {
        submitTwoItems(opened);
        fixtures.verify(opened.cluster().verifier(), opened.application(), "APPROVE", null, null);
        fixtures.decidePayment(opened.cluster().approver(), opened.application(), "APPROVE", null);
        assertThat(opened.claimInstance()).isWaitingAtExactly(ReimbursementProcess.TASK_EXECUTE_PAYMENT);
        ExpenseClaim claim = fixtures.claimOf(opened.application());
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.APPROVED);
        return claim;
    }

    /** A cluster like {@link Scenario#cluster()} whose administrator has not recorded the bank account yet. */
    private Scenario.Cluster clusterWithoutBankAccount() {
        int n = Scenario.next();
        String id = "cluster-" + n;
        String name = "Test Cluster " + n;
        organisations.register(id, name, "ES");
        return new Scenario.Cluster(id, name, scenario.staff(Roles.CALL_MANAGERS, id),
                scenario.staff(Roles.CALL_MANAGERS, id), scenario.staff(Roles.ELIGIBILITY_REVIEWERS, id),
                List.of(scenario.staff(Roles.EVALUATORS, id), scenario.staff(Roles.EVALUATORS, id)),
                scenario.staff(Roles.FINANCE, id), scenario.staff(Roles.FINANCE, id));
    }

    /** Paid exactly once, that amount: one payment, one file, one de minimis record, the SME told once. */
    private Payment assertPaid(Opened opened, String amount) throws IOException {
        ExpenseClaim paid = fixtures.claimOf(opened.application());
        assertThat(paid.getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(paid.getVerifiedAmount()).isEqualByComparingTo(amount);
        assertThat(stored(opened.application()).getStatus()).isEqualTo(ApplicationStatus.REIMBURSED);
        Payment payment = payments.ofClaim(paid.getId()).orElseThrow();
        assertThat(payment.getAmount()).isEqualByComparingTo(amount);
        assertThat(paymentFiles(opened.cluster())).containsExactly("PAY-" + paid.reference() + ".xml");
        assertThat(Files.readString(paymentFile(opened.cluster(), paid)))
                .contains("<InstdAmt Ccy=\"EUR\">" + new BigDecimal(amount).toPlainString() + "</InstdAmt>");
        assertThat(companies.aidRecordsOf(opened.application().getCompanyId()))
                .extracting(AidRecord::getReference, AidRecord::getAmount)
                .containsExactly(tuple(payment.getReference(), payment.getAmount()));
        assertThat(outbox(paid, NotificationType.PAYMENT_EXECUTED)).singleElement()
                .satisfies(told -> assertThat(told.getBody()).contains(Formats.euros(new BigDecimal(amount))));
        return payment;
    }

    private void assertNothingPaid(Opened opened, ExpenseClaim claim) throws IOException {
        assertThat(opened.claimInstance()).isWaitingAtExactly(ReimbursementProcess.TASK_EXECUTE_PAYMENT);
        assertThat(fixtures.claimOf(opened.application()).getStatus()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(stored(opened.application()).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(payments.ofClaim(claim.getId())).isEmpty();
        assertThat(companies.aidRecordsOf(opened.application().getCompanyId())).isEmpty();
        assertThat(outbox(claim, NotificationType.PAYMENT_EXECUTED)).isEmpty();
        assertThat(Files.exists(paymentFile(opened.cluster(), claim))).isFalse();
    }

    private Job reload(Job job) {
        return managementService.createJobQuery().jobId(job.getId()).singleResult();
    }

    /** The deadline the SME is given: the start of day 31 after the activity, that is the end of day 30. */
    private Instant deadline(FundingCall call) {
        return call.getActivityEnd().plusDays(31).atStartOfDay(scenario.zone()).toInstant();
    }

    private static String lastDayToClaim(FundingCall call) {
        return Formats.date(call.getActivityEnd().plusDays(30));
    }

    /** The bank executes a transfer on the first weekday after the approval. */
    private LocalDate nextWeekday(Instant approvedAt) {
        LocalDate day = approvedAt.atZone(scenario.zone()).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private Path paymentFile(Scenario.Cluster cluster, ExpenseClaim claim) {
        return properties.paymentDirectory().resolve(cluster.id()).resolve("PAY-" + claim.reference() + ".xml");
    }

    private List<String> paymentFiles(Scenario.Cluster cluster) throws IOException {
        Path directory = properties.paymentDirectory().resolve(cluster.id());
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private Application stored(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }

    private List<Notification> outbox(Application application, NotificationType type) {
        return outbox("Application", application.reference(), type);
    }

    private List<Notification> outbox(ExpenseClaim claim, NotificationType type) {
        return outbox("ExpenseClaim", claim.reference(), type);
    }

    private List<Notification> outbox(String entityType, String entityId, NotificationType type) {
        return notifications.findByEntityTypeAndEntityIdOrderById(entityType, entityId).stream()
                .filter(notification -> notification.getType().equals(type.name())).toList();
    }

    /** The running process instance (keep it to assert on it once it has ended). */
    private static ProcessInstance instance(String processInstanceId) {
        ProcessInstance instance = processInstanceQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(instance).as("process instance " + processInstanceId).isNotNull();
        return instance;
    }

}
