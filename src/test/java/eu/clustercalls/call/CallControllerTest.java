package eu.clustercalls.call;

import static eu.clustercalls.ApiResponses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;

/** The public list of open calls, and closing early and extending for the cluster's call managers. */
@ClusterCallsTest
class CallControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenario scenario;
    @Autowired
    CallService calls;

    Scenario.Cluster cluster;
    FundingCall call;

    @BeforeEach
    void publishedCall() {
        cluster = scenario.cluster();
        call = scenario.publishedCall(cluster);
    }

    @Test
    void anOpenPublishedCallIsListedWithoutSigningIn() throws Exception {
        JsonNode list = body(mvc.perform(get("/api/calls")).andReturn(), 200);

        JsonNode listed = find(list, call.getId());
        assertThat(listed).isNotNull();
        assertThat(listed.get("title").asText()).isEqualTo(call.getTitle());
        assertThat(listed.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(listed.get("clusterId").asText()).isEqualTo(cluster.id());
        assertThat(listed.get("maxGrant").decimalValue()).isEqualByComparingTo("2000");
    }

    @Test
    void aPublishedCallCanBeReadWithoutSigningIn() throws Exception {
        JsonNode shown = body(mvc.perform(get("/api/calls/{id}", call.getId())).andReturn(), 200);

        assertThat(shown.get("id").asLong()).isEqualTo(call.getId());
        assertThat(shown.get("reference").asText()).isEqualTo(call.reference());
    }

    @Test
    void aDraftIsNeitherListedNorShown() throws Exception {
        Long draftId = scenario.callId(scenario.draftCall(cluster.manager(), scenario.callForm()));
        assertThat(calls.get(draftId).getStatus()).isEqualTo(CallStatus.DRAFT);

        assertThat(ids(body(mvc.perform(get("/api/calls")).andReturn(), 200))).doesNotContain(draftId);
        JsonNode problem = body(mvc.perform(get("/api/calls/{id}", draftId)).andReturn(), 404);
        assertThat(problem.get("detail").asText()).isEqualTo("There is no call " + draftId + ".");
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.toString()).doesNotContain("Business mission");
    }

    @Test
    void aClosedCallIsNotListedButCanStillBeRead() throws Exception {
        calls.closeEarly(call.getId(), cluster.manager(), "The activity was cancelled by the organiser.");

        assertThat(ids(body(mvc.perform(get("/api/calls")).andReturn(), 200))).doesNotContain(call.getId());
        JsonNode shown = body(mvc.perform(get("/api/calls/{id}", call.getId())).andReturn(), 200);
        assertThat(shown.get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aCallThatDoesNotExistIsNotFound() throws Exception {
        JsonNode problem = body(mvc.perform(get("/api/calls/{id}", 987654321L)).andReturn(), 404);

        assertThat(problem.get("detail").asText()).isEqualTo("There is no call 987654321.");
    }

    @Test
    void aCallIdThatIsNotANumberIsABadRequest() throws Exception {
        JsonNode problem = body(mvc.perform(get("/api/calls/montreal")).andReturn(), 400);

        assertThat(problem.get("detail").asText()).contains("'montreal'", "callId");
    }

    // --- closing early ---

    @Test
    void closingEarlyWithoutSigningInIsUnauthorized() throws Exception {
        MvcResult result = mvc.perform(closeEarly(call.getId(), reason("Too few applications.")).with(csrf())).andReturn();

        assertThat(body(result, 401).get("detail").asText()).isEqualTo("Please sign in.");
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
        assertStillPublished();
    }

    @Test
    void closingEarlyWithAWrongPasswordIsUnauthorized() throws Exception {
        body(mvc.perform(closeEarly(call.getId(), reason("Too few applications."))
                .with(httpBasic(cluster.manager(), "not-the-password")).with(csrf())).andReturn(), 401);
        assertStillPublished();
    }

    @Test
    void anSmeMayNotCloseACall() throws Exception {
        String sme = Scenario.contactOf(scenario.memberCompany(cluster));

        JsonNode problem = body(mvc.perform(closeEarly(call.getId(), reason("We would like it closed."))
                .with(Scenario.signedIn(sme))).andReturn(), 403);

        assertThat(problem.get("detail").asText()).contains("call-managers");
        assertStillPublished();
    }

    @Test
    void aCallManagerOfAnotherClusterMayNotCloseTheCall() throws Exception {
        Scenario.Cluster other = scenario.cluster();

        body(mvc.perform(closeEarly(call.getId(), reason("Not my call, but still."))
                .with(Scenario.signedIn(other.manager()))).andReturn(), 403);

        assertStillPublished();
    }

    @Test
    void anEligibilityReviewerOfTheClusterMayNotCloseTheCall() throws Exception {
        body(mvc.perform(closeEarly(call.getId(), reason("Reviewers are not call managers."))
                .with(Scenario.signedIn(cluster.reviewer()))).andReturn(), 403);

        assertStillPublished();
    }

    @Test
    void closingEarlyNeedsAReason() throws Exception {
        JsonNode missing = body(mvc.perform(closeEarly(call.getId(), "{}").with(manager())).andReturn(), 400);
        JsonNode blank = body(mvc.perform(closeEarly(call.getId(), reason("   ")).with(manager())).andReturn(), 400);

        assertThat(missing.at("/errors/reason").asText()).isEqualTo("Please give the reason for closing the call early.");
        assertThat(blank.at("/errors/reason").asText()).isEqualTo("Please give the reason for closing the call early.");
        assertStillPublished();
    }

    @Test
    void aReasonLongerThan2000CharactersIsRefused() throws Exception {
        JsonNode problem = body(mvc.perform(closeEarly(call.getId(), reason("x".repeat(2001))).with(manager()))
                .andReturn(), 400);

        assertThat(problem.at("/errors/reason").asText()).isEqualTo("The reason can have at most 2,000 characters.");
        assertStillPublished();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        JsonNode problem = body(mvc.perform(closeEarly(call.getId(), "{reason: oops").with(manager())).andReturn(), 400);

        assertThat(problem.get("detail").asText()).contains("not valid JSON");
        assertStillPublished();
    }

    @Test
    void theClustersCallManagerClosesTheCallEarly() throws Exception {
        JsonNode closed = body(mvc.perform(closeEarly(call.getId(), reason("The trade fair was cancelled."))
                .with(manager())).andReturn(), 200);

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(Instant.parse(closed.get("closesAt").asText())).isBefore(call.getClosesAt())
                .isBeforeOrEqualTo(ClockUtil.now().toInstant());
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.CLOSED);
        assertThat(ids(body(mvc.perform(get("/api/calls")).andReturn(), 200))).doesNotContain(call.getId());
    }

    @Test
    void theSecondCallManagerOfTheClusterMayCloseItToo() throws Exception {
        JsonNode closed = body(mvc.perform(closeEarly(call.getId(), reason("Budget reallocated."))
                .with(Scenario.signedIn(cluster.secondManager()))).andReturn(), 200);

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void closingACallThatIsAlreadyClosedIsAConflict() throws Exception {
        body(mvc.perform(closeEarly(call.getId(), reason("First closure.")).with(manager())).andReturn(), 200);

        JsonNode problem = body(mvc.perform(closeEarly(call.getId(), reason("Second closure.")).with(manager()))
                .andReturn(), 409);

        assertThat(problem.get("detail").asText()).isEqualTo(call.reference() + " is closed, not open for applications.");
    }

    @Test
    void closingADraftIsAConflict() throws Exception {
        Long draftId = scenario.callId(scenario.draftCall(cluster.manager(), scenario.callForm()));

        body(mvc.perform(closeEarly(draftId, reason("Never mind.")).with(manager())).andReturn(), 409);

        assertThat(calls.get(draftId).getStatus()).isEqualTo(CallStatus.DRAFT);
    }

    // --- extension ---

    @Test
    void extendingWithoutSigningInIsUnauthorized() throws Exception {
        body(mvc.perform(extend(call.getId(), extension(scenario.today().plusDays(40), "More time.")).with(csrf()))
                .andReturn(), 401);

        assertStillPublished();
    }

    @Test
    void anSmeMayNotExtendACall() throws Exception {
        String sme = Scenario.contactOf(scenario.memberCompany(cluster));

        body(mvc.perform(extend(call.getId(), extension(scenario.today().plusDays(40), "Please, more time."))
                .with(Scenario.signedIn(sme))).andReturn(), 403);

        assertStillPublished();
    }

    @Test
    void aCallManagerOfAnotherClusterMayNotExtendTheCall() throws Exception {
        Scenario.Cluster other = scenario.cluster();

        body(mvc.perform(extend(call.getId(), extension(scenario.today().plusDays(40), "More time."))
                .with(Scenario.signedIn(other.manager()))).andReturn(), 403);

        assertStillPublished();
    }

    @Test
    void anExtensionNeedsADateAndAReason() throws Exception {
        JsonNode problem = body(mvc.perform(extend(call.getId(), "{}").with(manager())).andReturn(), 400);

        assertThat(problem.at("/errors/closingDate").asText()).isEqualTo("Please give the new closing date.");
        assertThat(problem.at("/errors/reason").asText()).isEqualTo("Please give the reason for the extension.");
        assertStillPublished();
    }

    @Test
    void aNewClosingDateThatIsNotADateIsRefusedForThatField() throws Exception {
        JsonNode problem = body(mvc.perform(extend(call.getId(), "{\"closingDate\":\"31/12/2099\",\"reason\":\"More time.\"}")
                .with(manager())).andReturn(), 400);

        assertThat(problem.at("/errors/closingDate").asText()).isNotBlank();
        assertStillPublished();
    }

    @Test
    void aNewClosingDateNotAfterTheCurrentOneIsRefused() throws Exception {
        LocalDate current = call.getClosesAt().atZone(scenario.zone()).toLocalDate();

        JsonNode problem = body(mvc.perform(extend(call.getId(), extension(current, "Same day.")).with(manager()))
                .andReturn(), 400);

        assertThat(problem.at("/errors/closingDate").asText()).startsWith("The new closing date must be after the current one");
        assertStillPublished();
    }

    @Test
    void aNewClosingDateOnTheFirstDayOfTheActivityIsRefused() throws Exception {
        JsonNode problem = body(mvc.perform(extend(call.getId(), extension(call.getActivityStart(), "Up to the start."))
                .with(manager())).andReturn(), 400);

        assertThat(problem.at("/errors/closingDate").asText()).startsWith("The call must close before the activity starts");
        assertStillPublished();
    }

    @Test
    void theClustersCallManagerExtendsTheCall() throws Exception {
        LocalDate newClosingDate = scenario.today().plusDays(40);
        Instant expected = newClosingDate.atTime(23, 59, 59).atZone(scenario.zone()).toInstant();

        JsonNode extended = body(mvc.perform(extend(call.getId(), extension(newClosingDate, "Summer holidays."))
                .with(manager())).andReturn(), 200);

        assertThat(extended.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(Instant.parse(extended.get("closesAt").asText())).isEqualTo(expected);
        assertThat(calls.get(call.getId()).getClosesAt()).isEqualTo(expected);
        JsonNode listed = find(body(mvc.perform(get("/api/calls")).andReturn(), 200), call.getId());
        assertThat(Instant.parse(listed.get("closesAt").asText())).isEqualTo(expected);
    }

    @Test
    void extendingAClosedCallIsAConflict() throws Exception {
        calls.closeEarly(call.getId(), cluster.manager(), "Cancelled.");

        body(mvc.perform(extend(call.getId(), extension(scenario.today().plusDays(40), "Reopen?")).with(manager()))
                .andReturn(), 409);

        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.CLOSED);
    }

    // --- helpers ---

    private RequestPostProcessor manager() {
        return Scenario.signedIn(cluster.manager());
    }

    private static MockHttpServletRequestBuilder closeEarly(Long callId, String body) {
        return post("/api/calls/{id}/early-closure", callId).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder extend(Long callId, String body) {
        return post("/api/calls/{id}/extension", callId).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String reason(String reason) throws Exception {
        return json.writeValueAsString(Map.of("reason", reason));
    }

    private String extension(LocalDate closingDate, String reason) throws Exception {
        return json.writeValueAsString(Map.of("closingDate", closingDate.toString(), "reason", reason));
    }


    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private static JsonNode find(JsonNode list, Long id) {
        for (JsonNode node : list) {
            if (node.get("id").asLong() == id) {
                return node;
            }
        }
        return null;
    }

    private void assertStillPublished() {
        FundingCall now = calls.get(call.getId());
        assertThat(now.getStatus()).isEqualTo(CallStatus.PUBLISHED);
        assertThat(now.getClosesAt()).isEqualTo(call.getClosesAt());
    }

}
