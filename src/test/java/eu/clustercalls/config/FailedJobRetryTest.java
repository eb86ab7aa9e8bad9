package eu.clustercalls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;

/** The engine-wide retry cycle, for jobs whose element sets none (a timer, say). */
@ClusterCallsTest
class FailedJobRetryTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFailingJobIsRetriedAfterOneFiveAndThirtyMinutesThenBecomesAnIncident() {
        repositoryService.createDeployment().addModelInstance("failing-job.bpmn",
                Bpmn.createExecutableProcess("failing-job").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("task_fail").camundaAsyncBefore().camundaClass(BankUnreachable.class)
                        .endEvent().done())
                .deploy();
        String instance = runtimeService.startProcessInstanceByKey("failing-job").getId();

        for (Duration wait : new Duration[] {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)}) {
            Instant failedAt = failOnce(instance);
            Job job = job(instance);
            assertThat(job.getDuedate().toInstant()).isEqualTo(failedAt.plus(wait));
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        failOnce(instance);

        assertThat(job(instance).getRetries()).isZero();
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("task_fail");
        assertThat(incident.getIncidentMessage()).isEqualTo("The bank cannot be reached");
    }

    private Instant failOnce(String instance) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(now));
        Job job = job(instance);
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("bank");
        return now;
    }

    private Job job(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).singleResult();
    }

    public static class BankUnreachable implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            throw new IllegalStateException("The bank cannot be reached");
        }
    }
}
