package eu.clustercalls.staffforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.organisation.ClusterOrganisationService;

/**
 * A task's form speaks its cluster's staff language: the task carries the words of its form in that language from
 * the moment it is created, as the form reads them ({@code labels}), and none of them goes into history.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(Scenario.class)
class StaffFormLanguageTest {

    private static final BigDecimal GRANT = new BigDecimal("1500");

    @Autowired
    Scenario scenario;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    StaffFormTextsOfOpenTasks openTasks;

    @Test
    void aCatalanClustersEligibilityReviewIsInCatalan() {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        Task review = reviewOfANewApplication(cluster);

        Map<String, Object> labels = labels(review);
        assertThat(text(labels, "field_review_decision", "label")).isEqualTo("La vostra decisió");
        assertThat(choices(labels, "field_review_decision")).containsExactly(
                Map.of("label", "Confirmar el veredicte automàtic", "value", "CONFIRM"),
                Map.of("label", "Modificar el veredicte automàtic", "value", "OVERRIDE"),
                Map.of("label", "Demanar un aclariment a la pime", "value", "CLARIFY"));
        assertThat(text(labels, "field_review_reason", "label")).isEqualTo("Motiu de la modificació");
        assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(review.getId()).count())
                .as("the form's words are no history").isZero();
    }

    @Test
    void anEnglishClustersEligibilityReviewIsInEnglish() {
        Task review = reviewOfANewApplication(scenario.cluster());

        Map<String, Object> labels = labels(review);
        assertThat(text(labels, "field_review_decision", "label")).isEqualTo("Your decision");
        assertThat(choices(labels, "field_review_decision")).extracting(choice -> choice.get("label")).containsExactly(
                "Confirm the automatic verdict", "Override the automatic verdict", "Ask the SME for clarification");
    }

    @Test
    void aSpanishClustersEvaluatorScoresInSpanish() {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "es");
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, GRANT);
        scenario.runJobs();
        Task evaluation = scenario.evaluationTask(application, scenario.evaluatorsOf(application).get(0));

        Map<String, Object> labels = labels(evaluation);
        assertThat(text(labels, "field_conflict_of_interest", "label")).isEqualTo("Conflicto de intereses");
        assertThat(text(labels, "text_running_total", "total")).isEqualTo("Total parcial:");
        assertThat(labels).as("only the evaluation form's words").doesNotContainKey("field_review_decision");
    }

    @Test
    void aTaskOpenedBeforeFormsReadLabelsGetsThemAtStartUp() {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        Task review = reviewOfANewApplication(cluster);
        taskService.removeVariableLocal(review.getId(), StaffFormTexts.VARIABLE);

        openTasks.giveLabelsToOpenTasksWithout();

        assertThat(text(labels(review), "field_review_decision", "label")).isEqualTo("La vostra decisió");
        openTasks.giveLabelsToOpenTasksWithout();
        assertThat(runtimeService.createVariableInstanceQuery().taskIdIn(review.getId())
                .variableName(StaffFormTexts.VARIABLE).count()).as("given once").isEqualTo(1);
    }

    private Task reviewOfANewApplication(Cluster cluster) {
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), GRANT);
        return scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> labels(Task task) {
        Object labels = TasklistFormData.of(taskService, task.getId()).get(StaffFormTexts.VARIABLE);
        assertThat(labels).as("labels of " + task.getTaskDefinitionKey()).isInstanceOf(Map.class);
        return (Map<String, Object>) labels;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> labels, String component, String name) {
        return (String) ((Map<String, Object>) labels.get(component)).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> choices(Map<String, Object> labels, String component) {
        return (List<Map<String, Object>>) ((Map<String, Object>) labels.get(component)).get("options");
    }
}
