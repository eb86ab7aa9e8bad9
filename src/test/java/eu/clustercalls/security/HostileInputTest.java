package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.ConnectionCallback;
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
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.evaluation.EvaluationService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ExpenseClaim;

/**
 * Hostile input against every input endpoint of the running application: each field of a valid request replaced by
 * each kind of bad value, whole bodies that are no request at all, bad path variables, and files that lie about
 * themselves. Whatever comes: never a 5xx, never a stack trace; a refusal writes nothing anywhere; what is accepted is
 * stored as typed and shows as text, not markup, in every task form that shows it.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** A value sent in place of a field's proper one; some must be refused wherever they are sent. */
    record Hostile(String name, Object value, boolean refused) {

        Hostile(String name, Object value) {
            this(name, value, false);
        }
    }

    /** JSON written as is: tokens a JSON library refuses to write. */
    record RawJson(String text) {
    }

    static final List<Hostile> VALUES = List.of(
            new Hostile("a script tag", "<script>alert('xss')</script>"),
            new Hostile("an img with onerror", "<img src=x onerror=alert(1)>"),
            new Hostile("a javascript: link", "[Open the receipt](javascript:alert(1))"),
            new Hostile("markdown and a template", "# Approved\n- ![pixel](https://evil.example/p.png)\n{{applicationReference}}"),
            new Hostile("addresses", "See https://evil.example/pay, WWW.evil.example or write to boss@evil.example"),
            new Hostile("SQL metacharacters", "x'); DROP TABLE application; --"),
            new Hostile("path traversal", "../../../../etc/passwd"),
            new Hostile("right-to-left marks", "\u202Efdp.exe\u202C invoice \u200F\u200E"),
            new Hostile("combining characters", "Z\u0351\u0358a\u0336\u0337l\u0334\u0335g\u0322o\u0301\u0301\u0301"),
            new Hostile("emoji and astral characters", "Team \uD83D\uDC69\u200D\uD83D\uDCBB in \uD835\uDD44ontréal \uD83C\uDDE8\uD83C\uDDE6"),
            // PostgreSQL cannot store NUL in text; nobody types the others.
            new Hostile("NUL", "before\u0000after", true),
            new Hostile("control characters", "bell\u0007 escape\u001B[31m red", true),
            new Hostile("only Unicode spaces", "\u2003\u2002\u3000"),
            new Hostile("empty text", ""),
            new Hostile("a very long text", "A".repeat(100_000)),
            new Hostile("a number", 12345),
            new Hostile("a negative number", -1),
            new Hostile("NaN", new RawJson("NaN")),
            new Hostile("a huge number", new RawJson("1e400")),
            new Hostile("a number with a huge exponent", new RawJson("1e999999999")),
            new Hostile("too many decimals", new BigDecimal("0.001")),
            new Hostile("a boolean", true),
            new Hostile("an object", Map.of("$gt", "")),
            new Hostile("an array", List.of("a", "b")),
            new Hostile("null", null),
            new Hostile("a date out of range", "+999999999-12-31"),
            new Hostile("a date long ago", "-999999999-01-01"),
            new Hostile("an impossible date", "2026-02-30"));

    /** Values for path variables. */
    static final List<String> PATH_VALUES = List.of("-1", "0", "99999999999999999999", "abc", "1.5",
            "../../etc/passwd", "<script>alert(1)</script>", "%00", "\u0000", " ", "+999999999-12-31", "1 OR 1=1");

    private static final Pattern UNSAFE_FILE_NAME = Pattern.compile("[/\\\\\\p{Cc}\\p{Cf}]");
    private static final int MEGABYTE = 1024 * 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures claimFixtures;
    @Autowired
    ClaimSetup claimSetup;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    CallService calls;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    DocumentService documents;

    RowCounts rowCounts;
    /** The counts after the last refused case, when nothing has been written since. */
    Map<String, Long> counts;
    FormTexts forms;
    StoredText stored;
    Scenario.Cluster cluster;
    FundingCall openCall;
    List<Input> inputs;
    String administrator;

    @BeforeAll
    void aClusterWithAnOpenCall() {
        rowCounts = new RowCounts(jdbc);
        forms = new FormTexts();
        stored = new StoredText(jdbc, rowCounts.applicationTables());
        cluster = scenario.cluster();
        openCall = scenario.publishedCall(cluster);
        administrator = scenario.user("admin-" + Scenario.next(), Roles.ADMIN);
        // The claim last: its activity moves the clock past the other calls' deadlines.
        inputs = List.of(new Applying(), new AnsweringClarification(), new Evaluating(), new DeclaringConflict(),
                new AnsweringParticipation(), new ClosingEarly(), new Extending(), new SettingRate(), new Anonymising(),
                new Claiming());
    }

    @AfterAll
    void clockBack() {
        ClockUtil.reset();
    }

    // --- the test ---

    @Test
    void everyInputEndpointHasAGeneratorOfHostileInput() {
        Set<String> covered = inputs.stream().map(input -> input.endpoint.key()).collect(Collectors.toSet());

        assertThat(ApiEndpoint.all(context).stream().filter(ApiEndpoint::takesInput).map(ApiEndpoint::key))
                .as("input endpoints without a generator: add an Input to HostileInputTest")
                .allMatch(covered::contains);
    }

    @Test
    void hostileInputIsRefusedOrKeptAsTextAndNeverBreaksAnything() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> endpointsDone = new HashSet<>();
        int cases = 0;
        int accepted = 0;
        // Each input's cases are made just before they run: the claim's target moves the clock.
        for (Input input : inputs) {
            List<Case> ofInput = new ArrayList<>(input.fieldCases());
            if (endpointsDone.add(input.endpoint.key())) {
                ofInput.addAll(input.wholeRequestCases());
                ofInput.addAll(input.pathCases());
            }
            counts = null;
            for (Case hostile : ofInput) {
                accepted += run(hostile, problems) ? 1 : 0;
            }
            cases += ofInput.size();
        }
        problems.addAll(forms.markupInTasks(taskService, taskService.createTaskQuery().list().stream()
                .map(Task::getProcessInstanceId).distinct().toArray(String[]::new)));
        problems.addAll(stored.unstorableElsewhere());

        assertThat(cases).as("hostile cases").isGreaterThanOrEqualTo(200);
        assertThat(problems).as("%d hostile cases, %d accepted", cases, accepted).isEmpty();
    }

    /** Sends the case; returns whether it was accepted. */
    private boolean run(Case hostile, List<String> problems) throws Exception {
        Input input = hostile.input();
        if (input.current == null) {
            counts = null;
        }
        Target target = input.target();
        Map<String, Long> before = counts != null ? counts : rowCounts.now();
        counts = null;
        long plantedBefore = hostile.planted() == null ? 0 : stored.count(hostile.planted());
        MvcResult result = mvc.perform(hostile.request().apply(target)
                .with(httpBasic(target.user(), Scenario.PASSWORD)).with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String what = input.endpoint.key() + " with " + hostile.description() + " → " + status + ": ";
        if (status >= 500) {
            problems.add(what + body);
        }
        if (ApiResponses.showsStackTrace(body)) {
            problems.add(what + "a stack trace: " + body);
        }
        if (hostile.refused() && status < 400) {
            problems.add(what + "accepted, though it must be refused");
        }
        if (status >= 400) {
            counts = rowCounts.now();
            List<String> changes = RowCounts.changes(before, counts);
            if (!changes.isEmpty()) {
                problems.add(what + "refused, yet changed " + changes);
            }
            if (!body.isEmpty() && !hasDetail(body)) {
                problems.add(what + "refused without a message a person can read: " + body);
            }
            return false;
        }
        if (hostile.planted() != null && stored.count(hostile.planted()) <= plantedBefore) {
            problems.add(what + "accepted, but not stored as typed");
        }
        if (hostile.check() != null) {
            hostile.check().verify(target, problems, what);
        }
        if (!input.accepted(target, result, problems, what)) {
            input.current = null;
        }
        return true;
    }

    // --- cases ---

    /**
     * A request built for the input's current target; {@code planted} is text that must be stored as typed if accepted,
     * {@code refused} says it must not be.
     */
    record Case(Input input, String description, Request request, String planted, Check check, boolean refused) {

        Case(Input input, String description, Request request, String planted, Check check) {
            this(input, description, request, planted, check, false);
        }
    }

    interface Request {
        MockHttpServletRequestBuilder apply(Target target) throws Exception;
    }

    /** What else a case checks after it was accepted. */
    interface Check {
        void verify(Target target, List<String> problems, String what) throws Exception;
    }

    /** What a request works on: the values of its path variables, the user sending it, and what it concerns. */
    record Target(Map<String, String> variables, String user, Object subject) {
    }

    /**
     * An input endpoint as hostile clients meet it: a target on which its valid request succeeds, that request, and
     * what follows when a request is accepted.
     */
    abstract class Input {

        final ApiEndpoint endpoint;
        final String variant;
        Target current;

        Input(String key, String variant) {
            this.endpoint = ApiEndpoint.all(context).stream().filter(e -> e.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No endpoint " + key));
            this.variant = variant;
        }

        Target target() {
            if (current == null) {
                current = newTarget();
            }
            return current;
        }

        abstract Target newTarget();

        /** The valid JSON body (of a multipart request: its part "claim"). */
        abstract Map<String, Object> body(Target target);

        List<MockMultipartFile> files(Target target) {
            return List.of();
        }

        /** Fields the endpoint reads but does not keep (in this variant). */
        Set<String> notStored() {
            return Set.of();
        }

        /** Checks what an accepted request left behind; returns whether the target takes another request. */
        abstract boolean accepted(Target target, MvcResult result, List<String> problems, String what) throws Exception;

        /** Every field (and every object and list) of the valid body replaced by every hostile value. */
        List<Case> fieldCases() {
            List<Case> cases = new ArrayList<>();
            for (String path : paths(body(target()), "")) {
                for (Hostile hostile : VALUES) {
                    // Blank text is no text: an optional field keeps none.
                    boolean text = hostile.value() instanceof String value && !value.isBlank()
                            && valueAt(body(target()), path) instanceof String;
                    String planted = text && !notStored().contains(path) ? (String) hostile.value() : null;
                    cases.add(new Case(this, variant + path + " = " + hostile.name(),
                            target -> send(target, target.variables(), bytes(with(body(target), path, hostile.value())),
                                    MediaType.APPLICATION_JSON_VALUE, files(target)), planted, null, hostile.refused()));
                }
            }
            return cases;
        }

        /** Bodies that are not this request at all. */
        List<Case> wholeRequestCases() {
            List<Case> cases = new ArrayList<>();
            String json = MediaType.APPLICATION_JSON_VALUE;
            cases.add(raw("an empty body", target -> new byte[0], json));
            cases.add(raw("the body null", target -> ascii("null"), json));
            cases.add(raw("an array for a body", target -> ascii("[]"), json));
            cases.add(raw("a string for a body", target -> ascii("\"please\""), json));
            cases.add(raw("valid JSON declared as text/plain", this::validBytes, MediaType.TEXT_PLAIN_VALUE));
            cases.add(raw("XML", target -> ascii("<request><reason>x</reason></request>"), MediaType.APPLICATION_XML_VALUE));
            cases.add(raw("more than a megabyte of JSON", target -> ascii("[" + "1,".repeat(600_000) + "1]"), json));
            cases.add(raw("JSON nested 50,000 deep",
                    target -> ascii("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)), json));
            cases.add(raw("invalid UTF-8 in a text", target -> invalidUtf8(validBytes(target)), json));
            cases.add(raw("a duplicate key with an object", target -> duplicateKey(validBytes(target)), json));
            cases.add(raw("truncated JSON", target -> {
                byte[] valid = validBytes(target);
                return Arrays.copyOf(valid, valid.length / 2);
            }, json));
            cases.add(raw("JSON with a comment", target -> concat(ascii("/* hi */"), validBytes(target)), json));
            return cases;
        }

        /** Every path variable replaced by every bad value. */
        List<Case> pathCases() {
            List<Case> cases = new ArrayList<>();
            for (String variable : endpoint.variables()) {
                for (String value : PATH_VALUES) {
                    cases.add(new Case(this, "{" + variable + "} = '" + printable(value) + "'", target -> {
                        Map<String, String> variables = new LinkedHashMap<>(target.variables());
                        variables.put(variable, value);
                        return send(target, variables, validBytes(target), MediaType.APPLICATION_JSON_VALUE,
                                files(target));
                    }, null, null));
                }
            }
            return cases;
        }

        Case raw(String description, BytesOf content, String contentType) {
            return new Case(this, description, target -> send(target, target.variables(), content.of(target),
                    contentType, files(target)), null, null);
        }

        byte[] validBytes(Target target) throws Exception {
            return bytes(body(target));
        }

        /** The request with this body (for a multipart endpoint: as its part "claim", with these files). */
        MockHttpServletRequestBuilder send(Target target, Map<String, String> variables, byte[] body, String contentType,
                List<MockMultipartFile> files) {
            if (!endpoint.isMultipart()) {
                return MockMvcRequestBuilders.request(endpoint.method(), endpoint.uri(variables)).contentType(contentType)
                        .content(body);
            }
            MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(endpoint.method(),
                    endpoint.uri(variables));
            request.file(new MockMultipartFile("claim", "", contentType, body));
            files.forEach(request::file);
            return request;
        }
    }

    interface BytesOf {
        byte[] of(Target target) throws Exception;
    }

    // --- the inputs ---

    /** An SME applies to the open call, each time for a new member company. */
    class Applying extends Input {

        Applying() {
            super("POST /api/calls/{callId}/applications", "");
        }

        @Override
        Target newTarget() {
            String sme = Scenario.contactOf(scenario.memberCompany(cluster));
            return new Target(Map.of("callId", openCall.getId().toString()), sme, null);
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.application(null);
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) throws Exception {
            Application application = applications.findById(json.readTree(result.getResponse().getContentAsString())
                    .get("id").asLong()).orElseThrow();
            scenario.runJobsOf(application.getProcessInstanceId());
            markup(problems, what, forms.markupInTasks(taskService, application.getProcessInstanceId()));
            return false;
        }
    }

    /** The SME answers the reviewer's question; the reviewer sees the answer and asks again. */
    class AnsweringClarification extends Input {

        AnsweringClarification() {
            super("POST /api/applications/{applicationId}/clarification-answer", "");
        }

        @Override
        Target newTarget() {
            Application application = scenario.apply(openCall, scenario.memberCompany(cluster), new BigDecimal("1500"));
            scenario.askForClarification(cluster, application, "Which fairs have you attended?");
            return new Target(Map.of("applicationId", application.getId().toString()),
                    scenario.applicantOf(application), application);
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.clarificationAnswer();
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            Application application = (Application) target.subject();
            scenario.runJobsOf(application.getProcessInstanceId());
            markup(problems, what, forms.markupInTasks(taskService, application.getProcessInstanceId()));
            scenario.askForClarification(cluster, application, "And which ones will you attend?");
            return true;
        }
    }

    /** An evaluator of an eligible application scores it; each evaluator of each application once. */
    class Evaluating extends Input {

        private final Deque<Target> evaluators = new ArrayDeque<>();

        Evaluating() {
            this("scores: ");
        }

        Evaluating(String variant) {
            super("POST /api/applications/{applicationId}/evaluation", variant);
        }

        @Override
        Target newTarget() {
            if (evaluators.isEmpty()) {
                Application application = scenario.eligibleApplication(cluster, openCall, new BigDecimal("1500"));
                scenario.evaluatorsOf(application).forEach(evaluator -> evaluators.add(new Target(
                        Map.of("applicationId", application.getId().toString()), evaluator, application)));
            }
            return evaluators.poll();
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.evaluation();
        }

        @Override
        Set<String> notStored() {
            return Set.of("conflictReason");
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            Application application = (Application) target.subject();
            scenario.runJobsOf(application.getProcessInstanceId());
            markup(problems, what, forms.markupInTasks(taskService, application.getProcessInstanceId()));
            markup(problems, what, forms.markupIn("form_consensus", evaluations.consensusView(application.getId())));
            return false;
        }
    }

    /** An evaluator declares a conflict of interest: nobody is left, and the call managers see why. */
    class DeclaringConflict extends Evaluating {

        DeclaringConflict() {
            super("conflict: ");
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.conflictOfInterest();
        }

        @Override
        Set<String> notStored() {
            return Set.of();
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            Application application = (Application) target.subject();
            super.accepted(target, result, problems, what);
            markup(problems, what, forms.markupIn("form_add_evaluator",
                    evaluations.missingEvaluatorView(application.getId())));
            return false;
        }
    }

    /** A selected SME confirms its place; ten selected applications of a call at a time. */
    class AnsweringParticipation extends Input {

        private final Deque<Target> selected = new ArrayDeque<>();

        AnsweringParticipation() {
            super("POST /api/applications/{applicationId}/participation", "");
        }

        @Override
        Target newTarget() {
            if (selected.isEmpty()) {
                FundingCall call = scenario.publishedCall(cluster, form -> {
                    form.put("slots", 10L);
                    form.put("evaluatorsPerApplication", 1L);
                });
                List<Application> evaluated = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    evaluated.add(scenario.evaluatedApplication(cluster, call, new BigDecimal("1500"), 20));
                }
                scenario.closeEarly(cluster, call);
                scenario.approveSelection(cluster, call);
                evaluated.forEach(application -> selected.add(new Target(
                        Map.of("applicationId", application.getId().toString()), scenario.applicantOf(application),
                        application)));
            }
            return selected.poll();
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.participation();
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            Application application = (Application) target.subject();
            scenario.runJobsOf(application.getProcessInstanceId());
            markup(problems, what, forms.markupInTasks(taskService, application.getProcessInstanceId()));
            return false;
        }
    }

    /** A call manager's request about a new published call of the cluster; its tasks' forms show what was sent. */
    abstract class OnAPublishedCall extends Input {

        OnAPublishedCall(String key) {
            super(key, "");
        }

        @Override
        Target newTarget() {
            FundingCall call = scenario.publishedCall(cluster);
            return new Target(Map.of("callId", call.getId().toString()), cluster.manager(), call);
        }

        /** Runs the call's jobs and checks its task forms. */
        void shownAsText(Target target, List<String> problems, String what) {
            FundingCall call = (FundingCall) target.subject();
            scenario.runJobsOf(call.getProcessInstanceId());
            markup(problems, what, forms.markupInTasks(taskService, call.getProcessInstanceId()));
        }
    }

    /** A call manager closes a published call early; a new call each time. */
    class ClosingEarly extends OnAPublishedCall {

        ClosingEarly() {
            super("POST /api/calls/{callId}/early-closure");
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.earlyClosure();
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            shownAsText(target, problems, what);
            return false;
        }
    }

    /** A call manager moves the closing date of a published call a day later, as long as the activity allows. */
    class Extending extends OnAPublishedCall {

        Extending() {
            super("POST /api/calls/{callId}/extension");
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.extension(closingDate(target).plusDays(1));
        }

        private LocalDate closingDate(Target target) {
            return calls.get(((FundingCall) target.subject()).getId()).closingDate(scenario.zone());
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            shownAsText(target, problems, what);
            return closingDate(target).plusDays(2).isBefore(((FundingCall) target.subject()).getActivityStart());
        }
    }

    /** Finance sets a rate (the same key each time: a correction). */
    class SettingRate extends Input {

        SettingRate() {
            super("PUT /api/exchange-rates/{currency}/{validOn}", "");
        }

        @Override
        Target newTarget() {
            return new Target(Map.of("currency", "ISK", "validOn", "2025-03-03"), cluster.verifier(), null);
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.exchangeRate();
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            return true;
        }
    }

    /** An administrator anonymises a member company with no records yet (so no retention period to wait for). */
    class Anonymising extends Input {

        Anonymising() {
            super("POST /api/companies/{companyId}/anonymisation", "");
        }

        @Override
        Target newTarget() {
            Company company = scenario.memberCompany(cluster);
            return new Target(Map.of("companyId", company.getId().toString()), administrator, company);
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.anonymisation();
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            return false;
        }
    }

    /**
     * A confirmed SME claims its costs after the activity. An accepted claim goes through finance (verified, approved,
     * sent back, returned to the SME), so that each of finance's forms shows it and the SME can send it again.
     */
    class Claiming extends Input {

        Claiming() {
            super("POST /api/applications/{applicationId}/expense-claim", "claim.");
        }

        @Override
        Target newTarget() {
            ClaimSetup.Participant participant = claimSetup.openClaim(new BigDecimal("2000"));
            return new Target(Map.of("applicationId", participant.application().getId().toString()),
                    scenario.applicantOf(participant.application()), participant);
        }

        private ClaimSetup.Participant participant(Target target) {
            return (ClaimSetup.Participant) target.subject();
        }

        @Override
        Map<String, Object> body(Target target) {
            return ValidBodies.claim(participant(target).call().getActivityStart(), 5);
        }

        @Override
        List<MockMultipartFile> files(Target target) {
            return List.of(file("flight", "flight.pdf", MediaType.APPLICATION_PDF_VALUE, ClaimFixtures.pdf("Flight " + Scenario.next())),
                    file("boarding-pass", "boarding-pass.png", MediaType.IMAGE_PNG_VALUE,
                            ClaimFixtures.png("Boarding pass " + Scenario.next())));
        }

        @Override
        boolean accepted(Target target, MvcResult result, List<String> problems, String what) {
            ClaimSetup.Participant participant = participant(target);
            Application application = participant.application();
            String instance = claimFixtures.claimOf(application).getProcessInstanceId();
            scenario.runJobsOf(instance);
            markup(problems, what, forms.markupInTasks(taskService, instance));
            claimFixtures.verify(participant.cluster().verifier(), application, "APPROVE", null, null);
            markup(problems, what, forms.markupInTasks(taskService, instance));
            claimFixtures.decidePayment(participant.cluster().approver(), application, "SEND_BACK", "Check item 1.");
            claimFixtures.verify(participant.cluster().verifier(), application, "RETURN", null, "Please correct it.");
            markup(problems, what, forms.markupInTasks(taskService, instance));
            return true;
        }

        @Override
        List<Case> wholeRequestCases() {
            List<Case> cases = new ArrayList<>(super.wholeRequestCases());
            cases.add(new Case(this, "JSON instead of multipart", target -> MockMvcRequestBuilders
                    .request(endpoint.method(), endpoint.uri(target.variables()))
                    .contentType(MediaType.APPLICATION_JSON).content(validBytes(target)), null, null));
            cases.add(new Case(this, "files without the part claim", target -> {
                MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(endpoint.method(),
                        endpoint.uri(target.variables()));
                files(target).forEach(request::file);
                return request;
            }, null, null));
            for (String part : List.of("<script>alert(1)</script>", "../../etc/passwd", "\u0000")) {
                cases.add(new Case(this, "an extra file in a part named '" + printable(part) + "'", target -> {
                    List<MockMultipartFile> files = new ArrayList<>(files(target));
                    files.add(file(part, "extra.pdf", MediaType.APPLICATION_PDF_VALUE, ClaimFixtures.pdf("Extra")));
                    return send(target, target.variables(), validBytes(target), MediaType.APPLICATION_JSON_VALUE, files);
                }, null, null));
            }
            cases.addAll(fileCases());
            return cases;
        }

        /** The flight's receipt (or the boarding pass) replaced by a file that lies about itself. */
        private List<Case> fileCases() {
            List<Case> cases = new ArrayList<>();
            String pdf = MediaType.APPLICATION_PDF_VALUE;
            cases.add(receipt("a name climbing out of its folder", "../../etc/passwd.pdf", pdf, unique()));
            cases.add(receipt("a Windows path for a name", "..\\..\\Windows\\System32\\receipt.pdf", pdf, unique()));
            cases.add(receipt("an absolute path for a name", "/etc/passwd", pdf, unique()));
            cases.add(receipt("NUL in the name", "flight\u0000.exe.pdf", pdf, unique()));
            cases.add(receipt("a right-to-left override in the name", "receipt\u202Efdp.exe", pdf, unique()));
            cases.add(receipt("markup in the name", "<img src=x onerror=alert(1)>[x](javascript:alert(1)).pdf", pdf,
                    unique()));
            cases.add(receipt("a 300-character name", "r".repeat(296) + ".pdf", pdf, unique()));
            cases.add(receipt("no name", "", pdf, unique()));
            cases.add(receipt("a PDF declared as HTML", "flight.pdf", MediaType.TEXT_HTML_VALUE, unique()));
            byte[] polyglot = ascii("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n");
            cases.add(replacing("flight", "a PDF that is also an HTML page with a script", "flight.pdf", pdf, polyglot,
                    servedAsPdfOnly(polyglot)));
            cases.add(receipt("a PDF that is also a ZIP archive", "flight.pdf", pdf, concat(ascii("%PDF-1.4\n"), zip())));
            cases.add(receipt("a PDF whose stream inflates to 200 MB", "flight.pdf", pdf, pdfBomb()));
            byte[] png = pngBomb();
            cases.add(replacing("boarding-pass", "a PNG declaring 100,000 × 100,000 pixels", "pass.png",
                    MediaType.IMAGE_PNG_VALUE, png, keptAsIs(png)));
            cases.add(refused("a ZIP archive named .pdf", zip()));
            cases.add(refused("a gzip bomb named .pdf", gzipBomb()));
            cases.add(refused("an HTML page named .pdf", ascii("<html><script>alert(1)</script></html>")));
            cases.add(refused("an empty file", new byte[0]));
            byte[] large = new byte[10 * MEGABYTE + 1];
            System.arraycopy(ascii("%PDF-1.7\n"), 0, large, 0, 9);
            cases.add(refused("a file over 10 MB", large));
            return cases;
        }

        /** The flight's receipt replaced by this file, which must be kept as sent if accepted. */
        private Case receipt(String description, String name, String contentType, byte[] content) {
            return replacing("flight", description, name, contentType, content, keptAsIs(content));
        }

        /** The flight's receipt replaced by a file named flight.pdf that is no PDF, JPEG or PNG. */
        private Case refused(String description, byte[] content) {
            return replacing("flight", description, "flight.pdf", MediaType.APPLICATION_PDF_VALUE, content, null);
        }

        private Case replacing(String part, String description, String name, String contentType, byte[] content,
                Check check) {
            return new Case(this, "a file: " + description, target -> {
                List<MockMultipartFile> files = new ArrayList<>(files(target).stream()
                        .filter(file -> !file.getName().equals(part)).toList());
                files.add(file(part, name, contentType, content));
                return send(target, target.variables(), validBytes(target), MediaType.APPLICATION_JSON_VALUE, files);
            }, null, check);
        }

        /** Stored under a name without folders or control characters, typed by content, with exactly the bytes sent. */
        private Check keptAsIs(byte[] content) {
            String sha256 = sha256(content);
            return (target, problems, what) -> {
                ExpenseClaim claim = claimFixtures.claimOf(participant(target).application());
                DocumentSummary document = documents.ofClaim(claim.getId()).stream()
                        .filter(d -> d.getSha256().equals(sha256)).findFirst().orElse(null);
                if (document == null) {
                    problems.add(what + "accepted, but the file is not stored as sent");
                    return;
                }
                if (UNSAFE_FILE_NAME.matcher(document.getFileName()).find()) {
                    problems.add(what + "stored the file name '" + printable(document.getFileName()) + "'");
                }
                if (!Set.of("application/pdf", "image/png", "image/jpeg").contains(document.getContentType())) {
                    problems.add(what + "stored the content type " + document.getContentType());
                }
                Long storedBytes = jdbc.queryForObject("select octet_length(content) from stored_document where id = ?",
                        Long.class, document.getId());
                if (document.getSizeBytes() != content.length || storedBytes != content.length) {
                    problems.add(what + "stored " + storedBytes + " bytes of a file of " + content.length);
                }
            };
        }

        /** The polyglot is served as the PDF it claims to be, never as something a browser would run. */
        private Check servedAsPdfOnly(byte[] content) {
            String sha256 = sha256(content);
            return (target, problems, what) -> {
                keptAsIs(content).verify(target, problems, what);
                ExpenseClaim claim = claimFixtures.claimOf(participant(target).application());
                DocumentSummary receipt = documents.ofClaim(claim.getId()).stream()
                        .filter(document -> document.getSha256().equals(sha256)).findFirst().orElseThrow();
                MvcResult download = mvc.perform(MockMvcRequestBuilders.get("/api/expense-claims/{claim}/documents/{id}",
                        claim.getId(), receipt.getId()).with(httpBasic(target.user(), Scenario.PASSWORD))).andReturn();
                if (!MediaType.APPLICATION_PDF_VALUE.equals(download.getResponse().getContentType())
                        || !"nosniff".equals(download.getResponse().getHeader("X-Content-Type-Options"))) {
                    problems.add(what + "served as " + download.getResponse().getContentType() + " with "
                            + "X-Content-Type-Options " + download.getResponse().getHeader("X-Content-Type-Options"));
                }
            };
        }
    }

    // --- helpers ---

    /** Where the application's tables hold text exactly as typed. */
    static final class StoredText {

        private final JdbcTemplate jdbc;
        private final boolean postgres;
        private final String query;
        private final int columns;

        StoredText(JdbcTemplate jdbc, List<String> tables) {
            this.jdbc = jdbc;
            this.postgres = "PostgreSQL".equals(jdbc.execute(
                    (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
            List<String> selects = new ArrayList<>();
            for (String table : tables) {
                jdbc.queryForList("select column_name from information_schema.columns where table_schema = current_schema() "
                        + "and table_name = ? and upper(data_type) = 'CHARACTER VARYING'", String.class, table)
                        .forEach(column -> selects.add("select 1 from \"" + table + "\" where \"" + column + "\" = ?"));
            }
            this.query = "select count(*) from (" + String.join(" union all ", selects) + ") as stored";
            this.columns = selects.size();
        }

        /**
         * Values H2 keeps but PostgreSQL cannot: NUL in text, dates beyond the years 1 to 9999. PostgreSQL text cannot
         * hold NUL at all (a request that tried is a 5xx, found above), so there only the dates are looked for.
         */
        List<String> unstorableElsewhere() {
            List<String> found = new ArrayList<>();
            for (String[] column : jdbc.query("select table_name, column_name, upper(data_type) from information_schema.columns "
                    + "where table_schema = current_schema() and upper(table_name) not like 'ACT%' "
                    + "and upper(table_name) not like 'FLYWAY%' and upper(data_type) in ('CHARACTER VARYING', 'DATE')",
                    (row, i) -> new String[] {row.getString(1), row.getString(2), row.getString(3)})) {
                if (postgres && !column[2].equals("DATE")) {
                    continue;
                }
                String condition = column[2].equals("DATE")
                        ? "\"" + column[1] + "\" not between date '0001-01-01' and date '9999-12-31'"
                        : "position(char(0) in \"" + column[1] + "\") > 0";
                Long rows = jdbc.queryForObject("select count(*) from \"" + column[0] + "\" where " + condition, Long.class);
                if (rows > 0) {
                    found.add(column[0] + "." + column[1] + " holds " + rows + " value(s) PostgreSQL cannot store");
                }
            }
            return found;
        }

        /** How many values of the text columns are exactly this text. */
        long count(String text) {
            if (postgres && text.indexOf('\0') >= 0) {
                return 0; // no column can hold it, and PostgreSQL refuses to compare with it
            }
            Object[] arguments = new Object[columns];
            Arrays.fill(arguments, text);
            return jdbc.queryForObject(query, Long.class, arguments);
        }
    }

    private boolean hasDetail(String body) {
        try {
            return json.readTree(body).path("detail").isTextual();
        } catch (Exception notJson) {
            return false;
        }
    }

    private static void markup(List<String> problems, String what, List<String> found) {
        found.forEach(markup -> problems.add(what + "accepted, and shown as markup in " + markup));
    }

    private byte[] bytes(Object body) throws Exception {
        List<String> raw = new ArrayList<>();
        Object placeholders = replaceRaw(body, raw);
        String text = json.writeValueAsString(placeholders);
        for (int i = 0; i < raw.size(); i++) {
            text = text.replace("\"@@raw" + i + "@@\"", raw.get(i));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Object replaceRaw(Object value, List<String> raw) {
        if (value instanceof RawJson rawJson) {
            raw.add(rawJson.text());
            return "@@raw" + (raw.size() - 1) + "@@";
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(key, replaceRaw(inner, raw)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(inner -> replaceRaw(inner, raw)).toList();
        }
        return value;
    }

    /** The paths of every field, object and list element of a body: items, items[0], items[0].amount. */
    private static List<String> paths(Object value, String prefix) {
        List<String> paths = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                String path = prefix.isEmpty() ? (String) key : prefix + "." + key;
                paths.add(path);
                paths.addAll(paths(inner, path));
            });
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            paths.add(prefix + "[0]");
            paths.addAll(paths(list.get(0), prefix + "[0]"));
        }
        return paths;
    }

    private static Object valueAt(Object body, String path) {
        Object value = body;
        for (String step : path.replace("[0]", ".[0]").split("\\.")) {
            value = step.equals("[0]") ? ((List<?>) value).get(0) : ((Map<?, ?>) value).get(step);
        }
        return value;
    }

    /** A copy of the body with the value at that path replaced. */
    private static Object with(Object body, String path, Object replacement) {
        return replaced(body, List.of(path.replace("[0]", ".[0]").split("\\.")), replacement);
    }

    private static Object replaced(Object value, List<String> steps, Object replacement) {
        if (steps.isEmpty()) {
            return replacement;
        }
        String step = steps.get(0);
        if (step.equals("[0]")) {
            List<Object> copy = new ArrayList<>((List<?>) value);
            copy.set(0, replaced(copy.get(0), steps.subList(1, steps.size()), replacement));
            return copy;
        }
        Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) value);
        copy.put(step, replaced(copy.get(step), steps.subList(1, steps.size()), replacement));
        return copy;
    }

    /** The body with its first text value's bytes replaced by bytes that are no UTF-8. */
    private static byte[] invalidUtf8(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        int start = text.indexOf(":\"") + 2;
        byte[] prefix = text.substring(0, start).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = text.substring(start).getBytes(StandardCharsets.UTF_8);
        return concat(prefix, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, suffix);
    }

    /** The body with its first key given again, last, as an object: the last one counts. */
    private static byte[] duplicateKey(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        String firstKey = text.substring(1, text.indexOf("\":") + 1);
        return (text.substring(0, text.length() - 1) + "," + firstKey + ":{\"$ne\":null}}").getBytes(StandardCharsets.UTF_8);
    }

    private static MockMultipartFile file(String part, String name, String contentType, byte[] content) {
        return new MockMultipartFile(part, name, contentType, content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unique() {
        return ClaimFixtures.pdf("Receipt " + Scenario.next());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String printable(String text) {
        return text.codePoints().mapToObj(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("\\u%04X", c) : Character.toString(c)).collect(Collectors.joining());
    }

    private static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(ascii("Manifest-Version: 1.0\nMain-Class: Evil\n"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 200 MB of zeros, deflated: what a reader inflating the stream would have to hold. */
    private static byte[] zeros(Function<ByteArrayOutputStream, DeflaterOutputStream> compressor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] block = new byte[MEGABYTE];
        try (DeflaterOutputStream deflating = compressor.apply(out)) {
            for (int i = 0; i < 200; i++) {
                deflating.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzipBomb() {
        return zeros(out -> {
            try {
                return new GZIPOutputStream(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] pdfBomb() {
        byte[] stream = zeros(out -> new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION)));
        return concat(ascii("%PDF-1.7\n1 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n"),
                stream, ascii("\nendstream\nendobj\n%%EOF\n"));
    }

    /** A PNG whose header declares 100,000 × 100,000 pixels, with a deflated stream of zeros. */
    private static byte[] pngBomb() {
        byte[] header = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, chunk("IHDR", header),
                chunk("IDAT", zeros(out -> new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION)))),
                chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), ascii(type), data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
