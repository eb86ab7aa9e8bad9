package eu.clustercalls.evaluation;

import static eu.clustercalls.ApiResponses.body;
import static eu.clustercalls.ApiResponses.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

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
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditEventRepository;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.security.Roles;

/**
 * Reading the evaluations of an application (blind until one's own is in; the cluster's call managers see all;
 * anyone else sees nothing) and submitting a declaration or scores through the JSON API. A refused submission
 * stores nothing: the evaluation stays open, no audit event or notification is written, the task stays open.
 */
@ClusterCallsTest
class EvaluationControllerTest {

    private static final String OTHERS_COMMENT = "Convincing list of Canadian distributors";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenario scenario;
    @Autowired
    EvaluationService evaluationService;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TaskService taskService;

    Scenario.Cluster cluster;
    Company company;
    Application application;
    /** The two evaluators the round-robin gave the application, in name order. */
    String first;
    String second;

    @BeforeEach
    void anApplicationInEvaluation() {
        cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        company = scenario.memberCompany(cluster);
        application = scenario.apply(call, company, new BigDecimal("1500"));
        Task review = taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_ELIGIBILITY_REVIEW).singleResult();
        scenario.as(cluster.reviewer(), () -> taskService.complete(review.getId(),
                Map.of(ApplicationProcess.VAR_REVIEW_DECISION, ApplicationProcess.ReviewDecision.CONFIRM.name())));
        scenario.runJobs();
        List<String> assigned = openEvaluationTasks().stream().map(Task::getAssignee).sorted().toList();
        assertThat(assigned).as("both evaluators of the cluster").containsExactlyInAnyOrderElementsOf(cluster.evaluators());
        first = assigned.get(0);
        second = assigned.get(1);
    }

    // --- reading: the blind rule ---

    @Test
    void anEvaluatorWhoHasNotScoredYetIsForbiddenToSeeTheOthersScoresAndGetsNoneOfThem() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);

        MvcResult result = mvc.perform(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(first))).andReturn();

        JsonNode problem = body(result, 403);
        assertThat(problem.get("detail").asText())
                .isEqualTo("You will see the other evaluators' scores once you have submitted your own.");
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain(second, OTHERS_COMMENT, "\"scores\"", "\"total\"", "RELEVANCE");
    }

    @Test
    void anEvaluatorWhoHasNotScoredSeesNothingEvenWhenNobodyHasScored() throws Exception {
        MvcResult result = mvc.perform(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(first))).andReturn();

        body(result, 403);
        assertThat(result.getResponse().getContentAsString()).doesNotContain(second, "\"scores\"", "\"evaluator\"");
    }

    @Test
    void afterSubmittingTheirOwnTheEvaluatorSeesBothEvaluations() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);
        body(mvc.perform(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(first))).andReturn(), 403);

        body(mvc.perform(submit(first, validSubmission(s -> s.put("comment", "Good readiness.")))).andReturn(), 204);
        JsonNode list = body(mvc.perform(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(first))).andReturn(), 200);

        assertThat(list).hasSize(2);
        assertThat(byEvaluator(list).get(second).get("total").asInt()).isEqualTo(21);
        assertThat(byEvaluator(list).get(second).get("comment").asText()).isEqualTo(OTHERS_COMMENT);
        assertThat(byEvaluator(list).get(second).at("/scores/RELEVANCE").asInt()).isEqualTo(9);
        assertThat(byEvaluator(list).get(first).get("total").asInt()).isEqualTo(20);
        assertThat(byEvaluator(list).get(first).at("/scores/READINESS").asInt()).isEqualTo(8);
        assertThat(byEvaluator(list).get(first).get("submittedAt").asText()).isNotBlank();
    }

    @Test
    void theFirstToSubmitSeesTheOtherEvaluationStillOpenWithoutScores() throws Exception {
        body(mvc.perform(submit(first, validSubmission())).andReturn(), 204);

        JsonNode list = body(mvc.perform(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(first))).andReturn(), 200);

        assertThat(list).hasSize(2);
        assertThat(byEvaluator(list).get(second).has("submittedAt")).isFalse();
        assertThat(byEvaluator(list).get(second).has("total")).isFalse();
        assertThat(byEvaluator(list).get(second).get("scores")).isEmpty();
    }

    @Test
    void aCallManagerOfTheClusterSeesEveryEvaluationSubmittedOrNot() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);

        JsonNode list = body(mvc.perform(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(cluster.manager()))).andReturn(), 200);

        assertThat(list).extracting(e -> e.get("evaluator").asText(), e -> e.get("slot").asInt())
                .containsExactlyInAnyOrder(tuple(first, slotOf(first)), tuple(second, slotOf(second)));
        assertThat(byEvaluator(list).get(second).get("total").asInt()).isEqualTo(21);
        assertThat(byEvaluator(list).get(first).has("submittedAt")).isFalse();
    }

    @Test
    void aCallManagerOfAnotherClusterGetsNotFoundAndNoData() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);
        Scenario.Cluster other = scenario.cluster();

        notFoundWithoutData(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(other.manager())));
    }

    @Test
    void theApplicantsOwnUserGetsNotFoundAndNoData() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);

        notFoundWithoutData(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(Scenario.contactOf(company))));
    }

    @Test
    void anEvaluatorOfTheSameClusterWithoutAnEvaluationOfTheApplicationGetsNotFoundAndNoData() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);
        String unrelated = scenario.staff(Roles.EVALUATORS, cluster.id());

        notFoundWithoutData(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(unrelated)));
    }

    @Test
    void anEvaluatorOfAnotherClusterGetsNotFoundAndNoData() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);
        String outsider = scenario.cluster().evaluators().get(0);

        notFoundWithoutData(get("/api/applications/{id}/evaluations", application.getId())
                .with(Scenario.signedIn(outsider)));
    }

    @Test
    void theEvaluationsOfAnApplicationThatDoesNotExistAreNotFound() throws Exception {
        JsonNode problem = body(mvc.perform(get("/api/applications/{id}/evaluations", 987654321L)
                .with(Scenario.signedIn(cluster.manager()))).andReturn(), 404);

        assertThat(problem.get("detail").asText()).isEqualTo("There is no application 987654321.");
    }

    @Test
    void readingTheEvaluationsNeedsSigningIn() throws Exception {
        submitThroughService(second, scores(9, 8, 4), OTHERS_COMMENT);

        MvcResult result = mvc.perform(get("/api/applications/{id}/evaluations", application.getId())).andReturn();

        assertThat(body(result, 401).get("detail").asText()).isEqualTo("Please sign in.");
        assertThat(result.getResponse().getContentAsString()).doesNotContain(second, OTHERS_COMMENT);
    }

    @Test
    void aWrongPasswordIsUnauthorized() throws Exception {
        body(mvc.perform(get("/api/applications/{id}/evaluations", application.getId())
                .with(httpBasic(first, "wrong-password"))).andReturn(), 401);
    }

    // --- submitting scores ---

    @Test
    void validScoresAreStoredAndTheTaskIsDone() throws Exception {
        long auditBefore = auditEvents.count();

        body(mvc.perform(submit(first, validSubmission(s -> s.put("comment", "  Clear plan.  ")))).andReturn(), 204);

        Evaluation stored = evaluationOf(first);
        assertThat(stored.getSubmittedAt()).isNotNull();
        assertThat(stored.getScores()).containsExactlyInAnyOrderEntriesOf(Map.of("RELEVANCE", 8, "READINESS", 8, "REPRESENTATION", 4));
        assertThat(stored.getTotal()).isEqualTo(20);
        assertThat(stored.getComment()).isEqualTo("Clear plan.");
        assertThat(stored.isConflict()).isFalse();
        assertThat(openEvaluationTasks()).extracting(Task::getAssignee).containsExactly(second);
        assertThat(auditEvents.count()).isEqualTo(auditBefore + 1);
        assertThat(auditOfApplication()).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision)
                .contains(tuple("EVALUATION_SUBMITTED", first, "20 of 25"));
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.IN_EVALUATION);
    }

    @Test
    void theLowestAndHighestPointsOfEachCriterionAreAccepted() throws Exception {
        body(mvc.perform(submit(first, validSubmission(s -> s.put("scores", scores(0, 0, 0))))).andReturn(), 204);
        body(mvc.perform(submit(second, validSubmission(s -> s.put("scores", scores(10, 10, 5))))).andReturn(), 204);

        assertThat(evaluationOf(first).getTotal()).isZero();
        assertThat(evaluationOf(second).getTotal()).isEqualTo(25);
    }

    @Test
    void whenBothHaveScoredTheFinalScoreIsSettled() throws Exception {
        body(mvc.perform(submit(first, validSubmission(s -> s.put("scores", scores(8, 8, 4))))).andReturn(), 204);
        body(mvc.perform(submit(second, validSubmission(s -> s.put("scores", scores(9, 8, 4))))).andReturn(), 204);

        Application settled = applications.findById(application.getId()).orElseThrow();
        assertThat(settled.getStatus()).isEqualTo(ApplicationStatus.EVALUATED);
        assertThat(settled.getFinalScore()).isEqualByComparingTo("20.50");
        assertThat(openEvaluationTasks()).isEmpty();
    }

    @Test
    void aScoreAboveTheCriterionsMaximumIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(submit(first, validSubmission(s -> s.put("scores", scores(11, 8, 4)))), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("scores.RELEVANCE");
        assertThat(problem.at("/errors/scores.RELEVANCE").asText())
                .isEqualTo("Relevance of the target market is scored from 0 to 10 points.");
    }

    @Test
    void aNegativeScoreIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(submit(first, validSubmission(s -> s.put("scores", scores(8, -1, 4)))), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("scores.READINESS");
        assertThat(problem.at("/errors/scores.READINESS").asText())
                .isEqualTo("Internationalisation readiness is scored from 0 to 10 points.");
    }

    @Test
    void everyScoreOutOfRangeIsNamedAtOnce() throws Exception {
        JsonNode problem = refused(submit(first, validSubmission(s -> s.put("scores", scores(11, -1, 6)))), 400);

        assertThat(fieldNames(problem.get("errors")))
                .containsExactlyInAnyOrder("scores.RELEVANCE", "scores.READINESS", "scores.REPRESENTATION");
        assertThat(problem.at("/errors/scores.REPRESENTATION").asText())
                .isEqualTo("Quality of the company's representation is scored from 0 to 5 points.");
    }

    @Test
    void aMissingCriterionIsRefusedForThatField() throws Exception {
        Map<String, Object> scores = new LinkedHashMap<>(scores(8, 8, 4));
        scores.remove("REPRESENTATION");

        JsonNode problem = refused(submit(first, validSubmission(s -> s.put("scores", scores))), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("scores.REPRESENTATION");
        assertThat(problem.at("/errors/scores.REPRESENTATION").asText())
                .isEqualTo("Please score Quality of the company's representation.");
    }

    @Test
    void noScoresAtAllNameEveryCriterion() throws Exception {
        JsonNode problem = refused(submit(first, validSubmission(s -> s.remove("scores"))), 400);

        assertThat(fieldNames(problem.get("errors")))
                .containsExactlyInAnyOrder("scores.RELEVANCE", "scores.READINESS", "scores.REPRESENTATION");
    }

    @Test
    void anUnknownCriterionIsRefusedForThatField() throws Exception {
        Map<String, Object> scores = new LinkedHashMap<>(scores(8, 8, 4));
        scores.put("SUSTAINABILITY", 5);

        JsonNode problem = refused(submit(first, validSubmission(s -> s.put("scores", scores))), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("scores.SUSTAINABILITY");
        assertThat(problem.at("/errors/scores.SUSTAINABILITY").asText())
                .isEqualTo("The call's rubric has no criterion SUSTAINABILITY.");
    }

    @Test
    void aScoreWithAFractionIsRefusedForThatField() throws Exception {
        String body = "{\"conflictOfInterest\":false,\"scores\":{\"RELEVANCE\":7.5,\"READINESS\":8,\"REPRESENTATION\":4}}";

        JsonNode problem = refused(submit(first, body), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("scores.RELEVANCE");
        assertThat(problem.at("/errors/scores.RELEVANCE").asText()).isEqualTo("Please enter a whole number.");
    }

    @Test
    void aScoreThatIsNotANumberIsRefusedForThatField() throws Exception {
        String body = "{\"conflictOfInterest\":false,\"scores\":{\"RELEVANCE\":8,\"READINESS\":\"very good\",\"REPRESENTATION\":4}}";

        JsonNode problem = refused(submit(first, body), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("scores.READINESS");
        assertThat(problem.at("/errors/scores.READINESS").asText()).isEqualTo("Please enter a whole number.");
    }

    @Test
    void aMissingDeclarationOfConflictIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(submit(first, validSubmission(s -> s.remove("conflictOfInterest"))), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("conflictOfInterest");
        assertThat(problem.at("/errors/conflictOfInterest").asText())
                .isEqualTo("Please declare whether you have a conflict of interest with this applicant.");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        JsonNode problem = refused(submit(first, "{\"conflictOfInterest\": fal"), 400);

        assertThat(problem.get("detail").asText()).contains("not valid JSON");
    }

    // --- declaring a conflict of interest ---

    @Test
    void aConflictWithoutAReasonIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(submit(first, Map.of("conflictOfInterest", true, "conflictReason", "  ")), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactly("conflictReason");
        assertThat(problem.at("/errors/conflictReason").asText()).isEqualTo("Please describe the conflict of interest.");
    }

    @Test
    void aConflictWithAReasonHandsTheSlotToAnotherEvaluator() throws Exception {
        String third = scenario.staff(Roles.EVALUATORS, cluster.id());
        long auditBefore = auditEvents.count();

        body(mvc.perform(submit(first, Map.of("conflictOfInterest", true,
                "conflictReason", "I advised this company last year."))).andReturn(), 204);

        Evaluation declared = evaluationOf(first);
        assertThat(declared.isConflict()).isTrue();
        assertThat(declared.getConflictReason()).isEqualTo("I advised this company last year.");
        assertThat(declared.getSubmittedAt()).isNull();
        assertThat(openEvaluationTasks()).extracting(Task::getAssignee).containsExactlyInAnyOrder(second, third);
        assertThat(evaluationOf(third).getSlot()).isEqualTo(declared.getSlot());
        assertThat(auditOfApplication()).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .contains(tuple("CONFLICT_DECLARED", first), tuple("EVALUATOR_ASSIGNED", "system"));
        assertThat(auditEvents.count()).isGreaterThan(auditBefore);
        body(mvc.perform(submit(first, validSubmission())).andReturn(), 404);
    }

    // --- who may submit ---

    @Test
    void submittingTwiceFindsNoOpenEvaluation() throws Exception {
        body(mvc.perform(submit(first, validSubmission())).andReturn(), 204);

        JsonNode problem = refused(submit(first, validSubmission(s -> s.put("scores", scores(1, 1, 1)))), 404);

        assertThat(problem.get("detail").asText())
                .isEqualTo("You have no open evaluation of application " + application.getId() + ".");
        assertThat(evaluationOf(first).getTotal()).isEqualTo(20);
    }

    @Test
    void anEvaluatorWithoutAnEvaluationOfTheApplicationCannotSubmit() throws Exception {
        String unrelated = scenario.staff(Roles.EVALUATORS, cluster.id());

        JsonNode problem = refused(submit(unrelated, validSubmission()), 404);

        assertThat(problem.get("detail").asText())
                .isEqualTo("You have no open evaluation of application " + application.getId() + ".");
    }

    @Test
    void theApplicantCannotEvaluateItsOwnApplication() throws Exception {
        refused(submit(Scenario.contactOf(company), validSubmission()), 404);
    }

    @Test
    void aCallManagerCannotSubmitAnotherEvaluatorsScores() throws Exception {
        refused(submit(cluster.manager(), validSubmission()), 404);
    }

    @Test
    void submittingWithoutSigningInIsUnauthorized() throws Exception {
        State before = state();

        JsonNode problem = body(mvc.perform(post("/api/applications/{id}/evaluation", application.getId())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(validSubmission())).with(csrf()))
                .andReturn(), 401);

        assertThat(problem.get("detail").asText()).isEqualTo("Please sign in.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void submittingToAnApplicationThatDoesNotExistIsNotFound() throws Exception {
        JsonNode problem = body(mvc.perform(post("/api/applications/{id}/evaluation", 987654321L)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(validSubmission()))
                .with(Scenario.signedIn(first))).andReturn(), 404);

        assertThat(problem.get("detail").asText()).isEqualTo("There is no application 987654321.");
    }

    // --- helpers ---

    private void submitThroughService(String evaluator, Map<String, Object> scores, String comment) {
        Map<String, Integer> points = new HashMap<>();
        scores.forEach((code, value) -> points.put(code, (Integer) value));
        scenario.as(evaluator, () -> evaluationService.submitThroughTask(application.getId(), evaluator,
                new EvaluationInput(false, null, points, comment)));
        assertThat(evaluationOf(evaluator).getSubmittedAt()).isNotNull();
    }

    private static Map<String, Object> scores(int relevance, int readiness, int representation) {
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("RELEVANCE", relevance);
        scores.put("READINESS", readiness);
        scores.put("REPRESENTATION", representation);
        return scores;
    }

    private static Map<String, Object> validSubmission() {
        return validSubmission(s -> { });
    }

    private static Map<String, Object> validSubmission(Consumer<Map<String, Object>> change) {
        Map<String, Object> submission = new HashMap<>();
        submission.put("conflictOfInterest", false);
        submission.put("scores", scores(8, 8, 4));
        change.accept(submission);
        return submission;
    }

    private MockHttpServletRequestBuilder submit(String user, Map<String, Object> submission) throws Exception {
        return submit(user, json.writeValueAsString(submission));
    }

    private MockHttpServletRequestBuilder submit(String user, String body) {
        return post("/api/applications/{id}/evaluation", application.getId())
                .contentType(MediaType.APPLICATION_JSON).content(body).with(Scenario.signedIn(user));
    }

    /** Performs a submission that must be refused with that status, and proves that it stored nothing. */
    private JsonNode refused(MockHttpServletRequestBuilder request, int status) throws Exception {
        State before = state();

        JsonNode problem = body(mvc.perform(request).andReturn(), status);

        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(state()).isEqualTo(before);
        return problem;
    }

    private void notFoundWithoutData(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();

        JsonNode problem = body(result, 404);
        assertThat(problem.get("detail").asText())
                .isEqualTo("There is no application " + application.getId() + " for you to evaluate.");
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain(first, second, OTHERS_COMMENT, "\"scores\"", "\"total\"", "RELEVANCE",
                        company.getLegalName());
    }

    /** Everything a submission could change: the evaluations, the audit trail, the outbox, the open tasks. */
    record State(List<String> evaluations, long auditEvents, long notifications, List<String> openTasks,
            ApplicationStatus status) {
    }

    private State state() {
        List<String> rows = evaluations.findByApplicationIdOrderById(application.getId()).stream()
                .map(e -> e.getId() + " " + e.getEvaluator() + " slot " + e.getSlot() + " conflict " + e.isConflict()
                        + " " + e.getConflictReason() + " submitted " + e.getSubmittedAt() + " total " + e.getTotal()
                        + " " + new TreeMap<>(e.getScores()) + " " + e.getComment())
                .toList();
        List<String> tasks = openEvaluationTasks().stream().map(t -> t.getId() + " " + t.getAssignee()).sorted().toList();
        return new State(rows, auditEvents.count(), notifications.count(), tasks,
                applications.findById(application.getId()).orElseThrow().getStatus());
    }

    private List<Task> openEvaluationTasks() {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_EVALUATE).list();
    }

    private Evaluation evaluationOf(String evaluator) {
        return evaluations.findByApplicationIdOrderById(application.getId()).stream()
                .filter(e -> e.getEvaluator().equals(evaluator))
                .max(Comparator.comparing(Evaluation::getId)).orElseThrow();
    }

    private int slotOf(String evaluator) {
        return evaluationOf(evaluator).getSlot();
    }

    private List<AuditEvent> auditOfApplication() {
        return auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc("Application", application.reference());
    }

    private static Map<String, JsonNode> byEvaluator(JsonNode list) {
        Map<String, JsonNode> byEvaluator = new HashMap<>();
        List<JsonNode> entries = new ArrayList<>();
        list.forEach(entries::add);
        entries.forEach(entry -> byEvaluator.put(entry.get("evaluator").asText(), entry));
        return byEvaluator;
    }
}
