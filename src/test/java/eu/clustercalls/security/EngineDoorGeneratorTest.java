package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.security.Door.Answer;
import eu.clustercalls.security.Door.SerializedObject;

/**
 * Every user task and every start event of every deployed process, attacked through both of the engine's doors: a
 * live task of cluster A is completed and its form submitted with a variable its form does not have, a field of the
 * wrong kind, the id of another instance of cluster A and of cluster B, and by the same group's staff of cluster B;
 * the start forms likewise, and the processes ClusterCalls starts itself are started by nobody. Each attempt is
 * refused with a 4xx and a plain sentence and changes nothing: every table counts the same rows, the task is still
 * open with its variables as they were.
 * <p>
 * The tasks and start events come from the deployed models, not from this class: one that {@link #coverage()} does
 * not name fails until someone brings a live instance to it there and names who works on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Scenario.class, ClaimSetup.class, ClaimFixtures.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDoorGeneratorTest {

    /** The variables that name what an instance decides on: a task sent another's is turned to another case. */
    private static final List<String> ID_VARIABLES = List.of(ApplicationProcess.VAR_APPLICATION_ID,
            FundingCallProcess.VAR_CALL_ID, ReimbursementProcess.VAR_CLAIM_ID);

    /** What the test does with one user task or start event. */
    sealed interface Coverage permits TaskAttack, StartForm, StartedByClusterCalls, NotStartable {
    }

    /** A live task of cluster A, who works on it (a candidate or its assignee) and what its form sends. */
    record TaskAttack(Supplier<Task> task, String worker, Map<String, Object> valid) implements Coverage {
    }

    /** A start event with a form: cluster A's staff start the process with it, as that worker. */
    record StartForm(String worker, Supplier<Map<String, Object>> valid) implements Coverage {
    }

    /** ClusterCalls starts this process itself (as said here): nobody starts it through a door. */
    record StartedByClusterCalls(String how, Map<String, Object> variables) implements Coverage {
    }

    /** The start event of a subprocess, which no API starts. */
    record NotStartable(String why) implements Coverage {
    }

    /** A user task or start event of a deployed process. */
    record Element(String process, FlowElement element) {

        String key() {
            return key(process, element.getId());
        }

        static String key(String process, String element) {
            return process + "/" + element;
        }

        @Override
        public String toString() {
            return element.getId() + " of process " + process;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup claimSetup;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    FormFieldCatalog forms;
    @Autowired
    ClusterCallsProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private RowCounts rows;
    private List<Door> doors;

    private Scenario.Cluster a;
    private Scenario.Cluster b;
    private String draftedCall;
    private Application inReview;
    private Application questioned;
    private Application withEvaluators;
    private Application conflicted;
    private Application disputed;
    private FundingCall closed;
    private Application selected;
    private Application claimOpen;
    private Application claimSubmitted;
    private Application claimVerified;
    private Application ofB;

    /**
     * Cluster B, with a claim of its own (so a call, an application and a claim of another cluster); then cluster A
     * with a task of every kind open, and three claims of one call at their three steps.
     */
    @BeforeAll
    void everyTaskOpenInClusterA() {
        rows = new RowCounts(jdbc);
        doors = List.of(new EngineRestDoor(port, engine.getName()), new WebappsDoor(port, engine.getName()));
        ClaimSetup.Participant other = claimSetup.openClaim(new BigDecimal("2000"));
        ClockUtil.reset();
        b = other.cluster();
        ofB = other.application();

        a = scenario.cluster();
        draftedCall = scenario.draftCall(a.manager(), scenario.callForm());
        FundingCall open = scenario.publishedCall(a);
        inReview = scenario.apply(open, scenario.memberCompany(a), new BigDecimal("1500"));
        questioned = scenario.apply(open, scenario.memberCompany(a), new BigDecimal("1500"));
        scenario.askForClarification(a, questioned, "Who will travel?");
        withEvaluators = scenario.eligibleApplication(a, open, new BigDecimal("1500"));
        conflicted = scenario.eligibleApplication(a, open, new BigDecimal("1500"));
        scenario.declareConflict(conflicted, scenario.evaluatorsOf(conflicted).get(0), "My brother runs the company.");
        disputed = scenario.evaluatedApplication(a, open, new BigDecimal("1500"), 22, 14);

        closed = scenario.publishedCall(a);
        scenario.evaluatedApplication(a, closed, new BigDecimal("1500"), 20, 20);
        scenario.closeEarly(a, closed);

        FundingCall travelling = scenario.publishedCall(a, form -> form.put("slots", 4L));
        selected = scenario.evaluatedApplication(a, travelling, new BigDecimal("1500"), 20, 20);
        claimOpen = scenario.evaluatedApplication(a, travelling, new BigDecimal("1500"), 20, 20);
        claimSubmitted = scenario.evaluatedApplication(a, travelling, new BigDecimal("1500"), 20, 20);
        claimVerified = scenario.evaluatedApplication(a, travelling, new BigDecimal("1500"), 20, 20);
        scenario.closeEarly(a, travelling);
        scenario.approveSelection(a, travelling);
        for (Application confirmed : List.of(claimOpen, claimSubmitted, claimVerified)) {
            scenario.answerParticipation(confirmed, true, null);
            scenario.runJobsOf(confirmed.getProcessInstanceId());
            scenario.activityOver(travelling, confirmed);
        }
        for (Application submitted : List.of(claimSubmitted, claimVerified)) {
            claims.submit(submitted, ClaimFixtures.input(2, ClaimFixtures.item(ExpenseCategory.ACCOMMODATION,
                    "450.00", "EUR", travelling.getActivityStart(), "hotel")));
            scenario.runJobsOf(claims.claimOf(submitted).getProcessInstanceId());
        }
        claims.verify(a.verifier(), claimVerified, "APPROVE", null, null);
        scenario.runJobsOf(claims.claimOf(claimVerified).getProcessInstanceId());
        ClockUtil.reset();
    }

    @AfterAll
    void clockAsItWas() {
        ClockUtil.reset();
    }

    /**
     * How the test reaches each user task, who works on it and what its form sends; what it does with each start
     * event. A task or start event missing here fails the test.
     */
    Map<String, Coverage> coverage() {
        Map<String, Coverage> table = new LinkedHashMap<>();
        table.put(Element.key(FundingCallProcess.KEY, FundingCallProcess.START_CALL_DRAFTED),
                new StartForm(a.manager(), scenario::callForm));
        table.put(Element.key(FundingCallProcess.KEY, FundingCallProcess.TASK_REVIEW_CALL),
                new TaskAttack(() -> scenario.reviewTask(draftedCall), a.secondManager(),
                        Map.of(FundingCallProcess.VAR_REVIEW_DECISION, "PUBLISH",
                                FundingCallProcess.VAR_REVIEW_COMMENT, "Clear and complete.")));
        table.put(Element.key(FundingCallProcess.KEY, FundingCallProcess.TASK_SELECTION_DECISION),
                new TaskAttack(() -> scenario.selectionDecisionTask(closed), a.secondManager(),
                        Map.of(FundingCallProcess.FIELD_SELECTION_DECISION, "APPROVE")));
        table.put(Element.key(FundingCallProcess.KEY, FundingCallProcess.START_SLOT_FREED),
                new NotStartable("the message start of the event subprocess that promotes from the reserve list"));

        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.START_APPLICATION_SUBMITTED),
                new StartedByClusterCalls("when an SME submits an application in the portal",
                        Map.of(ApplicationProcess.VAR_APPLICATION_ID, inReview.getId())));
        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.TASK_ELIGIBILITY_REVIEW),
                new TaskAttack(() -> scenario.task(inReview, ApplicationProcess.TASK_ELIGIBILITY_REVIEW), a.reviewer(),
                        Map.of(ApplicationProcess.VAR_REVIEW_DECISION, "CONFIRM")));
        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.TASK_ANSWER_CLARIFICATION),
                new TaskAttack(() -> scenario.task(questioned, ApplicationProcess.TASK_ANSWER_CLARIFICATION),
                        scenario.applicantOf(questioned),
                        Map.of(ApplicationProcess.VAR_CLARIFICATION_ANSWER, "Our export manager travels.")));
        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.START_APPLICATION_WITHDRAWN),
                new NotStartable("the message start of the event subprocess that ends a withdrawn application"));
        table.put(Element.key(ApplicationProcess.KEY, "start_evaluation_slot"),
                new NotStartable("the start of the embedded subprocess of one evaluation slot"));
        String evaluator = scenario.evaluatorsOf(withEvaluators).get(0);
        Map<String, Object> scores = new HashMap<>(Scenario.scoresForm(8, 8, 4));
        scores.put(ApplicationProcess.FIELD_EVALUATION_COMMENT, "A credible export plan.");
        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.TASK_EVALUATE),
                new TaskAttack(() -> scenario.evaluationTask(withEvaluators, evaluator), evaluator, scores));
        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.TASK_ADD_EVALUATOR),
                new TaskAttack(() -> scenario.task(conflicted, ApplicationProcess.TASK_ADD_EVALUATOR), a.manager(),
                        Map.of()));
        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.TASK_CONSENSUS),
                new TaskAttack(() -> scenario.task(disputed, ApplicationProcess.TASK_CONSENSUS), a.manager(),
                        Map.of(ApplicationProcess.FIELD_FINAL_SCORE, 18L,
                                ApplicationProcess.FIELD_CONSENSUS_REASON, "Agreed after discussing readiness.")));
        table.put(Element.key(ApplicationProcess.KEY, ApplicationProcess.TASK_CONFIRM_PARTICIPATION),
                new TaskAttack(() -> scenario.task(selected, ApplicationProcess.TASK_CONFIRM_PARTICIPATION),
                        scenario.applicantOf(selected), Map.of(ApplicationProcess.FIELD_PARTICIPATION, "CONFIRM")));

        table.put(Element.key(ReimbursementProcess.KEY, ReimbursementProcess.START_REIMBURSEMENT),
                new StartedByClusterCalls("when the activity of a confirmed application is over",
                        Map.of(ReimbursementProcess.VAR_APPLICATION_ID, claimOpen.getId())));
        table.put(Element.key(ReimbursementProcess.KEY, ReimbursementProcess.TASK_SUBMIT_CLAIM),
                new TaskAttack(() -> claims.task(claimOpen, ReimbursementProcess.TASK_SUBMIT_CLAIM),
                        scenario.applicantOf(claimOpen), Map.of()));
        table.put(Element.key(ReimbursementProcess.KEY, ReimbursementProcess.TASK_VERIFY_CLAIM),
                new TaskAttack(() -> claims.task(claimSubmitted, ReimbursementProcess.TASK_VERIFY_CLAIM),
                        a.verifier(), Map.of(ReimbursementProcess.FIELD_VERIFICATION, "APPROVE")));
        table.put(Element.key(ReimbursementProcess.KEY, ReimbursementProcess.TASK_APPROVE_PAYMENT),
                new TaskAttack(() -> claims.task(claimVerified, ReimbursementProcess.TASK_APPROVE_PAYMENT),
                        a.approver(), Map.of(ReimbursementProcess.FIELD_PAYMENT_DECISION, "APPROVE",
                                ReimbursementProcess.FIELD_PAYMENT_COMMENT, "Receipts match the bank lines.")));
        return table;
    }

    @Test
    void theTableNamesOnlyTasksAndStartEventsTheProcessesHave() {
        List<String> deployed = elements().stream().map(Element::key).toList();

        assertThat(coverage().keySet()).as("entries of the table that no deployed process has")
                .isSubsetOf(deployed);
    }

    @TestFactory
    Stream<DynamicNode> everyUserTaskAndStartEventRefusesWhatItsFormDoesNotCarryThroughEveryDoor() {
        Map<String, Coverage> table = coverage();
        List<Element> elements = elements();
        return doors.stream().map(door -> DynamicContainer.dynamicContainer("through " + door,
                elements.stream().map(element -> attacks(door, element, table.get(element.key())))));
    }

    private DynamicNode attacks(Door door, Element element, Coverage coverage) {
        String name = element.toString();
        if (coverage == null) {
            return DynamicTest.dynamicTest(name, () -> fail("no attack covers " + element + ": add it to the table "
                    + "of EngineDoorGeneratorTest.coverage()"));
        }
        return DynamicContainer.dynamicContainer(name, tests(door, element, coverage));
    }

    private Stream<DynamicTest> tests(Door door, Element element, Coverage coverage) {
        if (coverage instanceof TaskAttack task) {
            return taskAttacks(door, element, task);
        }
        if (coverage instanceof StartForm start) {
            return startAttacks(door, element, start);
        }
        if (coverage instanceof StartedByClusterCalls ours) {
            return Stream.of(DynamicTest.dynamicTest("nobody starts it, not even an administrator: ClusterCalls does "
                    + ours.how(), () -> nobodyStarts(door, element, ours)));
        }
        NotStartable none = (NotStartable) coverage;
        return Stream.of(DynamicTest.dynamicTest("not startable: " + none.why(), () -> assertThat(
                element.element().getParentElement()).as(element + " is the start of a subprocess; a process's own "
                        + "start event needs a decision in the table").isInstanceOf(SubProcess.class)));
    }

    // --- user tasks ----------------------------------------------------------------------------------------------

    private Stream<DynamicTest> taskAttacks(Door door, Element element, TaskAttack coverage) {
        Supplier<Live> live = () -> live(element, coverage);
        return Stream.of(
                DynamicTest.dynamicTest("its worker, if staff, may work on it; an SME is refused at the door",
                        () -> theWorker(door, live.get())),
                DynamicTest.dynamicTest("its form's fields plus a variable the form does not have: 400 naming it",
                        () -> extraVariables(door, live.get())),
                DynamicTest.dynamicTest("a field of the wrong kind, or an object: 400 naming it",
                        () -> wrongKinds(door, live.get())),
                DynamicTest.dynamicTest("the id of another instance of the same cluster: 400",
                        () -> idsOf(door, live.get(), a)),
                DynamicTest.dynamicTest("the id of another cluster's instance: 400", () -> idsOf(door, live.get(), b)),
                DynamicTest.dynamicTest("the same group's staff of another cluster: 403",
                        () -> anotherClustersStaff(door, live.get())));
    }

    /** The open task, its worker, the fields of its form and who sends the attacks on its form. */
    record Live(Task task, String worker, boolean staff, Map<String, Object> valid,
            Map<String, FormFieldCatalog.Kind> fields, String attacker) {
    }

    private Live live(Element element, TaskAttack coverage) {
        Task task = coverage.task().get();
        assertThat(task).as("the table's live task for " + element).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(element.element().getId());
        assertThat(task.getTenantId()).as("the task's cluster").isEqualTo(a.id());
        String worker = coverage.worker();
        List<String> groups = scenario.groupsOf(worker);
        List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
        assertThat(links).as("the table names " + worker + " " + groups + ", its assignee, a candidate or of a "
                + "candidate group of " + element).anyMatch(link -> worker.equals(link.getUserId())
                        || (IdentityLinkType.CANDIDATE.equals(link.getType()) && groups.contains(link.getGroupId())));
        boolean staff = !groups.contains(Roles.SME);
        String formId = ((UserTask) element.element()).getCamundaFormRef();
        // SME users never pass a door: the strongest user who does, an administrator, sends the attacks instead.
        return new Live(task, worker, staff, coverage.valid(), forms.fields(formId),
                staff ? worker : properties.admin().user());
    }

    private void theWorker(Door door, Live live) {
        if (live.staff()) {
            assertThat(scenario.as(live.worker(), () -> taskService.createTaskQuery().taskId(live.task().getId())
                    .count())).as(live.worker() + " sees the task in Tasklist").isEqualTo(1);
        } else {
            refusedOnTask(door, live, live.worker(), live.valid(), 403, null);
        }
    }

    private void extraVariables(Door door, Live live) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put(ApplicationProcess.VAR_ELIGIBLE, true);
        extras.put(ApplicationProcess.VAR_SELECTION, "SELECTED");
        extras.put(ApplicationProcess.VAR_EVALUATOR, a.evaluators().get(1));
        runtimeService.getVariables(live.task().getExecutionId()).forEach((name, value) -> extras.putIfAbsent(name,
                value instanceof Boolean flag ? !flag : value instanceof Number number ? number.longValue() + 1
                        : "changed"));
        extras.keySet().removeAll(live.fields().keySet());
        extras.keySet().removeAll(ID_VARIABLES);
        extras.forEach((name, value) -> refusedOnTask(door, live, live.attacker(), with(live.valid(), name, value),
                400, "'" + name + "' is not a field of this form."));
        refusedOnTask(door, live, live.attacker(), with(live.valid(), ApplicationProcess.VAR_ELIGIBLE,
                new SerializedObject("true", Boolean.class)), 400, "'eligible' is not a field of this form.");
    }

    private void wrongKinds(Door door, Live live) {
        Assumptions.assumeFalse(live.fields().isEmpty(), "the form of " + live.task().getTaskDefinitionKey()
                + " has no fields: nothing to send of the wrong kind");
        live.fields().forEach((field, kind) -> wrongValues(kind).forEach(wrong -> refusedOnTask(door, live,
                live.attacker(), with(live.valid(), field, wrong), 400,
                "'" + field + "' must be " + described(kind) + ".")));
    }

    private void idsOf(Door door, Live live, Scenario.Cluster cluster) {
        Map<String, Object> variables = runtimeService.getVariables(live.task().getExecutionId());
        List<String> ids = ID_VARIABLES.stream().filter(variables::containsKey).toList();
        assertThat(ids).as("the ids " + live.task().getTaskDefinitionKey() + " decides on").isNotEmpty();
        ids.forEach(id -> refusedOnTask(door, live, live.attacker(),
                with(live.valid(), id, anotherId(id, variables.get(id), cluster)), 400,
                "'" + id + "' is not a field of this form."));
    }

    private void anotherClustersStaff(Door door, Live live) {
        String group = scenario.groupsOf(live.worker()).get(0);
        String outsider = live.staff() ? staffOf(b, group) : scenario.applicantOf(ofB);
        refusedOnTask(door, live, outsider, live.valid(), 403, live.staff() ? "belongs to another cluster" : null);
    }

    /** Submits the task's form and completes it with these values; both are refused and change nothing. */
    private void refusedOnTask(Door door, Live live, String user, Map<String, Object> values, int status,
            String says) {
        Task task = live.task();
        for (String endpoint : List.of("/submit-form", "/complete")) {
            Map<String, Long> before = rows.now();
            Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId());
            Answer answer = door.send(user, password(user), "POST", "/task/" + task.getId() + endpoint,
                    Map.of("variables", Door.variables(values)));
            String attempt = "POST /task/{" + task.getTaskDefinitionKey() + "}" + endpoint + " as " + user + " with "
                    + values + " through " + door;
            refused(attempt, answer, status, says, before);
            Task still = taskService.createTaskQuery().taskId(task.getId()).singleResult();
            assertThat(still).as("still open after " + attempt).isNotNull();
            assertThat(still.getAssignee()).as("assignee after " + attempt).isEqualTo(task.getAssignee());
            assertThat(runtimeService.getVariables(task.getExecutionId())).as("variables after " + attempt)
                    .isEqualTo(variables);
        }
    }

    // --- start events --------------------------------------------------------------------------------------------

    private Stream<DynamicTest> startAttacks(Door door, Element element, StartForm start) {
        String formId = ((StartEvent) element.element()).getCamundaFormRef();
        Map<String, FormFieldCatalog.Kind> fields = forms.fields(formId);
        Long ownCall = (Long) runtimeService.getVariable(draftedCall, FundingCallProcess.VAR_CALL_ID);
        return Stream.of(
                DynamicTest.dynamicTest("its form's fields plus a variable the form does not have: 400 naming it",
                        () -> Map.of(FundingCallProcess.VAR_DRAFTER, b.manager(), FundingCallProcess.VAR_PUBLISHED,
                                true, FundingCallProcess.VAR_CALL_ID, ownCall).forEach((name, value) ->
                                notStarted(door, element, start.worker(), with(start.valid().get(), name, value),
                                        400, "'" + name + "' is not a field of this form."))),
                DynamicTest.dynamicTest("a field of the wrong kind, or an object: 400 naming it", () -> fields.forEach((field, kind) ->
                        wrongValues(kind).forEach(wrong -> notStarted(door, element, start.worker(),
                                with(start.valid().get(), field, wrong), 400,
                                "'" + field + "' must be " + described(kind) + ".")))),
                DynamicTest.dynamicTest("the id of another cluster's call: 400", () -> notStarted(door, element,
                        start.worker(), with(start.valid().get(), FundingCallProcess.VAR_CALL_ID,
                                anotherId(FundingCallProcess.VAR_CALL_ID, ownCall, b)),
                        400, "'callId' is not a field of this form.")),
                DynamicTest.dynamicTest("another cluster in its cluster field: 400", () -> notStarted(door, element,
                        start.worker(), with(start.valid().get(), FundingCallProcess.FIELD_CLUSTER, b.id()), 400,
                        "You are not on the staff of the cluster '" + b.id() + "'; choose one of yours: " + a.id()
                                + ".")));
    }

    private void nobodyStarts(Door door, Element element, StartedByClusterCalls ours) {
        assertThat(element.element().getParentElement()).as(element + " starts its process").isInstanceOf(Process.class);
        for (String user : List.of(properties.admin().user(), a.manager())) {
            notStarted(door, element, user, ours.variables(), 403, "started by ClusterCalls itself");
        }
    }

    /** Starts the process with these variables, with and without its form; both are refused and start nothing. */
    private void notStarted(Door door, Element element, String user, Map<String, Object> values, int status,
            String says) {
        for (String endpoint : List.of("/submit-form", "/start")) {
            Map<String, Long> before = rows.now();
            String path = "/process-definition/key/" + element.process() + endpoint;
            Answer answer = door.send(user, password(user), "POST", path, Map.of("variables", Door.variables(values)));
            refused("POST " + path + " as " + user + " with " + values + " through " + door, answer, status, says,
                    before);
        }
    }

    // --- what every attempt meets ----------------------------------------------------------------------------------

    /**
     * Refused with that status and sentence, no engine error, every table as it was. A 400 says exactly that sentence
     * (after the engine REST API's "Cannot submit task form …: "), so the form's other values were right.
     */
    private void refused(String attempt, Answer answer, int status, String says, Map<String, Long> before) {
        assertThat(answer.status()).as(attempt + ": " + answer.body()).isEqualTo(status);
        if (status == 400) {
            assertThat(message(answer)).as(attempt).matches("(Cannot .+: )?" + Pattern.quote(says));
        } else if (says != null) {
            assertThat(answer.body()).as(attempt).contains(says);
        }
        assertThat(answer.body()).as(attempt).doesNotContain("ENGINE-0", "Exception:");
        assertThat(RowCounts.changes(before, rows.now())).as("tables changed by " + attempt).isEmpty();
    }

    private String message(Answer answer) {
        try {
            JsonNode body = json.readTree(answer.body());
            return body.path("message").asText(body.path("detail").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + answer.body(), e);
        }
    }

    // --- the material of the attacks -----------------------------------------------------------------------------

    /** The user tasks and start events of the latest version of every deployed process. */
    private List<Element> elements() {
        List<Element> elements = new ArrayList<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            Stream.concat(model.getModelElementsByType(StartEvent.class).stream(),
                    model.getModelElementsByType(UserTask.class).stream())
                    .forEach(element -> elements.add(new Element(definition.getKey(), element)));
        }
        assertThat(elements).as("user tasks and start events of the deployed processes").isNotEmpty();
        return elements;
    }

    /** The value of that id variable in another instance of the cluster than the one holding {@code own}. */
    private Object anotherId(String variable, Object own, Scenario.Cluster cluster) {
        return historyService.createHistoricVariableInstanceQuery().variableName(variable).tenantIdIn(cluster.id())
                .list().stream().map(HistoricVariableInstance::getValue).filter(Objects::nonNull)
                .filter(value -> !value.equals(own)).findFirst()
                .orElseThrow(() -> new IllegalStateException(cluster.id() + " has no other instance with " + variable));
    }

    private static String staffOf(Scenario.Cluster cluster, String group) {
        return switch (group) {
            case Roles.CALL_MANAGERS -> cluster.manager();
            case Roles.ELIGIBILITY_REVIEWERS -> cluster.reviewer();
            case Roles.EVALUATORS -> cluster.evaluators().get(0);
            case Roles.FINANCE -> cluster.verifier();
            default -> throw new IllegalArgumentException("No staff group: " + group);
        };
    }

    private String password(String user) {
        return user.equals(properties.admin().user()) ? properties.admin().password() : Scenario.PASSWORD;
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return changed;
    }

    /**
     * A number for a text, a text for a number or a checkbox; and a value of the field's kind sent as a serialized
     * object, which no form sends.
     */
    private static List<Object> wrongValues(FormFieldCatalog.Kind kind) {
        return switch (kind) {
            case TEXT -> List.of(42L, new SerializedObject("\"text\"", String.class));
            case NUMBER -> List.of("many", new SerializedObject("8", Long.class));
            case FLAG -> List.of("yes", new SerializedObject("true", Boolean.class));
        };
    }

    /** The kind as the refusal names it. */
    private static String described(FormFieldCatalog.Kind kind) {
        return switch (kind) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case FLAG -> "true or false";
        };
    }
}
