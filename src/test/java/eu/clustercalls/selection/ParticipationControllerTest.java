package eu.clustercalls.selection;

import static eu.clustercalls.ApiResponses.body;
import static eu.clustercalls.ApiResponses.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.Selection;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditEventRepository;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.company.Company;
import eu.clustercalls.evaluation.EvaluationInput;
import eu.clustercalls.evaluation.EvaluationService;
import eu.clustercalls.notification.Notification;
import eu.clustercalls.notification.NotificationRepository;

/**
 * A selected SME confirms or declines its place through the JSON API. The setup takes a one-slot call through
 * eligibility, evaluation, early closing and the call managers' approval: the better application is selected,
 * the other one is on the reserve list. A refused answer changes nothing.
 */
@ClusterCallsTest
class ParticipationControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenario scenario;
    @Autowired
    CallService calls;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    Scenario.Cluster cluster;
    FundingCall call;
    Company selectedCompany;
    Company reserveCompany;
    Application selected;
    Application reserve;

    @BeforeEach
    void aOneSlotCallWithASelectedAndAReserveApplication() {
        cluster = scenario.cluster();
        call = scenario.publishedCall(cluster, form -> form.put("slots", 1L));
        selectedCompany = scenario.memberCompany(cluster);
        reserveCompany = scenario.memberCompany(cluster);
        selected = evaluated(selectedCompany, 9, 9, 5);
        reserve = evaluated(reserveCompany, 7, 7, 3);
        decideAndPublish();

        assertThat(reload(selected).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(reload(reserve).getStatus()).isEqualTo(ApplicationStatus.RESERVE);
        assertThat(confirmationTask(selected)).isNotNull();
        assertThat(confirmationTask(reserve)).isNull();
    }

    // --- answering ---

    @Test
    void confirmingTakesThePlace() throws Exception {
        body(mvc.perform(answer(selected, smeOf(selectedCompany), Map.of("confirm", true))).andReturn(), 204);
        scenario.runJobs();

        assertThat(reload(selected).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(confirmationTask(selected)).isNull();
        assertThat(auditOf(selected)).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .contains(tuple("PARTICIPATION_CONFIRMED", smeOf(selectedCompany)));
        assertThat(reload(reserve).getStatus()).as("no slot was freed").isEqualTo(ApplicationStatus.RESERVE);
        assertThat(confirmationTask(reserve)).isNull();
    }

    @Test
    void decliningWithAReasonFreesTheSlotForTheFirstOnTheReserveList() throws Exception {
        body(mvc.perform(answer(selected, smeOf(selectedCompany),
                Map.of("confirm", false, "reason", "Our export manager is ill."))).andReturn(), 204);

        assertThat(reload(selected).getStatus()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(confirmationTask(selected)).isNull();
        assertThat(auditOf(selected)).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getReason)
                .contains(tuple("PARTICIPATION_DECLINED", smeOf(selectedCompany), "Our export manager is ill."));

        scenario.runJobs();

        Application promoted = reload(reserve);
        assertThat(promoted.getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(promoted.getSelection()).isEqualTo(Selection.MAIN);
        assertThat(promoted.getConfirmationDueAt()).isNotNull();
        assertThat(confirmationTask(reserve)).isNotNull();
        assertThat(notificationsOf(reserve)).extracting(Notification::getRecipient, Notification::getType)
                .contains(tuple(smeOf(reserveCompany), "RESERVE_PROMOTED"));

        body(mvc.perform(answer(reserve, smeOf(reserveCompany), Map.of("confirm", true))).andReturn(), 204);
        assertThat(reload(reserve).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
    }

    @Test
    void decliningWithoutAReasonIsAccepted() throws Exception {
        body(mvc.perform(answer(selected, smeOf(selectedCompany), Map.of("confirm", false))).andReturn(), 204);

        assertThat(reload(selected).getStatus()).isEqualTo(ApplicationStatus.DECLINED);
    }

    @Test
    void aDeclinedSlotWithNobodyOnTheReserveListIsReportedToTheCallManagers() throws Exception {
        Scenario.Cluster alone = scenario.cluster();
        call = scenario.publishedCall(alone, form -> form.put("slots", 1L));
        cluster = alone;
        Company only = scenario.memberCompany(alone);
        Application onlyOne = evaluated(only, 8, 8, 4);
        decideAndPublish();
        assertThat(reload(onlyOne).getStatus()).isEqualTo(ApplicationStatus.SELECTED);

        body(mvc.perform(answer(onlyOne, smeOf(only), Map.of("confirm", false, "reason", "Trade fair cancelled for us.")))
                .andReturn(), 204);
        scenario.runJobs();

        assertThat(reload(onlyOne).getStatus()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc("FundingCall", call.reference()))
                .extracting(AuditEvent::getAction).contains("RESERVE_EXHAUSTED");
    }

    // --- refused answers change nothing ---

    @Test
    void answeringTwiceIsAConflict() throws Exception {
        body(mvc.perform(answer(selected, smeOf(selectedCompany), Map.of("confirm", true))).andReturn(), 204);
        scenario.runJobs();

        JsonNode problem = refused(answer(selected, smeOf(selectedCompany), Map.of("confirm", false, "reason", "Changed our minds.")), 409);

        assertThat(problem.get("detail").asText())
                .isEqualTo(selected.reference() + " is not waiting for a confirmation of participation.");
        assertThat(reload(selected).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
    }

    @Test
    void answeringAgainAfterDecliningIsAConflict() throws Exception {
        body(mvc.perform(answer(selected, smeOf(selectedCompany), Map.of("confirm", false))).andReturn(), 204);
        scenario.runJobs();

        refused(answer(selected, smeOf(selectedCompany), Map.of("confirm", true)), 409);

        assertThat(reload(selected).getStatus()).isEqualTo(ApplicationStatus.DECLINED);
    }

    @Test
    void anApplicationOnTheReserveListCannotConfirmAPlaceItDoesNotHave() throws Exception {
        JsonNode problem = refused(answer(reserve, smeOf(reserveCompany), Map.of("confirm", true)), 409);

        assertThat(problem.get("detail").asText())
                .isEqualTo(reserve.reference() + " is not waiting for a confirmation of participation.");
        assertThat(reload(reserve).getStatus()).isEqualTo(ApplicationStatus.RESERVE);
    }

    @Test
    void anotherCompanysUserGetsNotFoundAndNoData() throws Exception {
        MvcResult result = mvc.perform(answer(selected, smeOf(reserveCompany), Map.of("confirm", false,
                "reason", "Let us have the place."))).andReturn();

        JsonNode problem = body(result, 404);
        assertThat(problem.get("detail").asText()).isEqualTo("You have no application " + selected.getId() + ".");
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain(selectedCompany.getLegalName(), call.getTitle(), "SELECTED", "confirmationDue");
        assertUnchanged();
    }

    @Test
    void aStaffUserCannotAnswerForTheCompany() throws Exception {
        refused(answer(selected, cluster.manager(), Map.of("confirm", true)), 404);
    }

    @Test
    void anApplicationThatDoesNotExistIsNotFound() throws Exception {
        JsonNode problem = body(mvc.perform(post("/api/applications/{id}/participation", 987654321L)
                .contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}")
                .with(Scenario.signedIn(smeOf(selectedCompany)))).andReturn(), 404);

        assertThat(problem.get("detail").asText()).isEqualTo("You have no application 987654321.");
    }

    @Test
    void aMissingAnswerIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(answer(selected, smeOf(selectedCompany), Map.of("reason", "No idea yet.")), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("confirm");
        assertThat(problem.at("/errors/confirm").asText())
                .isEqualTo("Please say whether your company takes part (confirm: true or false).");
    }

    @Test
    void anAnswerThatIsNotTrueOrFalseIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(answer(selected, smeOf(selectedCompany), Map.of("confirm", "perhaps")), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("confirm");
        assertThat(problem.at("/errors/confirm").asText()).isEqualTo("Please answer true or false.");
    }

    @Test
    void aReasonOf2001CharactersIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(answer(selected, smeOf(selectedCompany), Map.of("confirm", false,
                "reason", "r".repeat(2001))), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("reason");
        assertThat(problem.at("/errors/reason").asText()).isEqualTo("The reason can have at most 2,000 characters.");
    }

    @Test
    void anEmptyBodyIsRefused() throws Exception {
        JsonNode problem = refused(post("/api/applications/{id}/participation", selected.getId())
                .contentType(MediaType.APPLICATION_JSON).content("").with(Scenario.signedIn(smeOf(selectedCompany))), 400);

        assertThat(problem.get("detail").asText()).contains("missing");
    }

    @Test
    void answeringWithoutSigningInIsUnauthorized() throws Exception {
        JsonNode problem = refused(post("/api/applications/{id}/participation", selected.getId())
                .contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}").with(csrf()), 401);

        assertThat(problem.get("detail").asText()).isEqualTo("Please sign in.");
    }

    // --- setup: through the processes, as the people would ---

    /** Applies, has the eligibility confirmed by the cluster's reviewer and both evaluators give these points. */
    private Application evaluated(Company company, int relevance, int readiness, int representation) {
        Application application = scenario.apply(call, company, new BigDecimal("1500"));
        Task review = taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_ELIGIBILITY_REVIEW).singleResult();
        scenario.as(cluster.reviewer(), () -> taskService.complete(review.getId(),
                Map.of(ApplicationProcess.VAR_REVIEW_DECISION, ApplicationProcess.ReviewDecision.CONFIRM.name())));
        scenario.runJobs();
        Map<String, Integer> points = new HashMap<>(Map.of("RELEVANCE", relevance, "READINESS", readiness,
                "REPRESENTATION", representation));
        for (String evaluator : cluster.evaluators()) {
            scenario.as(evaluator, () -> evaluations.submitThroughTask(application.getId(), evaluator,
                    new EvaluationInput(false, null, points, null)));
        }
        scenario.runJobs();
        assertThat(reload(application).getStatus()).isEqualTo(ApplicationStatus.EVALUATED);
        return reload(application);
    }

    /** Closes the call early, lets it rank, approves the proposal as a call manager and sends the results. */
    private void decideAndPublish() {
        calls.closeEarly(call.getId(), cluster.manager(), "Enough applications for a one-slot call.");
        scenario.runJobs();
        Task decision = taskService.createTaskQuery().processInstanceId(call.getProcessInstanceId())
                .taskDefinitionKey(FundingCallProcess.TASK_SELECTION_DECISION).singleResult();
        assertThat(decision).as("selection decision task").isNotNull();
        scenario.as(cluster.manager(), () -> taskService.complete(decision.getId(), Map.of(
                FundingCallProcess.FIELD_SELECTION_DECISION, FundingCallProcess.SelectionDecision.APPROVE.name())));
        scenario.runJobs();
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.RESULTS_PUBLISHED);
    }

    private MockHttpServletRequestBuilder answer(Application application, String user, Map<String, Object> answer)
            throws Exception {
        return post("/api/applications/{id}/participation", application.getId())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(answer))
                .with(Scenario.signedIn(user));
    }

    /** Performs an answer that must be refused with that status, and proves that it changed nothing. */
    private JsonNode refused(MockHttpServletRequestBuilder request, int status) throws Exception {
        State before = state();

        JsonNode problem = body(mvc.perform(request).andReturn(), status);

        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(state()).isEqualTo(before);
        scenario.runJobs();
        assertThat(state()).as("nothing was set in motion either").isEqualTo(before);
        return problem;
    }

    private void assertUnchanged() {
        assertThat(reload(selected).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(reload(reserve).getStatus()).isEqualTo(ApplicationStatus.RESERVE);
        assertThat(confirmationTask(selected)).isNotNull();
    }

    /** Everything an answer could change: both applications, their tasks, the audit trail, the outbox, the jobs. */
    record State(ApplicationStatus selected, ApplicationStatus reserve, String selectedTask, String reserveTask,
            long auditEvents, long notifications, long jobs) {
    }

    private State state() {
        Task selectedTask = confirmationTask(selected);
        Task reserveTask = confirmationTask(reserve);
        return new State(reload(selected).getStatus(), reload(reserve).getStatus(),
                selectedTask == null ? null : selectedTask.getId(), reserveTask == null ? null : reserveTask.getId(),
                auditEvents.count(), notifications.count(), managementService.createJobQuery().executable().count());
    }

    private Task confirmationTask(Application application) {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_CONFIRM_PARTICIPATION).singleResult();
    }

    private Application reload(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }

    private List<AuditEvent> auditOf(Application application) {
        return auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc("Application", application.reference());
    }

    private List<Notification> notificationsOf(Application application) {
        return notifications.findByEntityTypeAndEntityIdOrderById("Application", application.reference());
    }

    private static String smeOf(Company company) {
        return Scenario.contactOf(company);
    }
}
