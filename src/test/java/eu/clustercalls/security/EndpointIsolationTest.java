package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.ApiResponses;
import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplyCommand;
import eu.clustercalls.application.Declarations;
import eu.clustercalls.application.Participant;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimInput;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.Upload;

/**
 * An SME user sees only their own company's applications, tasks, claims, documents and payments; cluster staff only
 * their cluster's. Every endpoint of the running application is called by the people of another company and another
 * cluster with the ids of the victim's data, at every stage that data reaches: each must answer 403 or 404 (401 without
 * sign-in), show none of the victim's data, and change nothing.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointIsolationTest {

    /** Who besides a company's and a cluster's own people may have an answer from an endpoint. */
    enum Audience { EVERYONE, SIGNED_IN, FINANCE }

    record Open(Audience audience, String reason) {
    }

    /** The endpoints that answer people outside the company and cluster, each with why. */
    static final Map<String, Open> OPEN = Map.of(
            "GET /api/calls", new Open(Audience.EVERYONE, "the open calls are published for every SME to find"),
            "GET /api/csrf-token", new Open(Audience.EVERYONE, "the token a client sends with each change, no data"),
            "GET /api/calls/{callId}", new Open(Audience.EVERYONE, "a published or closed call is public"),
            "GET /api/applications", new Open(Audience.SIGNED_IN, "lists the signed-in user's own applications only"),
            "GET /api/exchange-rates", new Open(Audience.SIGNED_IN, "the installation's reference rates, nobody's own data"),
            "PUT /api/exchange-rates/{currency}/{validOn}", new Open(Audience.FINANCE,
                    "one rate table for the whole installation, kept by the finance officers of every cluster"));

    /** Path variables that are not anyone's data: the same value for victim and attacker. */
    static final Map<String, String> SHARED_VARIABLES = Map.of(
            "currency", "USD",
            // A rate the migrations seed, set again to its own value: nothing changes even where it is allowed.
            "validOn", "2025-01-02");


    /** A user as they call the API; a null user sends no credentials. */
    record Caller(String role, String user) {

        boolean admittedBy(Audience audience) {
            return switch (audience) {
                case EVERYONE -> true;
                case SIGNED_IN -> user != null;
                case FINANCE -> role.equals("finance");
            };
        }
    }

    /** A company of its own cluster with data at every stage, and the values that identify that data. */
    record Tenant(Scenario.Cluster cluster, Company company, String sme, Map<String, List<String>> ids,
            List<String> secrets) {

        List<Caller> callers() {
            return List.of(new Caller("sme", sme), new Caller("call manager", cluster.manager()),
                    new Caller("eligibility reviewer", cluster.reviewer()),
                    new Caller("evaluator", cluster.evaluators().get(0)), new Caller("finance", cluster.verifier()),
                    new Caller("anonymous", null));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    ApplicationService applications;
    @Autowired
    DocumentService documents;
    @Autowired
    PaymentService payments;

    List<ApiEndpoint> endpoints;
    RowCounts rowCounts;
    Tenant first;
    Tenant second;

    /**
     * Two clusters, each with a member company that has: a paid claim (receipt and proof of attendance stored, payment
     * executed), a selected application awaiting confirmation, an application with an open clarification request, and
     * one being evaluated with one evaluation in.
     */
    @BeforeAll
    void twoCompaniesWithDataEverywhere() {
        endpoints = ApiEndpoint.all(context);
        rowCounts = new RowCounts(jdbc);
        // Both before either activity is over: that moves the clock past the other calls' deadlines.
        Stages firstStages = stagesBeforeTheActivity("1777.13");
        Stages secondStages = stagesBeforeTheActivity("1666.27");
        first = withPaidClaim(firstStages, "456.78");
        second = withPaidClaim(secondStages, "345.67");
    }

    @AfterAll
    void clockBack() {
        ClockUtil.reset();
    }

    /** What a tenant has before its activity is over; the ids and secrets grow with the claim. */
    private record Stages(Scenario.Cluster cluster, Company company, String sme, String tag, FundingCall claimCall,
            Application confirmed, Map<String, List<String>> ids, List<String> secrets) {
    }

    private Stages stagesBeforeTheActivity(String amount) {
        Scenario.Cluster cluster = scenario.cluster();
        Company company = scenario.memberCompany(cluster);
        String sme = Scenario.contactOf(company);
        String tag = "Qx" + Scenario.next() + "z";
        ApplyCommand command = new ApplyCommand(null, "Motivation " + tag, "Markets " + tag, "Experience " + tag,
                new BigDecimal(amount), List.of(new Participant("Participant " + tag, "Export manager")),
                new Declarations(true, true, true, true));

        FundingCall claimCall = scenario.publishedCall(cluster);
        Application confirmed = apply(claimCall, sme, command);
        selected(cluster, claimCall, confirmed);
        scenario.answerParticipation(confirmed, true, null);
        scenario.runJobsOf(confirmed.getProcessInstanceId());

        FundingCall selectionCall = scenario.publishedCall(cluster);
        Application selected = apply(selectionCall, sme, command);
        selected(cluster, selectionCall, selected);

        FundingCall reviewCall = scenario.publishedCall(cluster);
        Application questioned = apply(reviewCall, sme, command);
        scenario.askForClarification(cluster, questioned, "Question " + tag);
        scenario.answerClarification(questioned, "Answer " + tag);
        scenario.runJobsOf(questioned.getProcessInstanceId());
        scenario.askForClarification(cluster, questioned, "Second question " + tag);

        FundingCall evaluationCall = scenario.publishedCall(cluster);
        Application evaluated = apply(evaluationCall, sme, command);
        scenario.confirmEligibility(cluster, evaluated);
        Map<String, Object> scores = Scenario.scoresForm(8, 7, 4);
        scores.put(ApplicationProcess.FIELD_EVALUATION_COMMENT, "Comment " + tag);
        scenario.completeEvaluation(evaluated, scenario.evaluatorsOf(evaluated).get(0), scores);

        Map<String, List<String>> ids = new HashMap<>();
        ids.put("applicationId", ids(confirmed.getId(), selected.getId(), questioned.getId(), evaluated.getId()));
        ids.put("callId", ids(claimCall.getId(), selectionCall.getId(), reviewCall.getId(), evaluationCall.getId()));
        ids.put("companyId", ids(company.getId()));
        List<String> secrets = new ArrayList<>(List.of(company.getLegalName(), company.getVatNumber(), amount,
                command.motivation(), command.targetMarkets(), command.exportExperience(), "Participant " + tag,
                "Question " + tag, "Answer " + tag, "Comment " + tag));
        List.of(confirmed, selected, questioned, evaluated).forEach(application -> secrets.add(application.reference()));
        return new Stages(cluster, company, sme, tag, claimCall, confirmed, ids, secrets);
    }

    /** The activity is over: the confirmed company claims with two files, finance verifies and approves, it is paid. */
    private Tenant withPaidClaim(Stages stages, String itemAmount) {
        Scenario.Cluster cluster = stages.cluster();
        FundingCall call = stages.claimCall();
        Application confirmed = stages.confirmed();
        String tag = stages.tag();
        scenario.activityOver(call, confirmed);
        String receipt = "receipt-" + tag;
        String pass = "pass-" + tag;
        ClaimInput input = new ClaimInput(List.of(new ClaimInput.Item(ExpenseCategory.TRAVEL, new BigDecimal(itemAmount),
                "EUR", call.getActivityStart(), "Flight " + tag, receipt)), List.of(pass), "Report " + tag, 5,
                ClaimFixtures.SME_IBAN, "Holder " + tag);
        claims.submit(confirmed, input, List.of(new Upload(receipt, receipt + ".pdf", ClaimFixtures.pdf(tag)),
                new Upload(pass, pass + ".png", ClaimFixtures.png(tag))));
        ExpenseClaim claim = claims.claimOf(confirmed);
        scenario.runJobsOf(claim.getProcessInstanceId());
        claims.verify(cluster.verifier(), confirmed, "APPROVE", null, null);
        claims.decidePayment(cluster.approver(), confirmed, "APPROVE", null);
        scenario.runJobsOf(claim.getProcessInstanceId());

        Map<String, List<String>> ids = stages.ids();
        List<String> secrets = stages.secrets();
        ids.put("claimId", ids(claim.getId()));
        ids.put("documentId", documents.ofClaim(claim.getId()).stream().map(d -> d.getId().toString()).toList());
        secrets.addAll(List.of(claim.reference(), itemAmount, "Flight " + tag, "Report " + tag, "Holder " + tag,
                payments.ofClaim(claim.getId()).orElseThrow().getReference()));
        documents.ofClaim(claim.getId()).stream().map(DocumentSummary::getFileName).forEach(secrets::add);
        return new Tenant(cluster, stages.company(), stages.sme(), ids, secrets);
    }

    private Application apply(FundingCall call, String sme, ApplyCommand command) {
        Application application = applications.apply(call.getId(), sme, command);
        scenario.runJobs();
        return application;
    }

    /** Found eligible, scored 20 by both evaluators, the call closed early and the selection approved. */
    private void selected(Scenario.Cluster cluster, FundingCall call, Application application) {
        scenario.confirmEligibility(cluster, application);
        scenario.evaluateWithTotals(application, 20, 20);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
    }

    private static List<String> ids(Long... ids) {
        return Arrays.stream(ids).map(String::valueOf).toList();
    }

    // --- the matrix ---

    @Test
    void everyEndpointRefusesThePeopleOfAnotherCompanyAndClusterAndShowsThemNothing() throws Exception {
        assertThat(endpoints).as("endpoints under /api").hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Tenant[] pair : new Tenant[][] {{first, second}, {second, first}}) {
            Tenant victim = pair[0];
            Tenant attacker = pair[1];
            for (ApiEndpoint endpoint : endpoints) {
                for (Map<String, String> variables : variables(endpoint, victim, attacker, problems)) {
                    for (Caller caller : attacker.callers()) {
                        probe(endpoint, variables, caller, victim, problems);
                        requests++;
                    }
                }
            }
        }
        assertThat(problems).as("%d requests to %d endpoints", requests, endpoints.size()).isEmpty();
    }

    @Test
    void theOpenEndpointsAreEndpointsOfTheApplication() {
        List<String> keys = endpoints.stream().map(ApiEndpoint::key).toList();

        assertThat(keys).containsAll(OPEN.keySet());
    }

    /**
     * The values of the endpoint's path variables: every combination of the victim's ids, and for endpoints with
     * several ids also the attacker's own ids mixed with at least one of the victim's.
     */
    private List<Map<String, String>> variables(ApiEndpoint endpoint, Tenant victim, Tenant attacker,
            List<String> problems) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        List<Boolean> victims = new ArrayList<>(List.of(false));
        for (String variable : endpoint.variables()) {
            List<String> victimValues = victim.ids().get(variable);
            String shared = SHARED_VARIABLES.get(variable);
            if (victimValues == null && shared == null) {
                problems.add(endpoint.key() + ": nobody knows whose {" + variable + "} is. Add it to the victim's ids "
                        + "(Tenant.ids in EndpointIsolationTest) or, if it is nobody's data, to SHARED_VARIABLES.");
                return List.of();
            }
            List<Map<String, String>> next = new ArrayList<>();
            List<Boolean> nextVictims = new ArrayList<>();
            for (int i = 0; i < combinations.size(); i++) {
                if (shared != null) {
                    next.add(with(combinations.get(i), variable, shared));
                    nextVictims.add(victims.get(i));
                    continue;
                }
                for (String value : victimValues) {
                    next.add(with(combinations.get(i), variable, value));
                    nextVictims.add(true);
                }
                if (endpoint.variables().size() > 1) {
                    for (String value : attacker.ids().getOrDefault(variable, List.of())) {
                        next.add(with(combinations.get(i), variable, value));
                        nextVictims.add(victims.get(i));
                    }
                }
            }
            combinations = next;
            victims = nextVictims;
        }
        List<Map<String, String>> withVictim = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            if (victims.get(i) || endpoint.variables().stream().allMatch(SHARED_VARIABLES::containsKey)) {
                withVictim.add(combinations.get(i));
            }
        }
        return withVictim;
    }

    private static Map<String, String> with(Map<String, String> values, String variable, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(variable, value);
        return copy;
    }

    private void probe(ApiEndpoint endpoint, Map<String, String> variables, Caller caller, Tenant victim,
            List<String> problems) throws Exception {
        URI uri = endpoint.uri(variables);
        String what = caller.role() + (caller.user() == null ? "" : " " + caller.user()) + " → " + endpoint.method()
                + " " + uri + ": ";
        MockHttpServletRequestBuilder request;
        try {
            request = request(endpoint, uri, victim);
        } catch (IllegalStateException missingBody) {
            problems.add(what + missingBody.getMessage());
            return;
        }
        if (caller.user() != null) {
            request.with(httpBasic(caller.user(), Scenario.PASSWORD));
        }
        // One query for every table's count: cheap enough to check each request, reads included.
        Map<String, Long> before = rowCounts.now();
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString();

        Open open = OPEN.get(endpoint.key());
        boolean admitted = open != null && caller.admittedBy(open.audience());
        if (admitted) {
            if (status >= 500) {
                problems.add(what + status + " " + body);
            }
        } else if (caller.user() == null) {
            if (status != 401) {
                problems.add(what + "expected 401, got " + status + " " + body);
            }
        } else if (status != 403 && status != 404) {
            problems.add(what + "expected 403 or 404, got " + status + " " + body);
        }
        for (String secret : victim.secrets()) {
            if (Pattern.compile("(?<![\\w-])" + Pattern.quote(secret) + "(?![\\w])").matcher(body).find()) {
                problems.add(what + "shows the victim's '" + secret + "' in " + body);
            }
        }
        if (ApiResponses.showsStackTrace(body)) {
            problems.add(what + "gives a stack trace away: " + body);
        }
        if (!admitted) {
            List<String> changed = RowCounts.changes(before, rowCounts.now());
            if (!changed.isEmpty()) {
                problems.add(what + "changed " + changed);
            }
        }
    }

    // --- plausible requests: valid bodies, so that a missing access check cannot hide behind a 400 ---

    /** A body each input endpoint would accept from the victim's own people, keyed as {@link ApiEndpoint#key()}. */
    private final Map<String, Function<Tenant, Object>> bodies = Map.of(
            "POST /api/calls/{callId}/applications", victim -> ValidBodies.application(victim.company().getId()),
            "POST /api/applications/{applicationId}/clarification-answer", victim -> ValidBodies.clarificationAnswer(),
            "POST /api/applications/{applicationId}/evaluation", victim -> ValidBodies.evaluation(),
            "POST /api/applications/{applicationId}/participation", victim -> ValidBodies.participation(),
            "POST /api/calls/{callId}/early-closure", victim -> ValidBodies.earlyClosure(),
            "POST /api/calls/{callId}/extension", victim -> ValidBodies.extension(scenario.today().plusDays(3)),
            // The seeded rate of SHARED_VARIABLES, to its own value.
            "PUT /api/exchange-rates/{currency}/{validOn}", victim -> Map.of("unitsPerEuro", 1.035),
            "POST /api/companies/{companyId}/anonymisation",
            victim -> Map.of("reason", "The company asked us to erase its personal data."),
            "POST /api/applications/{applicationId}/expense-claim",
            victim -> ValidBodies.claim(scenario.today().minusDays(1), 3));

    private MockHttpServletRequestBuilder request(ApiEndpoint endpoint, URI uri, Tenant victim) throws Exception {
        boolean needsBody = endpoint.hasJsonBody() || endpoint.isMultipart();
        Function<Tenant, Object> body = bodies.get(endpoint.key());
        if (needsBody && body == null) {
            throw new IllegalStateException("no plausible body: add one for " + endpoint.key()
                    + " to the bodies of EndpointIsolationTest");
        }
        MockHttpServletRequestBuilder request;
        if (endpoint.isMultipart()) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(endpoint.method(), uri);
            multipart.file(new MockMultipartFile("claim", "", MediaType.APPLICATION_JSON_VALUE,
                    json.writeValueAsBytes(body.apply(victim))));
            multipart.file(new MockMultipartFile("flight", "flight.pdf", MediaType.APPLICATION_PDF_VALUE,
                    ClaimFixtures.pdf("Flight " + Scenario.next())));
            multipart.file(new MockMultipartFile("boarding-pass", "boarding-pass.png", MediaType.IMAGE_PNG_VALUE,
                    ClaimFixtures.png("Boarding pass " + Scenario.next())));
            request = multipart;
        } else {
            request = MockMvcRequestBuilders.request(endpoint.method(), uri);
            if (endpoint.hasJsonBody()) {
                request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body.apply(victim)));
            }
        }
        if (!Set.of("GET", "HEAD", "OPTIONS").contains(endpoint.method().name())) {
            request.with(csrf());
        }
        return request;
    }
}
