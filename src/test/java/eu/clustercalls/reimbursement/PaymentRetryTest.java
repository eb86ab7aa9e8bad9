package eu.clustercalls.reimbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.util.AopTestUtils;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.payment.PaymentService;

/**
 * The payment job failing after the SEPA file is written (the de minimis ledger refuses the record): the
 * transaction rolls back, the file stays, and the retry keeps that file and pays once. In its own class because
 * the spy needs its own Spring context.
 */
@ClusterCallsTest
@Import(ClaimFixtures.class)
@ExtendWith(ProcessAssertions.class)
class PaymentRetryTest {

    @MockitoSpyBean
    CompanyService companies;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    PaymentService payments;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClusterCallsProperties properties;

    @Test
    void aPaymentJobThatFailsAfterWritingTheFileKeepsTheFileAndPaysOnceWhenRetried() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, new BigDecimal("2000"));
        scenario.activityOver(call, application);
        fixtures.submit(application, ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "800.00", "EUR", call.getActivityStart().minusDays(1), "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel")));
        fixtures.verify(cluster.verifier(), application, "APPROVE", null, null);
        fixtures.decidePayment(cluster.approver(), application, "APPROVE", null);
        ExpenseClaim claim = fixtures.claimOf(application);
        ProcessInstance claimInstance = processInstanceQuery().processInstanceId(claim.getProcessInstanceId()).singleResult();
        Job payment = job(ReimbursementProcess.TASK_EXECUTE_PAYMENT, claimInstance);
        Path file = properties.paymentDirectory().resolve(cluster.id()).resolve("PAY-" + claim.reference() + ".xml");
        // Stubbed on the spy itself: through the transactional proxy the call would need a transaction.
        CompanyService spy = AopTestUtils.getUltimateTargetObject(companies);
        doThrow(new IllegalStateException("The de minimis ledger is not available."))
                .doCallRealMethod()
                .when(spy).recordGrantedAid(any(), any(), any(), any(), any());

        Throwable failure = catchThrowable(() -> managementService.executeJob(payment.getId()));

        assertThat(failure).isNotNull();
        Job failed = managementService.createJobQuery().jobId(payment.getId()).singleResult();
        assertThat(failed.getExceptionMessage()).contains("The de minimis ledger is not available.");
        assertThat(failed.getRetries()).isPositive();
        assertThat(claimInstance).isWaitingAtExactly(ReimbursementProcess.TASK_EXECUTE_PAYMENT);
        assertThat(Files.exists(file)).as("the file was written before the failure").isTrue();
        byte[] written = Files.readAllBytes(file);
        assertThat(paymentRows(claim)).as("no payment row").isZero();
        assertThat(payments.ofClaim(claim.getId())).isEmpty();
        assertThat(companies.aidRecordsOf(application.getCompanyId())).isEmpty();
        assertThat(fixtures.claimOf(application).getStatus()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(paymentExecutedNotifications(claim)).isZero();

        managementService.executeJob(payment.getId());

        assertThat(claimInstance).hasPassed(ReimbursementProcess.END_CLAIM_PAID).isEnded();
        assertThat(fixtures.claimOf(application).getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(paymentRows(claim)).isEqualTo(1);
        assertThat(payments.ofClaim(claim.getId()).orElseThrow().getFileName()).isEqualTo(file.getFileName().toString());
        assertThat(companies.aidRecordsOf(application.getCompanyId())).extracting(AidRecord::getReference)
                .containsExactly("PAY-" + claim.reference());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .as("one file, not written again").containsExactly(file.getFileName().toString());
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        assertThat(paymentExecutedNotifications(claim)).isEqualTo(1);
        verify(spy, times(2)).recordGrantedAid(eq(application.getCompanyId()), any(), any(), any(),
                eq("PAY-" + claim.reference()));
    }

    private long paymentRows(ExpenseClaim claim) {
        return jdbc.queryForObject("select count(*) from payment where claim_id = ?", Long.class, claim.getId());
    }

    private long paymentExecutedNotifications(ExpenseClaim claim) {
        List<String> types = notifications.findByEntityTypeAndEntityIdOrderById("ExpenseClaim", claim.reference())
                .stream().map(notification -> notification.getType()).toList();
        return types.stream().filter(NotificationType.PAYMENT_EXECUTED.name()::equals).count();
    }
}
