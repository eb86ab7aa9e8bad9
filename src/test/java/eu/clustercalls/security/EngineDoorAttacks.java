package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.security.Door.Answer;

/**
 * The attacks a signed-in user tried through the engine's own APIs, replayed through one door (the engine REST API
 * or the webapps' engine API, in the subclasses) as another cluster's staff, as a candidate of the same cluster and
 * as the drafter. Each is refused with a 4xx and a plain sentence, and changes nothing: every table of the database
 * (the engine's and ours, so statuses, audit events, queued mail and instances) counts the same rows after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Scenario.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineDoorAttacks {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    CallService calls;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClusterCallsProperties properties;

    final ObjectMapper json = new ObjectMapper();
    RowCounts rows;
    Scenario.Cluster a;
    Scenario.Cluster b;
    FundingCall open;
    Application inReview;
    Application other;

    Door door;

    /** The door of the subclass, to the engine of the test (its name is unique per test context). */
    abstract Door openDoor();

    /** Sends the request through this door, signed in as that user (password {@link Scenario#PASSWORD}). */
    Answer send(String user, String method, String path, Object body) {
        return door.send(user, Scenario.PASSWORD, method, path, body);
    }

    @BeforeAll
    void twoClusters() {
        door = openDoor();
        rows = new RowCounts(jdbc);
        a = scenario.cluster();
        b = scenario.cluster();
        open = scenario.publishedCall(a);
        inReview = scenario.apply(open, scenario.memberCompany(a), new BigDecimal("1500"));
        other = scenario.apply(open, scenario.memberCompany(a), new BigDecimal("1200"));
    }

    @Test
    void noStaffMemberClosesOrDecidesACallByStartingItsProcessAtALaterStep() {
        for (String step : List.of(FundingCallProcess.TASK_CLOSE_CALL, FundingCallProcess.TASK_PROPOSE_SELECTION,
                FundingCallProcess.TASK_PUBLISH_RESULTS)) {
            Map<String, Object> start = Map.of("variables", Map.of(FundingCallProcess.VAR_CALL_ID,
                    Map.of("value", open.getId(), "type", "Long")),
                    "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", step)));
            for (String attacker : List.of(b.manager(), a.manager())) {
                refusedAndNothingChanged(attacker, "POST", "/process-definition/key/funding-call/start", start, 403,
                        "Only administrators may start a process at a chosen step");
            }
        }
        assertThat(calls.get(open.getId()).getStatus()).isEqualTo(CallStatus.PUBLISHED);
    }

    @Test
    void aStartCarriesTheDraftFormsFieldsAndNothingElse() {
        Map<String, Object> withDrafter = Door.variables(scenario.callForm());
        withDrafter.put("drafter", Map.of("value", a.secondManager(), "type", "String"));
        refusedAndNothingChanged(a.manager(), "POST", "/process-definition/key/funding-call/submit-form",
                Map.of("variables", withDrafter), 400, "'drafter' is not a field of this form.");

        Map<String, Object> intoAnotherCluster = Door.variables(scenario.callForm());
        intoAnotherCluster.put("callId", Map.of("value", open.getId(), "type", "Long"));
        intoAnotherCluster.put("drafter", Map.of("value", a.manager(), "type", "String"));
        refusedAndNothingChanged(b.manager(), "POST", "/process-definition/key/funding-call/start",
                Map.of("variables", intoAnotherCluster), 400, "'callId' is not a field of this form.");

        Map<String, Object> wrongKind = Door.variables(scenario.callForm());
        wrongKind.put("slots", Map.of("value", "many", "type", "String"));
        refusedAndNothingChanged(a.manager(), "POST", "/process-definition/key/funding-call/submit-form",
                Map.of("variables", wrongKind), 400, "'slots' must be a number.");

        Map<String, Object> notFinite = Door.variables(scenario.callForm());
        notFinite.put("maxGrant", Map.of("value", "NaN", "type", "Double"));
        refusedAndNothingChanged(a.manager(), "POST", "/process-definition/key/funding-call/submit-form",
                Map.of("variables", notFinite), 400, "'maxGrant' must be a number.");
    }

    @Test
    void aCallManagerDraftsOnlyIntoHerOwnCluster() {
        Map<String, Object> form = Door.variables(scenario.callForm());
        form.put(FundingCallProcess.FIELD_CLUSTER, Map.of("value", a.id(), "type", "String"));
        refusedAndNothingChanged(b.manager(), "POST", "/process-definition/key/funding-call/submit-form",
                Map.of("variables", form), 400, "You are not on the staff of the cluster '" + a.id() + "'");
    }

    @Test
    void theDrafterIsTheSignedInUserAndCannotPublishHerOwnCall() {
        Answer drafted = send(a.manager(), "POST", "/process-definition/key/funding-call/submit-form",
                Map.of("variables", Door.variables(scenario.callForm())));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        String instance = read(drafted.body()).get("id").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getTenantId())
                .isEqualTo(a.id());
        FundingCall draft = calls.get(scenario.callId(instance));
        assertThat(draft.getDraftedBy()).isEqualTo(a.manager());
        assertThat(draft.getClusterId()).isEqualTo(a.id());

        Task review = scenario.reviewTask(instance);
        Answer claim = refusedAndNothingChanged(a.manager(), "POST", "/task/" + review.getId() + "/claim",
                Map.of("userId", a.manager()), 403, "yourself; another call manager must review");
        assertThat(read(claim.body()).get("message").asText()).as("what Tasklist shows the drafter")
                .isEqualTo("You drafted " + draft.reference() + " yourself; another call manager must review and "
                        + "publish it.");
        refusedAndNothingChanged(a.manager(), "POST", "/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(FundingCallProcess.VAR_REVIEW_DECISION,
                        Map.of("value", "PUBLISH", "type", "String"))), 403,
                "yourself; another call manager must review");
        assertThat(calls.get(draft.getId()).getStatus()).isEqualTo(CallStatus.DRAFT);
    }

    @Test
    void aCandidateCannotTurnHerTaskToAnotherApplication() {
        Task review = scenario.task(inReview, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        Answer claimed = send(a.reviewer(), "POST", "/task/" + review.getId() + "/claim",
                Map.of("userId", a.reviewer()));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);

        refusedAndNothingChanged(a.reviewer(), "PUT", "/task/" + review.getId() + "/localVariables/applicationId",
                Map.of("value", other.getId(), "type", "Long"), 403, "Only administrators may do this");
        refusedAndNothingChanged(a.reviewer(), "POST", "/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(ApplicationProcess.VAR_REVIEW_DECISION, text("CONFIRM"),
                        ApplicationProcess.VAR_APPLICATION_ID, Map.of("value", other.getId(), "type", "Long"))),
                400, "'applicationId' is not a field of this form.");
        refusedAndNothingChanged(b.reviewer(), "POST", "/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(ApplicationProcess.VAR_REVIEW_DECISION, text("CONFIRM"))), 403,
                "belongs to another cluster");

        Answer unclaimed = send(a.reviewer(), "POST", "/task/" + review.getId() + "/unclaim", null);
        assertThat(unclaimed.status()).as("giving a task back is part of working on it: " + unclaimed.body())
                .isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
        assertThat(send(a.reviewer(), "POST", "/task/" + review.getId() + "/claim", Map.of("userId", a.reviewer()))
                .status()).isEqualTo(204);

        Answer decided = send(a.reviewer(), "POST", "/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(ApplicationProcess.VAR_REVIEW_DECISION, text("CONFIRM"))));
        assertThat(decided.status()).as(decided.body()).isIn(200, 204);
        assertThat(statusOf(inReview)).isNotEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(statusOf(other)).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void aRuleRefusalIsAPlainSentenceNotAnEngineError() {
        Task review = scenario.task(other, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        Answer refused = refusedAndNothingChanged(a.reviewer(), "POST", "/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(ApplicationProcess.VAR_REVIEW_DECISION, text("OVERRIDE"),
                        ApplicationProcess.VAR_REVIEW_REASON, text("   "))), 400, null);
        assertThat(read(refused.body()).get("message").asText()).as("what Tasklist shows the reviewer")
                .isEqualTo("Please give the reason for the override.");
        Answer tooLong = refusedAndNothingChanged(a.reviewer(), "POST", "/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(ApplicationProcess.VAR_REVIEW_DECISION, text("OVERRIDE"),
                        ApplicationProcess.VAR_REVIEW_REASON, text("r".repeat(2001)))), 400,
                "'reviewReason' is longer than 2000 characters.");
        assertThat(read(tooLong.body()).get("message").asText()).isEqualTo("'reviewReason' is longer than 2000 characters.");
        Answer completed = refusedAndNothingChanged(a.reviewer(), "POST", "/task/" + review.getId() + "/complete",
                Map.of("variables", Map.of(ApplicationProcess.VAR_REVIEW_DECISION, text("OVERRIDE"))), 400, null);
        assertThat(read(completed.body()).get("message").asText()).as("no task id before the sentence")
                .isEqualTo("Please give the reason for the override.");
        assertThat(statusOf(other)).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void theInstallationsOwnJobsMetricsAndStatisticsAreForAdministratorsOnly() {
        Job cleanup = historyCleanupJob();
        refusedAndNothingChanged(a.manager(), "PUT", "/job/" + cleanup.getId() + "/suspended",
                Map.of("suspended", true), 403, "Only administrators may");
        refusedAndNothingChanged(a.manager(), "PUT", "/job/" + cleanup.getId() + "/retries", Map.of("retries", 0),
                403, "Only administrators may");
        refusedAndNothingChanged(a.manager(), "POST", "/job/" + cleanup.getId() + "/execute", null, 403,
                "Only administrators may");
        assertThat(managementService.createJobQuery().jobId(cleanup.getId()).singleResult().isSuspended()).isFalse();

        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ApplicationProcess.KEY).latestVersion().singleResult().getId();
        for (String path : List.of("/history/process-definition/" + definition + "/statistics",
                "/metrics/activity-instance-start/sum")) {
            refusedAndNothingChanged(b.manager(), "GET", path, null, 403, "Only administrators may see this");
        }
        // Cockpit lists deployments and batches to every user: staff see none (their panels stay whole).
        assertThat(send(b.manager(), "GET", "/deployment", null)).isEqualTo(new Answer(200, "[]"));
        assertThat(read(send(b.manager(), "GET", "/deployment/count", null).body()).get("count").asLong()).isZero();
        assertThat(read(send(b.manager(), "GET", "/batch/statistics", null).body()).size()).isZero();
        assertThat(read(door.send(properties.admin().user(), properties.admin().password(), "GET", "/deployment/count",
                null).body()).get("count").asLong()).as("an administrator sees them").isPositive();
    }

    @Test
    void staffCannotRaiseAnIncidentOnTheirOwnClustersInstance() {
        String execution = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(inReview.reference())
                .singleResult().getId();
        refusedAndNothingChanged(a.manager(), "POST", "/execution/" + execution + "/create-incident",
                Map.of("incidentType", "failedJob", "message", "forged"), 403, "Only administrators may do this");
    }

    @Test
    void onlyClusterCallsStartsAnApplicationNotEvenAnAdministrator() {
        refusedAndNothingChanged(b.manager(), "POST", "/process-definition/key/application/start",
                Map.of("variables", Map.of(ApplicationProcess.VAR_APPLICATION_ID,
                        Map.of("value", inReview.getId(), "type", "Long"))), 403, null);
    }

    @Test
    void nobodyWithdrawsAnApplicationByCorrelatingItsMessageNotEvenAnAdministrator() {
        assertThat(EngineDoor.OUR_MESSAGES).contains(ApplicationProcess.MESSAGE_WITHDRAWN);
        Map<String, Object> withdrawal = Map.of("messageName", ApplicationProcess.MESSAGE_WITHDRAWN,
                "businessKey", inReview.reference(), "processVariables",
                Map.of(ApplicationProcess.VAR_WITHDRAWN_FROM_SLOT, Map.of("value", true, "type", "Boolean")));
        Map<String, Object> toAll = new java.util.HashMap<>(withdrawal);
        toAll.put("all", true);
        String sme = scenario.applicantOf(inReview);
        for (Map<String, Object> correlation : List.of(withdrawal, toAll)) {
            Map<String, Long> before = rows.now();
            assertThat(send(sme, "POST", "/message", correlation).status()).as("the SME is no staff member")
                    .isIn(401, 403);
            assertThat(RowCounts.changes(before, rows.now())).isEmpty();
            refusedAndNothingChanged(b.manager(), "POST", "/message", correlation, 403, null);
            refusedAndNothingChanged(a.reviewer(), "POST", "/message", correlation, 403,
                    "ClusterCalls sends this message itself");
            before = rows.now();
            Answer byAdmin = door.send(properties.admin().user(), properties.admin().password(), "POST", "/message",
                    correlation);
            assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(403);
            assertThat(byAdmin.body()).contains("ClusterCalls sends this message itself");
            assertThat(RowCounts.changes(before, rows.now())).isEmpty();
        }
        assertThat(statusOf(inReview)).isNotEqualTo(ApplicationStatus.WITHDRAWN);
    }

    ApplicationStatus statusOf(Application application) {
        return ApplicationStatus.valueOf(jdbc.queryForObject("select status from application where id = ?",
                String.class, application.getId()));
    }

    private Job historyCleanupJob() {
        List<Job> jobs = historyService.findHistoryCleanupJobs();
        if (jobs.isEmpty()) {
            historyService.cleanUpHistoryAsync(true);
            jobs = historyService.findHistoryCleanupJobs();
        }
        assertThat(jobs).as("the engine's history cleanup job").isNotEmpty();
        return jobs.get(0);
    }

    /** The request is answered with that status and sentence, and every table counts the same rows after it. */
    Answer refusedAndNothingChanged(String user, String method, String path, Object body, int status, String says) {
        Map<String, Long> before = rows.now();
        Answer answer = send(user, method, path, body);
        assertThat(answer.status()).as(method + " " + path + " as " + user + ": " + answer.body()).isEqualTo(status);
        if (says != null) {
            assertThat(answer.body()).contains(says);
        }
        assertThat(answer.body()).doesNotContain("ENGINE-0");
        assertThat(RowCounts.changes(before, rows.now())).as("tables changed by a refused request").isEmpty();
        return answer;
    }

    static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    com.fasterxml.jackson.databind.JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }
}
