package eu.clustercalls.application;

import static eu.clustercalls.ApiResponses.body;
import static eu.clustercalls.ApiResponses.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import eu.clustercalls.audit.AuditEventRepository;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.notification.NotificationRepository;

/**
 * Applying to a call, following one's applications and answering a clarification request through the JSON API.
 * Every refused request leaves no trace: no application, audit event, notification or process instance.
 */
@ClusterCallsTest
class ApplicationControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenario scenario;
    @Autowired
    CallService calls;
    @Autowired
    CompanyService companies;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    Scenario.Cluster cluster;
    FundingCall call;
    Company company;
    String sme;

    @BeforeEach
    void memberOfTheClusterAndItsOpenCall() {
        cluster = scenario.cluster();
        call = scenario.publishedCall(cluster);
        company = scenario.memberCompany(cluster);
        sme = Scenario.contactOf(company);
    }

    // --- applying ---

    @Test
    void aCompleteApplicationIsCreatedWithItsAddress() throws Exception {
        Counts before = counts();

        MvcResult result = mvc.perform(apply(call.getId(), json.writeValueAsString(validApplication())).with(asSme()))
                .andReturn();

        JsonNode created = body(result, 201);
        long id = created.get("id").asLong();
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/applications/" + id);
        assertThat(created.get("reference").asText()).isEqualTo("APP-" + id);
        assertThat(created.get("callId").asLong()).isEqualTo(call.getId());
        assertThat(created.get("callTitle").asText()).isEqualTo(call.getTitle());
        assertThat(created.get("companyId").asLong()).isEqualTo(company.getId());
        assertThat(created.get("requestedAmount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(created.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(created.get("ineligibilityReasons")).isEmpty();

        Application stored = applications.findById(id).orElseThrow();
        assertThat(stored.getMotivation()).isEqualTo("We want to meet Canadian buyers of technical textiles.");
        assertThat(stored.getParticipants()).containsExactly(new Participant("Marta Puig", "Export manager"));
        assertThat(stored.getProcessInstanceId()).isNotNull();
        Counts after = counts();
        assertThat(after.applications()).isEqualTo(before.applications() + 1);
        assertThat(after.runningProcesses()).isEqualTo(before.runningProcesses() + 1);
        assertThat(after.historicProcesses()).isEqualTo(before.historicProcesses() + 1);
        assertThat(after.auditEvents()).as("APPLICATION_SUBMITTED").isEqualTo(before.auditEvents() + 1);
        assertThat(after.notifications()).as("receipt to the company's one user").isEqualTo(before.notifications() + 1);
    }

    @Test
    void anApplicationWithTextsOfTheLongestAllowedLengthReachesTheEligibilityReview() throws Exception {
        String body = json.writeValueAsString(validApplication(a -> {
            a.put("motivation", "m".repeat(4000));
            a.put("targetMarkets", "t".repeat(500));
            a.put("exportExperience", "e".repeat(2000));
        }));

        JsonNode created = body(mvc.perform(apply(call.getId(), body).with(asSme())).andReturn(), 201);

        Application application = applications.findById(created.get("id").asLong()).orElseThrow();
        assertThat(application.getMotivation()).hasSize(4000);
        try {
            scenario.runJobs();
        } finally {
            // A check that failed would fail again in the next test's runJobs: leave nothing behind.
            if (managementService.createJobQuery().processInstanceId(application.getProcessInstanceId()).count() > 0) {
                runtimeService.deleteProcessInstance(application.getProcessInstanceId(), "test clean-up", true, true);
            }
        }
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(reviewTask(application)).isNotNull();
    }

    @Test
    void anEmptyApplicationNamesEveryMissingField() throws Exception {
        JsonNode problem = refused(apply(call.getId(), "{}").with(asSme()), 400);

        assertThat(problem.get("detail").asText()).isEqualTo("Some fields need your attention.");
        assertThat(fieldNames(problem.get("errors"))).containsExactlyInAnyOrder("motivation", "targetMarkets",
                "exportExperience", "requestedAmount", "participants", "declarations");
        assertThat(problem.at("/errors/motivation").asText()).isEqualTo("Please tell us why your company wants to take part.");
        assertThat(problem.at("/errors/requestedAmount").asText()).isEqualTo("Please give the amount you request.");
    }

    @Test
    void blankTextsAreMissingTexts() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> {
            a.put("motivation", "   ");
            a.put("targetMarkets", "");
        })), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactlyInAnyOrder("motivation", "targetMarkets");
    }

    @Test
    void unansweredDeclarationsAreNamedOneByOne() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("declarations",
                Map.of("smeStatus", true)))), 400);

        assertThat(fieldNames(problem.get("errors"))).containsExactlyInAnyOrder("declarations.deMinimis",
                "declarations.noDoubleFunding", "declarations.dataProtection");
        assertThat(problem.at("/errors/declarations.deMinimis").asText())
                .isEqualTo("Please answer the de minimis declaration.");
    }

    @Test
    void anApplicationWithoutParticipantsIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("participants", List.of()))), 400);

        assertThat(problem.at("/errors/participants").asText()).isEqualTo("Please name at least one participant.");
    }

    @Test
    void aParticipantWithoutANameIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("participants",
                List.of(Map.of("fullName", " ", "jobTitle", "Export manager"))))), 400);

        assertThat(problem.at("/errors/participants[0].fullName").asText())
                .isEqualTo("Please give the participant's full name.");
    }

    @Test
    void anEmptyParticipantEntryIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), "{\"motivation\":\"Buyers.\",\"targetMarkets\":\"Canada\","
                + "\"exportExperience\":\"None.\",\"requestedAmount\":1500,\"participants\":[null],"
                + "\"declarations\":{\"smeStatus\":true,\"deMinimis\":true,\"noDoubleFunding\":true,\"dataProtection\":true}}")
                .with(asSme()), 400);

        assertThat(problem.at("/errors/participants[0]").asText()).isNotBlank();
    }

    @Test
    void moreThanFiveParticipantsAreRefused() throws Exception {
        Map<String, String> participant = Map.of("fullName", "Marta Puig", "jobTitle", "Export manager");
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("participants",
                List.of(participant, participant, participant, participant, participant, participant)))), 400);

        assertThat(problem.at("/errors/participants").asText()).isEqualTo("At most 5 participants per company.");
    }

    @Test
    void aNegativeAmountIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("requestedAmount", -100))), 400);

        assertThat(problem.at("/errors/requestedAmount").asText()).isEqualTo("The requested amount must be more than €0.");
    }

    @Test
    void aZeroAmountIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("requestedAmount", 0))), 400);

        assertThat(problem.at("/errors/requestedAmount").asText()).isEqualTo("The requested amount must be more than €0.");
    }

    @Test
    void anAmountWithFractionsOfACentIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("requestedAmount",
                new BigDecimal("1500.005")))), 400);

        assertThat(problem.at("/errors/requestedAmount").asText()).isEqualTo("The requested amount must be in euros and cents.");
    }

    @Test
    void anAmountAboveTheCallsMaximumIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("requestedAmount",
                new BigDecimal("2000.01")))), 400);

        assertThat(problem.at("/errors/requestedAmount").asText()).isEqualTo("At most €2,000.00 can be requested in this call.");
    }

    @Test
    void aMotivationOf4001CharactersIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("motivation", "m".repeat(4001)))), 400);

        assertThat(problem.at("/errors/motivation").asText()).isEqualTo("The motivation can have at most 4,000 characters.");
    }

    @Test
    void targetMarketsOf501CharactersAreRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("targetMarkets", "t".repeat(501)))), 400);

        assertThat(problem.at("/errors/targetMarkets").asText()).isEqualTo("The target markets can have at most 500 characters.");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), "{\"motivation\": \"We want").with(asSme()), 400);

        assertThat(problem.get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void anEmptyBodyIsRefused() throws Exception {
        JsonNode problem = refused(apply(call.getId(), "").with(asSme()), 400);

        assertThat(problem.get("detail").asText()).contains("missing");
    }

    @Test
    void anAmountThatIsNotANumberIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("requestedAmount", "a lot"))), 400);

        assertThat(problem.at("/errors/requestedAmount").asText()).isNotBlank();
    }

    @Test
    void aBareNanOrInfinityAsTheAmountIsRefusedForThatField() throws Exception {
        String valid = json.writeValueAsString(validApplication());
        for (String notANumber : List.of("NaN", "Infinity", "-Infinity")) {
            String body = valid.replace("\"requestedAmount\":1500.00", "\"requestedAmount\":" + notANumber);
            assertThat(body).as("the amount replaced").contains(notANumber);

            JsonNode problem = refused(apply(call.getId(), body).with(asSme()), 400);

            assertThat(problem.get("detail").asText()).isEqualTo("The request body is not valid JSON.");
            assertThat(problem.get("errors").size()).as(notANumber).isOne();
            assertThat(problem.at("/errors/requestedAmount").asText()).as(notANumber).isEqualTo("This value, or what "
                    + "follows it, is not valid JSON: write a number in digits, such as 1500.00 (NaN and Infinity are not "
                    + "numbers), and text in quotes.");
        }
    }

    @Test
    void aBareWordDeepInTheBodyIsRefusedForItsField() throws Exception {
        String body = json.writeValueAsString(validApplication())
                .replace("\"fullName\":\"Marta Puig\"", "\"fullName\":NaN");

        JsonNode problem = refused(apply(call.getId(), body).with(asSme()), 400);

        assertThat(problem.at("/errors/participants[0].fullName").asText()).startsWith("This value, or what follows it, is not valid JSON");
    }

    @Test
    void aDeclarationThatIsNotTrueOrFalseIsRefusedForThatField() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("declarations", Map.of(
                "smeStatus", "perhaps", "deMinimis", true, "noDoubleFunding", true, "dataProtection", true)))), 400);

        assertThat(problem.at("/errors/declarations.smeStatus").asText()).isNotBlank();
    }

    @Test
    void participantsGivenAsTextAreRefusedForThatField() throws Exception {
        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("participants", "Marta Puig"))), 400);

        assertThat(problem.at("/errors/participants").asText()).isNotBlank();
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIsRefused() throws Exception {
        JsonNode problem = refused(post("/api/calls/{id}/applications", call.getId())
                .contentType(MediaType.TEXT_PLAIN).content("I want to apply.").with(asSme()), 415);

        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void applyingToAClosedCallIsAConflict() throws Exception {
        calls.closeEarly(call.getId(), cluster.manager(), "The activity was cancelled.");

        JsonNode problem = refused(apply(call.getId(), validApplication()), 409);

        assertThat(problem.get("detail").asText()).contains(call.getTitle(), "closed on", "no longer accepted");
    }

    @Test
    void applyingToACallThatOpensTomorrowIsAConflict() throws Exception {
        FundingCall later = scenario.publishedCall(cluster, form -> form.put("opensOn", scenario.today().plusDays(1).toString()));

        JsonNode problem = refused(apply(later.getId(), validApplication()), 409);

        assertThat(problem.get("detail").asText()).contains("opens on");
    }

    @Test
    void applyingToADraftCallIsNotFound() throws Exception {
        Long draftId = scenario.callId(scenario.draftCall(cluster.manager(), scenario.callForm()));

        JsonNode problem = refused(apply(draftId, validApplication()), 404);

        assertThat(problem.get("detail").asText()).isEqualTo("There is no call " + draftId + ".");
    }

    @Test
    void aCompanyThatIsNotAMemberCannotApplyToAMembersOnlyCall() throws Exception {
        Company outsider = scenario.company(Scenario.figures(12, "1800000", "1500000"), List.of());

        JsonNode problem = refused(apply(call.getId(), json.writeValueAsString(validApplication()))
                .with(Scenario.signedIn(Scenario.contactOf(outsider))), 403);

        assertThat(problem.get("detail").asText()).contains(outsider.getLegalName(), "not a member", cluster.name());
    }

    @Test
    void aCompanyWhoseMembershipHasLapsedCannotApplyToAMembersOnlyCall() throws Exception {
        Company lapsed = scenario.company(Scenario.figures(12, "1800000", "1500000"), List.of());
        companies.recordMembership(lapsed.getId(), cluster.id(), "M-L" + lapsed.getId(), LocalDate.of(2018, 1, 1),
                scenario.today().minusDays(1));

        JsonNode problem = refused(apply(call.getId(), json.writeValueAsString(validApplication()))
                .with(Scenario.signedIn(Scenario.contactOf(lapsed))), 403);

        assertThat(problem.get("detail").asText()).contains("not a member");
    }

    @Test
    void aSecondApplicationOfTheSameCompanyToTheCallIsAConflict() throws Exception {
        Application first = scenario.apply(call, company, new BigDecimal("1500"));

        JsonNode problem = refused(apply(call.getId(), validApplication()), 409);

        assertThat(problem.get("detail").asText()).contains(company.getLegalName(), "already applied", first.reference());
        assertThat(applications.findByCompanyIdInOrderBySubmittedAtDesc(List.of(company.getId())))
                .extracting(Application::getId).containsExactly(first.getId());
    }

    @Test
    void applyingWithoutSigningInIsUnauthorized() throws Exception {
        JsonNode problem = refused(apply(call.getId(), json.writeValueAsString(validApplication())).with(csrf()), 401);

        assertThat(problem.get("detail").asText()).isEqualTo("Please sign in.");
    }

    @Test
    void applyingWithoutTheCsrfTokenIsRefusedAsAForgedRequest() throws Exception {
        JsonNode problem = refused(apply(call.getId(), json.writeValueAsString(validApplication()))
                .with(httpBasic(sme, Scenario.PASSWORD)), 403);

        assertThat(problem.get("detail").asText()).contains("CSRF token", "X-CSRF-TOKEN");
    }

    @Test
    void applyingWithAWrongPasswordIsUnauthorized() throws Exception {
        refused(apply(call.getId(), json.writeValueAsString(validApplication()))
                .with(httpBasic(sme, "wrong-password")).with(csrf()), 401);
    }

    @Test
    void aStaffUserWhoActsForNoCompanyCannotApply() throws Exception {
        JsonNode problem = refused(apply(call.getId(), json.writeValueAsString(validApplication()))
                .with(Scenario.signedIn(cluster.manager())), 403);

        assertThat(problem.get("detail").asText()).isEqualTo("Your user does not act for any company, so it cannot apply.");
    }

    @Test
    void applyingForACompanyTheUserDoesNotActForIsRefused() throws Exception {
        Company other = scenario.memberCompany(cluster);

        JsonNode problem = refused(apply(call.getId(), validApplication(a -> a.put("companyId", other.getId()))), 403);

        assertThat(problem.get("detail").asText()).isEqualTo("You do not act for company " + other.getId() + ".");
    }

    // --- following one's applications ---

    @Test
    void theListShowsOnlyTheApplicationsOfTheUsersCompany() throws Exception {
        Company competitor = scenario.memberCompany(cluster);
        Application own = scenario.apply(call, company, new BigDecimal("1500"));
        Application theirs = scenario.apply(call, competitor, new BigDecimal("1200"));

        JsonNode list = body(mvc.perform(get("/api/applications").with(asSme())).andReturn(), 200);

        assertThat(ids(list)).containsExactly(own.getId()).doesNotContain(theirs.getId());
        assertThat(list.get(0).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aUserWithoutCompanyHasAnEmptyList() throws Exception {
        JsonNode list = body(mvc.perform(get("/api/applications").with(Scenario.signedIn(cluster.manager())))
                .andReturn(), 200);

        assertThat(list).isEmpty();
    }

    @Test
    void theListNeedsSigningIn() throws Exception {
        body(mvc.perform(get("/api/applications")).andReturn(), 401);
    }

    @Test
    void oneOwnApplicationIsShown() throws Exception {
        Application own = scenario.apply(call, company, new BigDecimal("1500"));

        JsonNode shown = body(mvc.perform(get("/api/applications/{id}", own.getId()).with(asSme())).andReturn(), 200);

        assertThat(shown.get("id").asLong()).isEqualTo(own.getId());
        assertThat(shown.get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void theReasonsOfAnIneligibleApplicationAreWrittenInTheReadersLanguage() throws Exception {
        Map<String, Object> withoutNoDoubleFunding = validApplication(a -> a.put("declarations",
                Map.of("smeStatus", true, "deMinimis", true, "noDoubleFunding", false, "dataProtection", true)));
        long id = body(mvc.perform(apply(call.getId(), withoutNoDoubleFunding)).andReturn(), 201).get("id").asLong();
        Application refused = applications.findById(id).orElseThrow();
        scenario.runJobs();
        scenario.confirmEligibility(cluster, refused);

        for (Map.Entry<String, String> reason : Map.of(
                "es", "Falta la declaración de que no hay doble financiación.",
                "ca", "Falta la declaració que no hi ha doble finançament.",
                "en", "The declaration of no double funding was not given.").entrySet()) {
            JsonNode shown = body(mvc.perform(get("/api/applications/{id}", refused.getId())
                    .header("Accept-Language", reason.getKey()).with(asSme())).andReturn(), 200);
            assertThat(shown.get("ineligibilityReasons")).extracting(JsonNode::asText).as(reason.getKey())
                    .containsExactly(reason.getValue());
        }
    }

    @Test
    void anApplicationOfAnotherCompanyIsNotFoundAndGivesNothingAway() throws Exception {
        Company competitor = scenario.memberCompany(cluster);
        Application theirs = scenario.apply(call, competitor, new BigDecimal("1234.56"));

        MvcResult result = mvc.perform(get("/api/applications/{id}", theirs.getId()).with(asSme())).andReturn();

        JsonNode problem = body(result, 404);
        assertThat(problem.get("detail").asText()).isEqualTo("You have no application " + theirs.getId() + ".");
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain(competitor.getLegalName(), "1234.56", "Canadian buyers", call.getTitle(), theirs.reference());
    }

    // --- clarification ---

    @Test
    void anAnswerToAnOpenClarificationRequestSendsTheApplicationBackToReview() throws Exception {
        Application application = awaitingClarification();

        JsonNode answered = body(mvc.perform(answer(application.getId(), "We have 8 employees and no partner enterprises."))
                .andReturn(), 200);

        assertThat(answered.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(answered.at("/clarification/question").asText()).isEqualTo("Is the company autonomous?");
        assertThat(answered.at("/clarification/answer").asText()).isEqualTo("We have 8 employees and no partner enterprises.");
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(reviewTask(application)).isNotNull();
        assertThat(answerTask(application)).isNull();
    }

    @Test
    void anAnswerOf4000CharactersIsAccepted() throws Exception {
        Application application = awaitingClarification();

        body(mvc.perform(answer(application.getId(), "a".repeat(4000))).andReturn(), 200);

        assertThat(applications.findById(application.getId()).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void aBlankAnswerIsRefused() throws Exception {
        Application application = awaitingClarification();
        Counts before = counts();

        JsonNode problem = body(mvc.perform(answer(application.getId(), "   ")).andReturn(), 400);

        assertThat(problem.at("/errors/answer").asText()).isEqualTo("Please write your answer.");
        assertStillAwaitingTheAnswer(application, before);
    }

    @Test
    void aMissingAnswerIsRefused() throws Exception {
        Application application = awaitingClarification();
        Counts before = counts();

        JsonNode problem = body(mvc.perform(post("/api/applications/{id}/clarification-answer", application.getId())
                .contentType(MediaType.APPLICATION_JSON).content("{}").with(asSme())).andReturn(), 400);

        assertThat(problem.at("/errors/answer").asText()).isEqualTo("Please write your answer.");
        assertStillAwaitingTheAnswer(application, before);
    }

    @Test
    void anAnswerOf4001CharactersIsRefused() throws Exception {
        Application application = awaitingClarification();
        Counts before = counts();

        JsonNode problem = body(mvc.perform(answer(application.getId(), "a".repeat(4001))).andReturn(), 400);

        assertThat(problem.at("/errors/answer").asText()).isEqualTo("Your answer can have at most 4,000 characters.");
        assertStillAwaitingTheAnswer(application, before);
    }

    @Test
    void answeringWhenNoClarificationIsOpenIsAConflict() throws Exception {
        Application application = scenario.apply(call, company, new BigDecimal("1500"));
        Counts before = counts();

        JsonNode problem = body(mvc.perform(answer(application.getId(), "Unasked answer.")).andReturn(), 409);

        assertThat(problem.get("detail").asText())
                .isEqualTo("There is no open clarification request for " + application.reference() + ".");
        assertThat(counts()).isEqualTo(before);
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void anotherCompanyCannotAnswerTheClarificationRequest() throws Exception {
        Application application = awaitingClarification();
        String competitor = Scenario.contactOf(scenario.memberCompany(cluster));
        Counts before = counts();

        body(mvc.perform(post("/api/applications/{id}/clarification-answer", application.getId())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("answer", "Meddling.")))
                .with(Scenario.signedIn(competitor))).andReturn(), 404);

        assertStillAwaitingTheAnswer(application, before);
    }

    // --- helpers ---

    /** The cluster's reviewer asks the SME a question in the eligibility review. */
    private Application awaitingClarification() {
        Application application = scenario.apply(call, company, new BigDecimal("1500"));
        Task review = reviewTask(application);
        assertThat(review).isNotNull();
        scenario.as(cluster.reviewer(), () -> taskService.complete(review.getId(), Map.of(
                ApplicationProcess.VAR_REVIEW_DECISION, "CLARIFY",
                ApplicationProcess.VAR_CLARIFICATION_QUESTION, "Is the company autonomous?")));
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);
        assertThat(answerTask(application)).isNotNull();
        return application;
    }

    private void assertStillAwaitingTheAnswer(Application application, Counts before) {
        assertThat(counts()).isEqualTo(before);
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);
        assertThat(answerTask(application)).isNotNull();
    }

    private Task reviewTask(Application application) {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_ELIGIBILITY_REVIEW).singleResult();
    }

    private Task answerTask(Application application) {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_ANSWER_CLARIFICATION).singleResult();
    }

    private MockHttpServletRequestBuilder answer(Long applicationId, String answer) throws Exception {
        return post("/api/applications/{id}/clarification-answer", applicationId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answer", answer)))
                .with(asSme());
    }

    private RequestPostProcessor asSme() {
        return Scenario.signedIn(sme);
    }

    private static MockHttpServletRequestBuilder apply(Long callId, String body) {
        return post("/api/calls/{id}/applications", callId).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Signed in as the member company's user. */
    private MockHttpServletRequestBuilder apply(Long callId, Map<String, Object> application) throws Exception {
        return apply(callId, json.writeValueAsString(application)).with(asSme());
    }

    private static Map<String, Object> validApplication() {
        return validApplication(a -> { });
    }

    private static Map<String, Object> validApplication(Consumer<Map<String, Object>> change) {
        Map<String, Object> declarations = new LinkedHashMap<>();
        declarations.put("smeStatus", true);
        declarations.put("deMinimis", true);
        declarations.put("noDoubleFunding", true);
        declarations.put("dataProtection", true);
        Map<String, Object> application = new HashMap<>();
        application.put("motivation", "We want to meet Canadian buyers of technical textiles.");
        application.put("targetMarkets", "Canada");
        application.put("exportExperience", "Exports to France and Italy.");
        application.put("requestedAmount", new BigDecimal("1500.00"));
        application.put("participants", List.of(Map.of("fullName", "Marta Puig", "jobTitle", "Export manager")));
        application.put("declarations", declarations);
        change.accept(application);
        return application;
    }

    /** Performs a request that must be refused with that status, and proves that it stored nothing. */
    private JsonNode refused(MockHttpServletRequestBuilder request, int status) throws Exception {
        Counts before = counts();
        List<Application> ownBefore = applications.findByCompanyIdInOrderBySubmittedAtDesc(List.of(company.getId()));

        JsonNode problem = body(mvc.perform(request).andReturn(), status);

        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(counts()).isEqualTo(before);
        assertThat(applications.findByCompanyIdInOrderBySubmittedAtDesc(List.of(company.getId())))
                .extracting(Application::getId)
                .containsExactlyElementsOf(ownBefore.stream().map(Application::getId).toList());
        return problem;
    }



    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    record Counts(long applications, long auditEvents, long notifications, long runningProcesses,
            long historicProcesses) {
    }

    private Counts counts() {
        return new Counts(applications.count(), auditEvents.count(), notifications.count(),
                runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY).count(),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY).count());
    }
}
