package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.call.FundingCallRepository;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.security.Door.Answer;

/**
 * What Tasklist shows a staff member whose form the server refuses is the sentence of the refusal as the engine's
 * API answers it: in the cluster's staff language, as the form itself is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Scenario.class)
class StaffRefusalLanguageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    FundingCallRepository calls;
    @Autowired
    ApplicationRepository applications;

    @Test
    void aCatalanClustersCallManagerStartingACallThatClosesAfterTheActivityIsToldInCatalan() throws Exception {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");

        assertThat(startClosingAfterTheActivity(cluster))
                .isEqualTo("La convocatòria ha de tancar abans que comenci l’activitat.");
    }

    @Test
    void anEnglishClustersCallManagerStartingACallThatClosesAfterTheActivityIsToldInEnglish() throws Exception {
        assertThat(startClosingAfterTheActivity(scenario.cluster()))
                .isEqualTo("The call must close before the activity starts.");
    }

    @Test
    void aSpanishClustersReviewerOverridingWithoutAReasonIsToldInSpanish() throws Exception {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "es");

        assertThat(overrideWithoutAReason(cluster)).isEqualTo("Indique el motivo por el que modifica el veredicto.");
    }

    @Test
    void anEnglishClustersReviewerOverridingWithoutAReasonIsToldInEnglish() throws Exception {
        assertThat(overrideWithoutAReason(scenario.cluster())).isEqualTo("Please give the reason for the override.");
    }

    @Test
    void aCatalanClustersDrafterClaimingTheReviewOfHerOwnCallIsToldInCatalan() throws Exception {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        Answer drafted = submit(cluster.manager(), "/process-definition/key/funding-call/submit-form",
                scenario.callForm());
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        String instance = JSON.readTree(drafted.body()).path("id").asText();
        String reference = calls.findById(scenario.callId(instance)).orElseThrow().reference();

        Answer claim = send(cluster.manager(), "/task/" + scenario.reviewTask(instance).getId() + "/claim",
                Map.of("userId", cluster.manager()));

        assertThat(claim.status()).as(claim.body()).isEqualTo(403);
        assertThat(JSON.readTree(claim.body()).path("message").asText()).isEqualTo("Sou qui ha redactat " + reference
                + "; un altre gestor de convocatòries l’ha de revisar i publicar.");
    }

    /** Tasklist's start of the funding call, closing the day after the activity starts; the 400's message. */
    private String startClosingAfterTheActivity(Cluster cluster) throws Exception {
        Map<String, Object> form = scenario.callForm();
        form.put("closesOn", LocalDate.parse((String) form.get("activityStartDate")).plusDays(1).toString());
        long callsBefore = calls.count();

        Answer answer = submit(cluster.manager(), "/process-definition/key/funding-call/submit-form", form);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(calls.count()).as("no call drafted").isEqualTo(callsBefore);
        return JSON.readTree(answer.body()).path("message").asText();
    }

    /** The eligibility reviewer's form with "override" and a reason of blanks; the 400's message. */
    private String overrideWithoutAReason(Cluster cluster) throws Exception {
        Application application = scenario.apply(scenario.publishedCall(cluster), scenario.memberCompany(cluster),
                new BigDecimal("1500"));
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);

        Answer answer = submit(cluster.reviewer(), "/task/" + review.getId() + "/submit-form",
                Map.of(ApplicationProcess.VAR_REVIEW_DECISION, "OVERRIDE",
                        ApplicationProcess.VAR_REVIEW_REASON, "   "));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.IN_REVIEW);
        return JSON.readTree(answer.body()).path("message").asText();
    }

    /** A form as Tasklist submits it. */
    private Answer submit(String user, String path, Map<String, Object> form) {
        return send(user, path, Map.of("variables", Door.variables(form)));
    }

    private Answer send(String user, String path, Object body) {
        return new EngineRestDoor(port, engine.getName()).send(user, Scenario.PASSWORD, "POST", path, body);
    }
}
