package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;

@ClusterCallsTest
class FormViewsOutOfHistoryTest {

    @Autowired
    Scenario scenario;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEngineKeepsFullHistoryUnderItsOwnName() {
        var level = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getHistoryLevel();

        assertThat(level.getName()).isEqualTo("full-without-form-views");
        assertThat(level.getId()).as("the id of full: a database created at full starts as before").isEqualTo(3);
    }

    @Test
    void aTasksFormViewIsShownButNotRecordedWhileWhatTheReviewerSubmitsIs() {
        Scenario.Cluster cluster = scenario.cluster();
        Application application = scenario.apply(scenario.publishedCall(cluster), scenario.memberCompany(cluster),
                new BigDecimal("1500.00"));
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        String instance = review.getProcessInstanceId();

        assertThat(TasklistFormData.view(taskService, review.getId())).as("the form's view")
                .containsKeys("applicationSummary", "motivation");
        String viewBytes = ((VariableInstanceEntity) runtimeService.createVariableInstanceQuery().taskIdIn(review.getId())
                .variableName(FormView.VARIABLE).singleResult()).getByteArrayValueId();
        assertThat(viewBytes).as("the view is kept as bytes, without the 4,000 characters of a text").isNotNull();
        assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(review.getId()).count()).isZero();
        assertThat(historyService.createHistoricDetailQuery().taskId(review.getId()).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(ApplicationProcess.VAR_APPLICATION_ID).count()).as("the process's own variables")
                .isOne();

        scenario.confirmEligibility(cluster, application);

        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(ApplicationProcess.VAR_REVIEW_DECISION).singleResult().getValue())
                .isEqualTo(ApplicationProcess.ReviewDecision.CONFIRM.name());
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult()
                .getEndTime()).as("the task itself stays in the history").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where ID_ = ?", Long.class, viewBytes))
                .as("the view's bytes went with the task").isZero();
    }
}
