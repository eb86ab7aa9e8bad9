package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.util.Map;

import eu.clustercalls.call.ActivityType;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The rates of processes/reimbursement-rates.dmn, which call managers change without a release. */
@Component
class ReimbursementRates {

    record TravelBand(BigDecimal amount, String band) {
    }

    private final DecisionService decisions;

    ReimbursementRates(DecisionService decisions) {
        this.decisions = decisions;
    }

    TravelBand travel(int distanceKm) {
        DmnDecisionResultEntries row = only(ReimbursementProcess.DECISION_TRAVEL_DISTANCE_BAND, Map.of("distanceKm", distanceKm));
        return new TravelBand(euros(row.getEntry("travelAmount")), row.getEntry("band"));
    }

    BigDecimal dailySubsistence(String destinationCountry) {
        return euros(only(ReimbursementProcess.DECISION_DAILY_SUBSISTENCE_RATE,
                Map.of("destinationCountry", destinationCountry)).getEntry("dailyRate"));
    }

    BigDecimal lumpSum(ActivityType activityType) {
        return euros(only(ReimbursementProcess.DECISION_LUMP_SUM, Map.of("activityType", activityType.name()))
                .getEntry("lumpSum"));
    }

    private DmnDecisionResultEntries only(String decisionKey, Map<String, Object> facts) {
        var result = decisions.evaluateDecisionByKey(decisionKey).variables(facts).evaluate();
        if (result.size() != 1) {
            throw new IllegalStateException("Decision " + decisionKey + " gives " + result.size() + " rows for " + facts
                    + "; its table must give exactly one.");
        }
        return result.getSingleResult();
    }

    private static BigDecimal euros(Object value) {
        return new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
