package eu.clustercalls.reimbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ClusterCallsTest
@Import(ClaimFixtures.class)
@ExtendWith(ProcessAssertions.class)
class TravelReimbursementProcessTest {

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    CompanyService companies;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ClusterCallsProperties properties;

    @Test
    void aClaimOnTimeIsComputedVerifiedApprovedAndPaidOnce() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, new BigDecimal("2000"));
        ProcessInstance applicationInstance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).singleResult();
        assertThat(applicationInstance).hasPassed(ApplicationProcess.TASK_SEND_AWARD_LETTER)
                .isWaitingAt(ApplicationProcess.TIMER_ACTIVITY_OVER);

        scenario.activityOver(call, application);

        assertThat(applicationInstance).isWaitingAt(ApplicationProcess.CALL_TRAVEL_REIMBURSEMENT);
        ExpenseClaim open = fixtures.claimOf(application);
        assertThat(open.getStatus()).isEqualTo(ClaimStatus.OPEN);

        fixtures.submit(application, ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "980.00", "USD", call.getActivityStart().minusDays(1), "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel")));

        ExpenseClaim computed = fixtures.claimOf(application);
        assertThat(computed.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(computed.getComputedAmount()).isPositive();

        fixtures.verify(cluster.verifier(), application, "APPROVE", null, null);
        fixtures.decidePayment(cluster.approver(), application, "APPROVE", null);
        scenario.runJobsOf(computed.getProcessInstanceId());

        ExpenseClaim paid = fixtures.claimOf(application);
        assertThat(paid.getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.REIMBURSED);
        assertThat(companies.aidRecordsOf(application.getCompanyId())).extracting(AidRecord::getReference)
                .containsExactly("PAY-" + paid.reference());
        Path file = properties.paymentDirectory().resolve(cluster.id()).resolve("PAY-" + paid.reference() + ".xml");
        assertThat(Files.readString(file)).contains("<EndToEndId>PAY-" + paid.reference() + "</EndToEndId>");
        assertThat(applicationInstance).isEnded();
    }
}
