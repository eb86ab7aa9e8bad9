package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestComponent;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.FundingCall;

/**
 * Confirmed participants of a call of their own, with their claim opened by the end of the activity. Import it next
 * to {@link Scenario} and {@link ClaimFixtures}.
 */
@TestComponent
public class ClaimSetup {

    /** A cluster, its published call (activity in 60 days, five days long) and a confirmed application to it. */
    public record Participant(Scenario.Cluster cluster, FundingCall call, Application application) {
    }

    private final Scenario scenario;

    ClaimSetup(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Confirmed, the activity still ahead: no claim yet. */
    public Participant confirmed(BigDecimal requested, Consumer<Map<String, Object>> customiseCall) {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, customiseCall);
        return new Participant(cluster, call, scenario.confirmedApplication(cluster, call, requested));
    }

    /** The day after the activity (08:00): the claim is open and waits for the SME. */
    public Participant activityOver(Participant participant) {
        scenario.activityOver(participant.call(), participant.application());
        return participant;
    }

    /** Confirmed in a call of the default form (actual costs up to €2,000) and the activity over. */
    public Participant openClaim(BigDecimal requested) {
        return openClaim(requested, form -> { });
    }

    public Participant openClaim(BigDecimal requested, Consumer<Map<String, Object>> customiseCall) {
        return activityOver(confirmed(requested, customiseCall));
    }
}
