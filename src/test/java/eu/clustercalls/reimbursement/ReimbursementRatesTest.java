package eu.clustercalls.reimbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import eu.clustercalls.call.ActivityType;

/**
 * The three tables of processes/reimbursement-rates.dmn, evaluated on a standalone engine with the facts
 * {@link ReimbursementRates} gives them: an integer distance, an ISO country code, an activity type's name.
 */
@Deployment(resources = "processes/reimbursement-rates.dmn")
class ReimbursementRatesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-dmn-test.cfg.xml")
            .build();

    private static DmnDecisionResult evaluate(String decisionKey, String fact, Object value) {
        return engine.getDecisionService().evaluateDecisionByKey(decisionKey)
                .variables(Map.of(fact, value)).evaluate();
    }

    /** The single row the UNIQUE/FIRST table gives; ReimbursementRates refuses anything else. */
    private static DmnDecisionResultEntries onlyRow(String decisionKey, String fact, Object value) {
        DmnDecisionResult result = evaluate(decisionKey, fact, value);
        assertThat(result.getResultList()).as("rows for %s = %s", fact, value).hasSize(1);
        return result.getSingleResult();
    }

    private static double number(DmnDecisionResultEntries row, String output) {
        return ((Number) row.getEntry(output)).doubleValue();
    }

    // --- travel by distance band ---

    @ParameterizedTest(name = "{0} km pays {1} EUR ({2})")
    @CsvSource(delimiter = '|', value = {
            "0    | 0    | under 10 km",
            "9    | 0    | under 10 km",
            "10   | 23   | 10–99 km",
            "99   | 23   | 10–99 km",
            "100  | 180  | 100–499 km",
            "499  | 180  | 100–499 km",
            "500  | 275  | 500–1,999 km",
            "1999 | 275  | 500–1,999 km",
            "2000 | 360  | 2,000–2,999 km",
            "2999 | 360  | 2,000–2,999 km",
            "3000 | 530  | 3,000–3,999 km",
            "3999 | 530  | 3,000–3,999 km",
            "4000 | 820  | 4,000–7,999 km",
            "7999 | 820  | 4,000–7,999 km",
            "8000 | 1500 | 8,000 km or more",
            "20015 | 1500 | 8,000 km or more"})
    void eachDistanceFallsInExactlyOneBandWithItsBoundariesInside(int km, double amount, String band) {
        DmnDecisionResultEntries row = onlyRow(ReimbursementProcess.DECISION_TRAVEL_DISTANCE_BAND, "distanceKm", km);

        assertThat(number(row, "travelAmount")).isEqualTo(amount);
        assertThat((String) row.getEntry("band")).isEqualTo(band);
    }

    // --- daily subsistence by destination country ---

    @ParameterizedTest(name = "{0}: {1} EUR a day")
    @CsvSource({
            "US, 180", "CA, 180", "CH, 180", "JP, 180",
            "DE, 160", "ES, 160", "FR, 160", "AE, 160",
            "PL, 140", "RO, 140", "LT, 140"})
    void subsistenceFollowsTheCostLevelOfTheListedCountry(String country, double dailyRate) {
        assertThat(number(onlyRow(ReimbursementProcess.DECISION_DAILY_SUBSISTENCE_RATE, "destinationCountry", country),
                "dailyRate")).isEqualTo(dailyRate);
    }

    @ParameterizedTest(name = "{0} falls to the last row")
    @ValueSource(strings = {"BR", "CN", "IN", "MA", "ZA"})
    void aCountryNoRowNamesGetsTheCatchAllRate(String country) {
        DmnDecisionResult result = evaluate(ReimbursementProcess.DECISION_DAILY_SUBSISTENCE_RATE,
                "destinationCountry", country);

        // FIRST: the catch-all matches too, but only the first matching row counts.
        assertThat(result.getResultList()).hasSize(1);
        assertThat(((Number) result.getSingleResult().getEntry("dailyRate")).doubleValue()).isEqualTo(140.0);
    }

    @Test
    void aListedCountryIsNotOverriddenByTheCatchAllRow() {
        // Canada is in the first row; the catch-all row below it would give 140.
        assertThat(number(onlyRow(ReimbursementProcess.DECISION_DAILY_SUBSISTENCE_RATE, "destinationCountry", "CA"),
                "dailyRate")).isEqualTo(180.0);
    }

    // --- lump sum by activity type ---

    @ParameterizedTest(name = "{0}: {1} EUR")
    @CsvSource({"BUSINESS_MISSION, 1500", "TRADE_FAIR, 2000", "CONFERENCE, 1000", "EXCHANGE, 1200"})
    void lumpSumDependsOnTheActivityType(String activityType, double lumpSum) {
        assertThat(number(onlyRow(ReimbursementProcess.DECISION_LUMP_SUM, "activityType", activityType), "lumpSum"))
                .isEqualTo(lumpSum);
    }

    @ParameterizedTest
    @EnumSource(ActivityType.class)
    void everyActivityTypeACallCanHaveHasALumpSum(ActivityType type) {
        assertThat(evaluate(ReimbursementProcess.DECISION_LUMP_SUM, "activityType", type.name()).getResultList())
                .hasSize(1);
    }
}
