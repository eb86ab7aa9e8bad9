package eu.clustercalls.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.company.CompanyRepository;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ReimbursementProcess;

/**
 * Tasklist's shared filters show every task with its company, application and call, and find it by them: each
 * task kind carries the columns as task variables from the moment it is created, and a search of "My group's tasks"
 * by company or call reference (Tasklist's search by a task variable's value, "like") finds it.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({Scenario.class, ClaimFixtures.class})
class TaskListColumnsTest {

    private static final BigDecimal GRANT = new BigDecimal("2000");

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    CompanyRepository companies;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCallReviewShowsTheCallAndItsDueDate() {
        Cluster cluster = scenario.cluster();
        Map<String, Object> form = scenario.callForm();
        String instance = scenario.draftCall(cluster.manager(), form);
        Task review = scenario.reviewTask(instance);
        String reference = FundingCallProcess.BUSINESS_KEY_PREFIX + scenario.callId(instance);

        assertThat(columns(review)).containsEntry("callReference", reference)
                .containsEntry("callTitle", form.get("title")).doesNotContainKey("companyName");
        assertThat(review.getDueDate()).isNotNull();
    }

    @Test
    void everyTaskOfAnApplicationShowsItsCompanyApplicationAndCall() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), GRANT);
        scenario.runJobs();

        assertShowsApplication(scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW), application, call,
                true);
        scenario.askForClarification(cluster, application, "Who travels?");
        assertShowsApplication(scenario.task(application, ApplicationProcess.TASK_ANSWER_CLARIFICATION), application,
                call, false);
        scenario.answerClarification(application, "Our export manager.");
        scenario.confirmEligibility(cluster, application);
        for (String evaluator : scenario.evaluatorsOf(application)) {
            assertShowsApplication(scenario.evaluationTask(application, evaluator), application, call, true);
        }
        scenario.evaluateWithTotals(application, 22, 14);
        assertShowsApplication(scenario.task(application, ApplicationProcess.TASK_CONSENSUS), application, call, true);
    }

    @Test
    void theSelectionDecisionShowsTheCallAndTheConfirmationTheApplication() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.evaluatedApplication(cluster, call, GRANT, 20, 20);
        scenario.closeEarly(cluster, call);

        Task selection = scenario.selectionDecisionTask(call);
        assertThat(columns(selection)).containsEntry("callReference", call.reference())
                .containsEntry("callTitle", call.getTitle());
        assertThat(selection.getDueDate()).isNotNull();
        scenario.approveSelection(cluster, call);
        assertShowsApplication(scenario.task(application, ApplicationProcess.TASK_CONFIRM_PARTICIPATION), application,
                call, true);
    }

    @Test
    void theFinanceTasksOfATravelReimbursementShowTheApplicationsCompanyAndCall() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.confirmedApplication(cluster, call, GRANT);
        scenario.activityOver(call, application);
        assertShowsApplication(claims.task(application, ReimbursementProcess.TASK_SUBMIT_CLAIM), application, call, true);
        claims.submit(application, ClaimFixtures.input(3, ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00",
                "EUR", call.getActivityStart(), "hotel")));

        assertShowsApplication(claims.task(application, ReimbursementProcess.TASK_VERIFY_CLAIM), application, call,
                true);
        claims.verify(cluster.verifier(), application, "APPROVE", null, null);
        assertShowsApplication(claims.task(application, ReimbursementProcess.TASK_APPROVE_PAYMENT), application, call,
                true);
    }

    @Test
    void searchingTheGroupsTasksByCompanyOrCallReferenceFindsTheTask() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application wanted = scenario.apply(call, scenario.memberCompany(cluster), GRANT);
        Application other = scenario.apply(call, scenario.memberCompany(cluster), GRANT);
        scenario.runJobs();
        String company = companies.findById(wanted.getCompanyId()).orElseThrow().getLegalName();
        Filter groupsTasks = filterService.createFilterQuery().filterName("My group's tasks").singleResult();

        List<Task> byCompany = scenario.as(cluster.reviewer(), () -> filterService.list(groupsTasks.getId(),
                taskService.createTaskQuery().taskVariableValueLike("companyName", "%" + company.substring(2) + "%")));
        List<Task> byCall = scenario.as(cluster.reviewer(), () -> filterService.list(groupsTasks.getId(),
                taskService.createTaskQuery().taskVariableValueEquals("callReference", call.reference())));

        // What Tasklist's search box sends for a company typed in lower case (task-search.js).
        List<Task> typed = scenario.as(cluster.reviewer(), () -> filterService.list(groupsTasks.getId(),
                taskService.createTaskQuery().taskVariableValueLike(TaskListColumns.SEARCH_TEXT,
                        "%" + company.substring(2).toLowerCase(java.util.Locale.ROOT) + "%")));

        assertThat(byCompany).extracting(Task::getProcessInstanceId).containsExactly(wanted.getProcessInstanceId());
        assertThat(typed).extracting(Task::getProcessInstanceId).containsExactly(wanted.getProcessInstanceId());
        assertThat(byCall).extracting(Task::getProcessInstanceId)
                .containsExactlyInAnyOrder(wanted.getProcessInstanceId(), other.getProcessInstanceId());
        assertThat(groupsTasks.getProperties().get("variables")).isEqualTo(TaskListColumns.FILTER_COLUMNS);
    }

    @Test
    void aFilterMadeByAnEarlierStartGetsTodaysColumns() throws Exception {
        Filter groupsTasks = filterService.createFilterQuery().filterName("My group's tasks").singleResult();
        Map<String, Object> old = new java.util.HashMap<>(groupsTasks.getProperties());
        old.put("variables", List.of(Map.of("name", "callTitle", "label", "Call")));
        filterService.saveFilter(groupsTasks.setProperties(old));

        new TasklistFilters(filterService, taskService).run(null);

        Filter updated = filterService.getFilter(groupsTasks.getId());
        assertThat(updated.getProperties()).containsEntry("variables", TaskListColumns.FILTER_COLUMNS)
                .containsEntry("description", old.get("description"));
        assertThat(filterService.createFilterQuery().filterName("My group's tasks").count()).isOne();
    }

    /** @param hasDueDate false only for the SME's clarification, whose deadline is the process's timer */
    private void assertShowsApplication(Task task, Application application, FundingCall call, boolean hasDueDate) {
        assertThat(task).as("the open task").isNotNull();
        assertThat(columns(task)).as(task.getName())
                .containsEntry("companyName", companies.findById(application.getCompanyId()).orElseThrow().getLegalName())
                .containsEntry("applicationReference", application.reference())
                .containsEntry("callReference", call.reference())
                .containsEntry("callTitle", call.getTitle());
        if (hasDueDate) {
            assertThat(task.getDueDate()).as(task.getName() + "'s due date").isNotNull();
        }
    }

    private Map<String, Object> columns(Task task) {
        return taskService.getVariablesLocal(task.getId(), List.of("companyName", "applicationReference",
                "callReference", "callTitle"));
    }
}
