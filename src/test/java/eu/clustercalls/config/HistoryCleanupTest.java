package eu.clustercalls.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;

/** History is kept for the historyTimeToLive of its definition (5 years), then removed by the nightly cleanup. */
@ClusterCallsTest
class HistoryCleanupTest {

    private static final String DECISION = "travel-distance-band";

    @Autowired
    HistoryService historyService;
    @Autowired
    DecisionService decisionService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCleanupIsScheduledInTheNightlyWindowFromTheStart() {
        // The engine reads the window in the server's time zone.
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
            LocalTime due = LocalTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
            assertThat(due.isBefore(LocalTime.of(5, 0)) || !due.isBefore(LocalTime.of(22, 0))).as("due at " + due).isTrue();
        });
    }

    @Test
    void historyPastItsTimeToLiveIsRemovedAndNewerHistoryKept() {
        Instant sixYearsAgo = Instant.now().minus(Duration.ofDays(6 * 365));
        ClockUtil.setCurrentTime(Date.from(sixYearsAgo));
        String old = evaluate();
        ClockUtil.reset();
        String recent = evaluate();

        assertThat(instance(old).getRemovalTime().toInstant())
                .isEqualTo(instance(old).getEvaluationTime().toInstant().plus(Duration.ofDays(1825)))
                .isBefore(Instant.now());
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());

        assertThat(historyService.createHistoricDecisionInstanceQuery().decisionInstanceId(old).count()).isZero();
        assertThat(instance(recent)).isNotNull();
    }

    /** Evaluates a decision of ours on its own, which leaves one historic decision instance; returns its id. */
    private String evaluate() {
        Set<String> before = instanceIds();
        decisionService.evaluateDecisionByKey(DECISION).variables(Map.of("distanceKm", 50)).evaluate();
        Set<String> after = instanceIds();
        after.removeAll(before);
        return after.iterator().next();
    }

    /** Other tests sharing the database evaluate this decision too. */
    private Set<String> instanceIds() {
        return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DECISION).list().stream()
                .map(HistoricDecisionInstance::getId).collect(Collectors.toCollection(HashSet::new));
    }

    private HistoricDecisionInstance instance(String id) {
        return historyService.createHistoricDecisionInstanceQuery().decisionInstanceId(id).singleResult();
    }
}
