package eu.clustercalls.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.security.Roles;

/**
 * /actuator/prometheus with the Prometheus registry of production (tests otherwise get a plain one). Other tests of
 * this class leave their data behind, so each test compares the gauges before and after what it does.
 */
@ClusterCallsTest
@AutoConfigureObservability(tracing = false)
@Import(ClaimFixtures.class)
@TestPropertySource(properties = "clustercalls.operations.scraper-group=" + MetricsTest.SCRAPERS)
class MetricsTest {

    static final String SCRAPERS = "monitoring";

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    OperationsMetrics metrics;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anonymousCallersMustSignInAndStaffOtherThanAdministratorsMayNotRead() throws Exception {
        String manager = scenario.user("manager-" + Scenario.next(), Roles.CALL_MANAGERS);
        String sme = scenario.user("sme-" + Scenario.next(), Roles.SME);

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(manager, Scenario.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(sme, Scenario.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(httpBasic(manager, Scenario.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theScrapersGroupMayReadTheMetricsButNoOtherEndpoint() throws Exception {
        if (identityService.createGroupQuery().groupId(SCRAPERS).count() == 0) {
            identityService.saveGroup(identityService.newGroup(SCRAPERS));
        }
        String scraper = scenario.user("prometheus-" + Scenario.next(), SCRAPERS);

        String body = mvc.perform(get("/actuator/prometheus").with(httpBasic(scraper, Scenario.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("# TYPE clustercalls_payments_executed gauge");
        mvc.perform(get("/actuator/info").with(httpBasic(scraper, Scenario.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void openTasksAreCountedPerCandidateGroupClaimedOnesAsAssignedAndAGroupWithoutTasksLeavesTheOutput()
            throws Exception {
        String group = "ops-" + Scenario.next();
        Map<String, Double> before = scrape();
        Date yesterday = Date.from(ClockUtil.now().toInstant().minus(Duration.ofDays(1)));
        Date tomorrow = Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(1)));
        Task late = task(group, yesterday);
        Task onTime = task(group, tomorrow);
        Task claimed = task(group, yesterday);
        taskService.claim(claimed.getId(), "someone");

        Map<String, Double> open = scrape();

        assertThat(open).containsEntry(tasksOpen(group), 2.0).containsEntry(tasksOverdue(group), 1.0);
        String assigned = OperationsMetrics.ASSIGNED;
        assertThat(value(open, tasksOpen(assigned)) - value(before, tasksOpen(assigned))).isEqualTo(1.0);
        assertThat(value(open, tasksOverdue(assigned)) - value(before, tasksOverdue(assigned))).isEqualTo(1.0);

        taskService.deleteTasks(List.of(late.getId(), onTime.getId(), claimed.getId()), true);
        Map<String, Double> after = scrape();

        assertThat(after).doesNotContainKeys(tasksOpen(group), tasksOverdue(group));
        assertThat(value(after, tasksOpen(assigned))).isEqualTo(value(before, tasksOpen(assigned)));
    }

    @Test
    void anApplicationCountsUnderItsStatusAndItsReviewUnderTheReviewersGroup() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Map<String, Double> before = scrape();

        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));

        Map<String, Double> after = scrape();
        String status = jdbc.queryForObject("select status from application where id = ?", String.class,
                application.getId());
        String applications = "clustercalls_applications{status=\"" + status + "\"}";
        assertThat(value(after, applications) - value(before, applications)).isEqualTo(1.0);
        assertThat(value(after, tasksOpen(Roles.ELIGIBILITY_REVIEWERS))
                - value(before, tasksOpen(Roles.ELIGIBILITY_REVIEWERS))).isEqualTo(1.0);
    }

    @Test
    void aJobOutOfRetriesIsAnOpenIncidentOfItsProcessUntilItIsRetried() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Job closing = managementService.createJobQuery().processInstanceId(call.getProcessInstanceId()).list().get(0);
        String incidents = "clustercalls_incidents_open{incident_type=\"failedJob\","
                + "process_definition_key=\"funding-call\"}";
        Map<String, Double> before = scrape();

        managementService.setJobRetries(closing.getId(), 0);
        Map<String, Double> failed = scrape();
        managementService.setJobRetries(closing.getId(), 1);
        Map<String, Double> retried = scrape();

        assertThat(value(failed, incidents) - value(before, incidents)).isEqualTo(1.0);
        assertThat(value(retried, incidents)).isEqualTo(value(before, incidents));
    }

    @Test
    void anExecutedPaymentAddsToTheCountAndTheTotal() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, new BigDecimal("2000"));
        scenario.activityOver(call, application);
        claims.submit(application, ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "800.00", "EUR", call.getActivityStart().minusDays(1),
                        "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel")));
        claims.verify(cluster.verifier(), application, "APPROVE", null, null);
        Map<String, Double> before = scrape();

        claims.decidePayment(cluster.approver(), application, "APPROVE", null);
        ExpenseClaim claim = claims.claimOf(application);
        scenario.runJobsOf(claim.getProcessInstanceId());

        Map<String, Double> after = scrape();
        BigDecimal paid = payments.ofClaim(claim.getId()).orElseThrow().getAmount();
        assertThat(paid).isPositive();
        assertThat(after.get("clustercalls_payments_executed") - before.get("clustercalls_payments_executed"))
                .isEqualTo(1.0);
        assertThat(after.get("clustercalls_payments_executed_amount_euros")
                - before.get("clustercalls_payments_executed_amount_euros")).isEqualTo(paid.doubleValue());
    }

    private Task task(String candidateGroup, Date due) {
        Task task = taskService.newTask();
        task.setName("Operations test");
        task.setDueDate(due);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        return task;
    }

    /** The clustercalls_ samples of a scrape by an administrator, right after the gauges were read again. */
    private Map<String, Double> scrape() throws Exception {
        metrics.refresh();
        String admin = scenario.user("admin-" + Scenario.next(), Roles.ADMIN);
        String body = mvc.perform(get("/actuator/prometheus").with(httpBasic(admin, Scenario.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Double> samples = new HashMap<>();
        body.lines().filter(line -> line.startsWith("clustercalls_")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    private static double value(Map<String, Double> samples, String sample) {
        return samples.getOrDefault(sample, 0.0);
    }

    private static String tasksOpen(String group) {
        return "clustercalls_tasks_open{group=\"" + group + "\"}";
    }

    private static String tasksOverdue(String group) {
        return "clustercalls_tasks_overdue{group=\"" + group + "\"}";
    }
}
