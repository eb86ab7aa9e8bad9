package eu.clustercalls.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.security.Roles;

/**
 * A staff task past its due date is told once to its group in its cluster (to its assignee, for a task of one
 * person), with its Tasklist link. The engine's clock is moved past the due date; the Clock bean follows it.
 */
@ClusterCallsTest
class OverdueTasksTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500");

    @Autowired
    OverdueTasks overdueTasks;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    Scenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOverdueReviewIsToldOnceToEachReviewerOfItsClusterWithItsTasklistLink() {
        Scenario.Cluster cluster = scenario.cluster();
        String secondReviewer = scenario.staff(Roles.ELIGIBILITY_REVIEWERS, cluster.id());
        Scenario.Cluster otherCluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertThat(review.getDueDate()).isNotNull();
        moveClockTo(review.getDueDate().toInstant().plusSeconds(60));

        assertThat(overdueTasks.tell()).isPositive();

        List<Notification> told = toldOf(review);
        assertThat(told).extracting(Notification::getRecipient)
                .containsExactlyInAnyOrder(cluster.reviewer(), secondReviewer)
                .doesNotContain(otherCluster.reviewer(), cluster.manager());
        assertThat(told).allSatisfy(notification -> {
            assertThat(notification.getType()).isEqualTo(NotificationType.OVERDUE_TASK.name());
            assertThat(notification.getSubject()).isEqualTo("Overdue: " + review.getName());
            assertThat(notification.getBody()).contains("“" + review.getName() + "” (" + application.reference() + ")",
                    "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + review.getId());
        });

        assertThat(overdueTasks.tell()).as("nothing became overdue since").isZero();
        assertThat(toldOf(review)).as("told once").hasSize(2);
    }

    @Test
    void aTaskNotDueYetIsNotTold() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        moveClockTo(review.getDueDate().toInstant().minusSeconds(60));

        overdueTasks.tell();

        assertThat(toldOf(review)).isEmpty();

        moveClockTo(review.getDueDate().toInstant().plusSeconds(60));
        overdueTasks.tell();

        assertThat(toldOf(review)).extracting(Notification::getRecipient).containsExactly(cluster.reviewer());
    }

    @Test
    void anOverdueEvaluationIsToldToItsEvaluatorOnly() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        List<String> evaluators = scenario.evaluatorsOf(application);
        assertThat(evaluators).hasSize(2);
        Task evaluation = scenario.evaluationTask(application, evaluators.get(0));
        assertThat(evaluation.getDueDate()).isNotNull();
        moveClockTo(evaluation.getDueDate().toInstant().plusSeconds(60));

        overdueTasks.tell();

        assertThat(toldOf(evaluation)).singleElement().satisfies(notification -> {
            assertThat(notification.getRecipient()).isEqualTo(evaluators.get(0));
            assertThat(notification.getBody()).contains(application.reference(),
                    "/camunda/app/tasklist/default/#/?task=" + evaluation.getId());
        });
        assertThat(toldOf(scenario.evaluationTask(application, evaluators.get(1))))
                .extracting(Notification::getRecipient).containsExactly(evaluators.get(1));
    }

    private List<Notification> toldOf(Task task) {
        return notifications.findByEntityTypeAndEntityIdOrderById("TASK", task.getId());
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
