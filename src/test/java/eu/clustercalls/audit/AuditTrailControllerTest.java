package eu.clustercalls.audit;

import static eu.clustercalls.ApiResponses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.security.Roles;

/**
 * The audit trails of an application and of a call: readable by the call managers of the call's cluster and by
 * administrators, not by anyone else, and never changeable through the API.
 */
@ClusterCallsTest
class AuditTrailControllerTest {

    private static final BigDecimal AMOUNT = new BigDecimal("1500");

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    AuditEventRepository events;

    Scenario.Cluster cluster;
    FundingCall call;
    Application eligible;
    Application submitted;
    Application ofAnotherCall;

    @BeforeEach
    void aCallWithTwoApplications() {
        cluster = scenario.cluster();
        call = scenario.publishedCall(cluster);
        eligible = scenario.eligibleApplication(cluster, call, AMOUNT);
        submitted = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);
        ofAnotherCall = scenario.apply(scenario.publishedCall(cluster), scenario.memberCompany(cluster), AMOUNT);
    }

    private JsonNode read(String url, String user, int status) throws Exception {
        return body(mvc.perform(get(url).with(httpBasic(user, Scenario.PASSWORD))).andReturn(), status);
    }

    private static String applicationTrail(Application application) {
        return "/api/applications/" + application.getId() + "/audit";
    }

    private static String callTrail(FundingCall call) {
        return "/api/calls/" + call.getId() + "/audit";
    }

    private static List<String> values(JsonNode trail, String field) {
        List<String> values = new ArrayList<>();
        trail.forEach(event -> values.add(event.path(field).asText(null)));
        return values;
    }

    private static List<Instant> times(JsonNode trail) {
        return values(trail, "occurredAt").stream().map(Instant::parse).toList();
    }

    @Test
    void aCallManagerOfTheClusterReadsWhoDidWhatWhenAndWhyOnAnApplication() throws Exception {
        JsonNode trail = read(applicationTrail(eligible), cluster.manager(), 200);

        assertThat(values(trail, "action")).startsWith("APPLICATION_SUBMITTED", "ELIGIBILITY_CHECKED",
                "ELIGIBILITY_CONFIRMED").contains("EVALUATOR_ASSIGNED");
        assertThat(values(trail, "actor")).startsWith(scenario.applicantOf(eligible), "system", cluster.reviewer());
        assertThat(values(trail, "entityType")).containsOnly("Application");
        assertThat(values(trail, "entityId")).containsOnly(eligible.reference());
        JsonNode confirmed = trail.get(2);
        assertThat(confirmed.get("decision").asText()).isEqualTo("eligible");
        assertThat(Instant.parse(confirmed.get("occurredAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(times(trail)).isSorted();
    }

    @Test
    void theCallsTrailHasTheCallAndEveryApplicationToItInTheOrderThingsHappened() throws Exception {
        JsonNode trail = read(callTrail(call), cluster.secondManager(), 200);

        assertThat(values(trail, "action")).startsWith("CALL_DRAFTED", "CALL_PUBLISHED");
        assertThat(values(trail, "actor")).startsWith(cluster.manager(), cluster.secondManager());
        assertThat(values(trail, "entityId")).contains(call.reference(), eligible.reference(), submitted.reference())
                .doesNotContain(ofAnotherCall.reference());
        assertThat(times(trail)).isSorted();
        List<String> submissions = new ArrayList<>();
        trail.forEach(event -> {
            if (event.get("action").asText().equals("APPLICATION_SUBMITTED")) {
                submissions.add(event.get("entityId").asText());
            }
        });
        assertThat(submissions).containsExactly(eligible.reference(), submitted.reference());
    }

    @Test
    void anAdministratorReadsBothTrails() throws Exception {
        String admin = scenario.user("admin-" + Scenario.next(), Roles.ADMIN);

        assertThat(values(read(applicationTrail(submitted), admin, 200), "action"))
                .containsExactly("APPLICATION_SUBMITTED", "ELIGIBILITY_CHECKED");
        assertThat(values(read(callTrail(call), admin, 200), "entityId")).contains(call.reference());
    }

    @Test
    void aCallManagerOfAnotherClusterReadsNothing() throws Exception {
        String otherManager = scenario.cluster().manager();

        assertNothingFor(otherManager);
    }

    @Test
    void theApplicantTheReviewerAndAnEvaluatorOfTheClusterReadNothing() throws Exception {
        assertNothingFor(scenario.applicantOf(eligible));
        assertNothingFor(cluster.reviewer());
        assertNothingFor(cluster.evaluators().get(0));
        assertNothingFor(cluster.verifier());
    }

    private void assertNothingFor(String user) throws Exception {
        JsonNode application = read(applicationTrail(eligible), user, 404);
        assertThat(application.get("detail").asText())
                .isEqualTo("There is no application " + eligible.getId() + " whose audit trail you may read.");
        JsonNode ofCall = read(callTrail(call), user, 404);
        assertThat(ofCall.get("detail").asText())
                .isEqualTo("There is no call " + call.getId() + " whose audit trail you may read.");
        assertThat(application + " " + ofCall).doesNotContain("APPLICATION_SUBMITTED", eligible.reference(),
                cluster.reviewer() + "\"");
    }

    @Test
    void aTrailOfSomethingThatDoesNotExistIsNotFound() throws Exception {
        assertThat(read("/api/applications/987654321/audit", cluster.manager(), 404).get("detail").asText())
                .isEqualTo("There is no application 987654321 whose audit trail you may read.");
        assertThat(read("/api/calls/987654321/audit", cluster.manager(), 404).get("detail").asText())
                .isEqualTo("There is no call 987654321 whose audit trail you may read.");
    }

    @Test
    void withoutSigningInNoTrailIsShown() throws Exception {
        JsonNode problem = body(mvc.perform(get(callTrail(call))).andReturn(), 401);

        assertThat(problem.toString()).doesNotContain("CALL_DRAFTED");
    }

    @Test
    void theApiOffersNoWayToChangeOrDeleteTheTrail() throws Exception {
        long before = events.count();

        for (String url : List.of(applicationTrail(eligible), callTrail(call))) {
            body(mvc.perform(put(url).with(httpBasic(cluster.manager(), Scenario.PASSWORD)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("[]")).andReturn(), 405);
            body(mvc.perform(delete(url).with(httpBasic(cluster.manager(), Scenario.PASSWORD)).with(csrf()))
                    .andReturn(), 405);
        }

        assertThat(events.count()).isEqualTo(before);
        assertThat(values(read(applicationTrail(eligible), cluster.manager(), 200), "action"))
                .startsWith("APPLICATION_SUBMITTED");
    }
}
