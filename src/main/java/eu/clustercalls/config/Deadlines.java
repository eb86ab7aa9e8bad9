package eu.clustercalls.config;

import java.time.Clock;
import java.time.Period;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Due dates and timer periods used by the BPMN models (as {@code ${deadlines.…}}). */
@Component("deadlines")
public class Deadlines {

    private final ClusterCallsProperties properties;
    private final StaffTaskProperties staffTasks;
    private final Clock clock;

    Deadlines(ClusterCallsProperties properties, StaffTaskProperties staffTasks, Clock clock) {
        this.properties = properties;
        this.staffTasks = staffTasks;
        this.clock = clock;
    }

    /** How often a closed call looks again whether its applications are all decided and scored. */
    public String settlingCheckPeriod() {
        return properties.settlingCheckPeriod().toString();
    }

    public Date callReviewDue() {
        return dueIn(properties.callReviewPeriod());
    }

    public Date evaluationDue() {
        return dueIn(properties.evaluationPeriod());
    }

    public Date eligibilityReviewDue() {
        return dueIn(properties.eligibilityReviewPeriod());
    }

    /** A staff decision without a period of its own: consensus, adding an evaluator, selection, verification, approval. */
    public Date staffDecisionDue() {
        return dueIn(staffTasks.decisionPeriod());
    }

    private Date dueIn(Period period) {
        return Date.from(clock.instant().atZone(properties.timeZone()).plus(period).toInstant());
    }
}
