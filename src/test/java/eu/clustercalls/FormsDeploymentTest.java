package eu.clustercalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.CallDraft;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.evaluation.EvaluationFormFields;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.support.FormView;

/**
 * The Camunda Forms travel with the processes: every {@code camunda:formRef} of every deployed process definition
 * names a form of the same deployment, every user task has one, and the forms' fields and texts match the variables
 * that the listeners read and provide: the texts read the task's view ({@link FormView}).
 */
@ClusterCallsTest
class FormsDeploymentTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
    private static final String VIEW = FormView.VARIABLE + ".";
    /** The words of a task form, in the task's staff language (staffforms.StaffFormTexts). */
    private static final String LABELS = "labels.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FormService formService;
    @Autowired
    TaskService taskService;
    @Autowired
    Scenario scenario;

    @Test
    void everyFormReferenceOfEveryDeployedProcessResolvesToAFormOfTheSameDeployment() {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().list();
        assertThat(definitions).extracting(ProcessDefinition::getKey)
                .contains(FundingCallProcess.KEY, ApplicationProcess.KEY, ReimbursementProcess.KEY);

        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            Map<String, JsonNode> forms = formsOf(definition.getDeploymentId());
            formProblems(repositoryService.getBpmnModelInstance(definition.getId()), forms).forEach(problem ->
                    problems.add(definition.getKey() + " (version " + definition.getVersion() + "): " + problem));
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void eachStepOfTheProcessesShowsItsOwnForm() {
        assertThat(formRefs(FundingCallProcess.KEY)).containsOnly(
                entry(FundingCallProcess.START_CALL_DRAFTED, "form_draft_call"),
                entry(FundingCallProcess.TASK_REVIEW_CALL, "form_review_call"),
                entry(FundingCallProcess.TASK_SELECTION_DECISION, "form_selection_decision"));
        assertThat(formRefs(ApplicationProcess.KEY)).containsOnly(
                entry(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, "form_eligibility_review"),
                entry(ApplicationProcess.TASK_ANSWER_CLARIFICATION, "form_answer_clarification"),
                entry(ApplicationProcess.TASK_EVALUATE, "form_evaluate"),
                entry(ApplicationProcess.TASK_ADD_EVALUATOR, "form_add_evaluator"),
                entry(ApplicationProcess.TASK_CONSENSUS, "form_consensus"),
                entry(ApplicationProcess.TASK_CONFIRM_PARTICIPATION, "form_confirm_participation"));
        assertThat(formRefs(ReimbursementProcess.KEY)).containsOnly(
                entry(ReimbursementProcess.TASK_SUBMIT_CLAIM, "form_submit_claim"),
                entry(ReimbursementProcess.TASK_VERIFY_CLAIM, "form_verify_claim"),
                entry(ReimbursementProcess.TASK_APPROVE_PAYMENT, "form_approve_payment"));
    }

    @Test
    void theCheckFindsAFormReferenceWithoutAFormAndAUserTaskWithoutAForm() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("broken")
                .startEvent("start").camundaFormRef("form_draft_call").camundaFormRefBinding("deployment")
                .userTask("task_dangling").camundaFormRef("form_that_is_nowhere").camundaFormRefBinding("deployment")
                .userTask("task_latest").camundaFormRef("form_review_call").camundaFormRefBinding("latest")
                .userTask("task_without_form")
                .endEvent()
                .done();

        List<String> problems = formProblems(model, formsOf(latest(FundingCallProcess.KEY).getDeploymentId()));

        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("task_dangling", "form_that_is_nowhere", "no form with that id"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("task_latest", "binding"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("task_without_form", "no camunda:formRef"));
        assertThat(problems).noneSatisfy(problem -> assertThat(problem).contains("start"));
    }

    @Test
    void theFormsAskForWhatTheProcessAndItsListenersRead() {
        Map<String, JsonNode> forms = formsOf(latest(FundingCallProcess.KEY).getDeploymentId());

        List<String> startFields = new ArrayList<>(CallDraft.FORM_FIELDS);
        startFields.add(FundingCallProcess.FIELD_CLUSTER);
        assertThat(fieldKeys(forms.get("form_draft_call")))
                .as("the start form has exactly the fields that CallDraft reads, and the cluster the call belongs to")
                .containsExactlyInAnyOrderElementsOf(startFields);

        assertThat(fieldKeys(forms.get("form_review_call")))
                .containsExactlyInAnyOrder(FundingCallProcess.VAR_REVIEW_DECISION, FundingCallProcess.VAR_REVIEW_COMMENT);
        assertThat(choices(forms.get("form_review_call"), FundingCallProcess.VAR_REVIEW_DECISION))
                .containsExactlyInAnyOrderElementsOf(names(FundingCallProcess.ReviewDecision.values()));

        assertThat(fieldKeys(forms.get("form_eligibility_review"))).containsExactlyInAnyOrder(
                ApplicationProcess.VAR_REVIEW_DECISION, ApplicationProcess.VAR_REVIEW_REASON,
                ApplicationProcess.VAR_CLARIFICATION_QUESTION);
        assertThat(choices(forms.get("form_eligibility_review"), ApplicationProcess.VAR_REVIEW_DECISION))
                .containsExactlyInAnyOrderElementsOf(names(ApplicationProcess.ReviewDecision.values()));

        assertThat(fieldKeys(forms.get("form_answer_clarification")))
                .containsExactly(ApplicationProcess.VAR_CLARIFICATION_ANSWER);

        assertThat(fieldKeys(forms.get("form_evaluate")))
                .as("the declaration, a score per criterion of the rubric and the comment, as EvaluationForm reads them")
                .containsExactlyInAnyOrderElementsOf(EvaluationFormFields.all());
        assertThat(choices(forms.get("form_evaluate"), ApplicationProcess.FIELD_CONFLICT_OF_INTEREST))
                .containsExactlyInAnyOrder("YES", "NO");

        assertThat(fieldKeys(forms.get("form_add_evaluator")))
                .as("the call manager adds the evaluator in Admin; completing the task only tries again").isEmpty();

        assertThat(fieldKeys(forms.get("form_consensus"))).containsExactlyInAnyOrder(
                ApplicationProcess.FIELD_FINAL_SCORE, ApplicationProcess.FIELD_CONSENSUS_REASON);

        assertThat(fieldKeys(forms.get("form_confirm_participation"))).containsExactlyInAnyOrder(
                ApplicationProcess.FIELD_PARTICIPATION, ApplicationProcess.FIELD_DECLINE_REASON);
        assertThat(choices(forms.get("form_confirm_participation"), ApplicationProcess.FIELD_PARTICIPATION))
                .containsExactlyInAnyOrderElementsOf(names(ApplicationProcess.Participation.values()));

        assertThat(fieldKeys(forms.get("form_selection_decision"))).containsExactlyInAnyOrder(
                FundingCallProcess.FIELD_SELECTION_DECISION, FundingCallProcess.FIELD_SELECTION_MOVES,
                FundingCallProcess.FIELD_SELECTION_REASON);
        assertThat(choices(forms.get("form_selection_decision"), FundingCallProcess.FIELD_SELECTION_DECISION))
                .containsExactlyInAnyOrderElementsOf(names(FundingCallProcess.SelectionDecision.values()));

        assertThat(fieldKeys(forms.get("form_submit_claim")))
                .as("the SME submits in the portal, with its files; the task only shows the claim").isEmpty();

        assertThat(fieldKeys(forms.get("form_verify_claim"))).containsExactlyInAnyOrder(
                ReimbursementProcess.FIELD_VERIFICATION, ReimbursementProcess.FIELD_ITEM_REDUCTIONS,
                ReimbursementProcess.FIELD_VERIFICATION_REASON);
        assertThat(choices(forms.get("form_verify_claim"), ReimbursementProcess.FIELD_VERIFICATION))
                .containsExactlyInAnyOrderElementsOf(names(ExpenseClaim.Verification.values()));

        assertThat(fieldKeys(forms.get("form_approve_payment"))).containsExactlyInAnyOrder(
                ReimbursementProcess.FIELD_PAYMENT_DECISION, ReimbursementProcess.FIELD_PAYMENT_COMMENT);
        assertThat(choices(forms.get("form_approve_payment"), ReimbursementProcess.FIELD_PAYMENT_DECISION))
                .containsExactlyInAnyOrderElementsOf(names(ReimbursementProcess.PaymentDecision.values()));
    }

    @Test
    void everyTextOfEveryFormShowsTheView() {
        Map<String, JsonNode> forms = formsOf(latest(FundingCallProcess.KEY).getDeploymentId());

        List<String> elsewhere = new ArrayList<>();
        forms.forEach((id, form) -> components(form).stream().filter(component -> component.hasNonNull("text"))
                .forEach(text -> placeholdersIn(text).stream()
                        .filter(name -> !name.startsWith(VIEW) && !name.startsWith(LABELS))
                        .forEach(name -> elsewhere.add(id + ": {{" + name + "}}"))));

        assertThat(forms).isNotEmpty();
        assertThat(elsewhere).as("texts that show a variable other than the view's or the form's words").isEmpty();
    }

    @Test
    void theEngineServesTheFormsAndEveryTextShowsAVariableTheTaskHas() throws IOException {
        Scenario.Cluster cluster = scenario.cluster();
        ProcessDefinition fundingCall = latest(FundingCallProcess.KEY);
        assertThat(formId(formService.getDeployedStartForm(fundingCall.getId()))).isEqualTo("form_draft_call");

        String callInstance = scenario.draftCall(cluster.manager(), scenario.callForm());
        assertFormShowsOnlyKnownVariables(scenario.reviewTask(callInstance), "form_review_call");

        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));
        Task review = taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_ELIGIBILITY_REVIEW).singleResult();
        assertFormShowsOnlyKnownVariables(review, "form_eligibility_review");

        scenario.as(cluster.reviewer(), () -> taskService.complete(review.getId(), Map.of(
                ApplicationProcess.VAR_REVIEW_DECISION, ApplicationProcess.ReviewDecision.CLARIFY.name(),
                ApplicationProcess.VAR_CLARIFICATION_QUESTION, "Who will travel?")));
        Task clarification = taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_ANSWER_CLARIFICATION).singleResult();
        assertFormShowsOnlyKnownVariables(clarification, "form_answer_clarification");
    }

    @Test
    void theEngineServesTheEvaluationAndSelectionFormsAndEveryTextShowsAVariableTheTaskHas() throws IOException {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);

        Application disputed = scenario.eligibleApplication(cluster, call, new BigDecimal("1500"));
        String evaluator = scenario.evaluatorsOf(disputed).get(0);
        assertFormShowsOnlyKnownVariables(scenario.evaluationTask(disputed, evaluator), "form_evaluate");
        scenario.evaluateWithTotals(disputed, 22, 14);
        assertFormShowsOnlyKnownVariables(scenario.task(disputed, ApplicationProcess.TASK_CONSENSUS), "form_consensus");

        Application conflicted = scenario.eligibleApplication(cluster, call, new BigDecimal("1500"));
        scenario.declareConflict(conflicted, scenario.evaluatorsOf(conflicted).get(0), "My brother runs the company.");
        assertFormShowsOnlyKnownVariables(scenario.task(conflicted, ApplicationProcess.TASK_ADD_EVALUATOR),
                "form_add_evaluator");

        FundingCall other = scenario.publishedCall(cluster);
        Application selected = scenario.evaluatedApplication(cluster, other, new BigDecimal("1500"), 20, 20);
        scenario.closeEarly(cluster, other);
        assertFormShowsOnlyKnownVariables(scenario.selectionDecisionTask(other), "form_selection_decision");
        scenario.approveSelection(cluster, other);
        assertFormShowsOnlyKnownVariables(scenario.task(selected, ApplicationProcess.TASK_CONFIRM_PARTICIPATION),
                "form_confirm_participation");
    }

    /**
     * The engine resolves the task's form; each {{view.name}} in its texts is a text of the task's view, each
     * {{labels.component.part}} a word the task has in its labels.
     */
    private void assertFormShowsOnlyKnownVariables(Task task, String expectedFormId) throws IOException {
        assertThat(task).as("task").isNotNull();
        JsonNode form;
        try (InputStream deployed = formService.getDeployedTaskForm(task.getId())) {
            form = JSON.readTree(deployed);
        }
        assertThat(form.path("id").asText()).isEqualTo(expectedFormId);
        Set<String> placeholders = placeholders(form);
        assertThat(placeholders).as("texts of " + expectedFormId).isNotEmpty()
                .allMatch(name -> name.startsWith(VIEW) || name.startsWith(LABELS));
        assertThat(TasklistFormData.view(taskService, task.getId()).keySet()).as("view of " + task.getTaskDefinitionKey())
                .containsAll(placeholders.stream().filter(name -> name.startsWith(VIEW))
                        .map(name -> name.substring(VIEW.length())).toList());
        JsonNode labels = JSON.valueToTree(TasklistFormData.of(taskService, task.getId()).get("labels"));
        assertThat(placeholders.stream().filter(name -> name.startsWith(LABELS)).toList())
                .as("words of " + expectedFormId + " its task lacks")
                .allMatch(name -> labels.at("/" + name.substring(LABELS.length()).replace('.', '/')).isTextual());
    }

    // --- the check ------------------------------------------------------------------------------------------

    /** What is wrong with the form references of a process model, given the forms of its deployment by id. */
    static List<String> formProblems(BpmnModelInstance model, Map<String, JsonNode> forms) {
        List<String> problems = new ArrayList<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                checkReference(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), forms, problems);
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() == null) {
                problems.add("user task " + task.getId() + " has no camunda:formRef");
            } else {
                checkReference(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms, problems);
            }
        }
        return problems;
    }

    private static void checkReference(String elementId, String formRef, String binding, Map<String, JsonNode> forms,
            List<String> problems) {
        if (!forms.containsKey(formRef)) {
            problems.add(elementId + " refers to form " + formRef + ", but its deployment has no form with that id "
                    + "(it has " + forms.keySet() + ")");
        }
        if (!"deployment".equals(binding)) {
            problems.add(elementId + " binds form " + formRef + " with binding '" + binding
                    + "' instead of 'deployment', so it may show a form of another deployment");
        }
    }

    /** The .form resources of a deployment by their "id"; two forms with one id are a failure. */
    private Map<String, JsonNode> formsOf(String deploymentId) {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(".form")) {
                JsonNode form = read(deploymentId, resource);
                String id = form.path("id").asText(null);
                assertThat(id).as("id of " + resource).isNotBlank();
                assertThat(forms.put(id, form)).as("a second form with id " + id + ": " + resource).isNull();
            }
        }
        return forms;
    }

    private JsonNode read(String deploymentId, String resource) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is not JSON", e);
        }
    }

    private static String formId(InputStream deployed) throws IOException {
        try (deployed) {
            return JSON.readTree(deployed).path("id").asText();
        }
    }

    private Map<String, String> formRefs(String processKey) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(latest(processKey).getId());
        Map<String, String> refs = new LinkedHashMap<>();
        model.getModelElementsByType(StartEvent.class).stream().filter(start -> start.getCamundaFormRef() != null)
                .forEach(start -> refs.put(start.getId(), start.getCamundaFormRef()));
        model.getModelElementsByType(UserTask.class).forEach(task -> refs.put(task.getId(), task.getCamundaFormRef()));
        return refs;
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
    }

    private static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    private static Set<String> fieldKeys(JsonNode form) {
        assertThat(form).as("form").isNotNull();
        return components(form).stream().filter(component -> component.hasNonNull("key"))
                .map(component -> component.get("key").asText())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<String> choices(JsonNode form, String key) {
        JsonNode field = components(form).stream().filter(component -> key.equals(component.path("key").asText()))
                .findFirst().orElseThrow();
        if (field.has("values")) {
            return StreamSupport.stream(field.path("values").spliterator(), false)
                    .map(value -> value.path("value").asText()).toList();
        }
        // Choices whose words are in the staff language: a choice's value ends the key of its words.
        String prefix = form.path("id").asText() + "." + field.path("id").asText() + ".options.";
        ResourceBundle english = ResourceBundle.getBundle("messages/staff-forms", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return english.keySet().stream().filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length())).toList();
    }

    /** Placeholders of the texts always shown; a text hidden by a condition may name texts a view lacks. */
    private static Set<String> placeholders(JsonNode form) {
        Set<String> names = new LinkedHashSet<>();
        components(form).stream()
                .filter(component -> component.hasNonNull("text") && component.path("conditional").path("hide").isMissingNode())
                .forEach(component -> names.addAll(placeholdersIn(component)));
        return names;
    }

    private static List<String> placeholdersIn(JsonNode text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text.get("text").asText());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
