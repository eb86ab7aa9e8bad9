package eu.clustercalls.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.StaffWordsForTests;
import eu.clustercalls.support.ViewWords;

/**
 * The start form of a funding call is read field by field before anything is stored: each value must have its
 * field's type and fit its range and its column (funding_call in V1, V2), never cut, rounded or wrapped around.
 */
class CallDraftTest {

    private static final String SLOTS = "A call has between 1 and 1,000 slots.";
    private static final String MAX_GRANT = "The maximum grant must be more than €0 and at most €60,000 per SME.";
    private static final String BUDGET = "The budget must be more than €0 and at most €60,000,000 (1,000 slots at €60,000).";
    private static final ViewWords ENGLISH = StaffWordsForTests.in("en");

    @Test
    void aValidFormIsReadAsTyped() {
        CallDraft draft = CallDraft.fromForm(validForm(), ENGLISH);

        assertThat(draft.title()).isEqualTo("Business mission to Montreal");
        assertThat(draft.slots()).isEqualTo(3);
        assertThat(draft.maxGrant()).isEqualByComparingTo("2000.50");
        assertThat(draft.destinationLatitude()).isEqualByComparingTo("45.5017");
        assertThat(draft.activityStart()).hasToString("2030-06-01");
        assertThat(draft.membersOnly()).isTrue();
        assertThat(draft.criteria()).extracting(Criterion::maxPoints).containsExactly(10, 10, 5);
        assertThat(draft.evaluatorsPerApplication()).isEqualTo(2);
        assertThat(draft.excludedExpenses()).isEmpty();
    }

    @Test
    void slotsBeyondAnIntAreRefusedNotWrappedAroundToOne() {
        assertThat(problems("slots", 4294967297L)).containsExactlyEntriesOf(Map.of("slots", SLOTS));
        assertThat(problems("slots", "4294967297")).containsExactlyEntriesOf(Map.of("slots", SLOTS));
        assertThat(problems("slots", 1e30)).containsExactlyEntriesOf(Map.of("slots", SLOTS));
    }

    @Test
    void slotsAreFromOneToAThousand() {
        assertThat(problems("slots", 0L)).containsExactlyEntriesOf(Map.of("slots", SLOTS));
        assertThat(read("slots", 1L).slots()).isEqualTo(1);
        assertThat(read("slots", 1000L).slots()).isEqualTo(1000);
        assertThat(read("slots", 1000.0).slots()).as("a whole Double, as a number field may send it").isEqualTo(1000);
        assertThat(problems("slots", 1001L)).containsExactlyEntriesOf(Map.of("slots", SLOTS));
        assertThat(problems("slots", 2.5)).containsExactlyEntriesOf(
                Map.of("slots", "Please enter a whole number for the number of slots."));
    }

    @Test
    void aLatitudeOfOneEToTheNineHundredNinetyNineThousandIsRefused() {
        assertThat(problems("destinationLatitude", "1e999999")).containsExactlyEntriesOf(
                Map.of("destinationLatitude", "The latitude is between -90 and 90 degrees."));
        assertThat(problems("destinationLatitude", "-1e999999")).containsOnlyKeys("destinationLatitude");
        assertThat(problems("destinationLatitude", "1e-999999")).as("more decimals than the column keeps")
                .containsExactlyEntriesOf(Map.of("destinationLatitude",
                        "The latitude can have at most 6 decimals (about 10 cm)."));
    }

    @Test
    void coordinatesReachThePolesAndTheDateLineWithSixDecimalsAtMost() {
        assertThat(read("destinationLatitude", 90L).destinationLatitude()).isEqualByComparingTo("90");
        assertThat(read("destinationLatitude", "-90.000000").destinationLatitude()).isEqualByComparingTo("-90");
        assertThat(problems("destinationLatitude", 90.000001)).containsOnlyKeys("destinationLatitude");
        assertThat(problems("destinationLatitude", -90.000001)).containsOnlyKeys("destinationLatitude");
        assertThat(read("destinationLongitude", -180L).destinationLongitude()).isEqualByComparingTo("-180");
        assertThat(read("destinationLongitude", 180.0).destinationLongitude()).isEqualByComparingTo("180");
        assertThat(problems("destinationLongitude", 180.000001)).containsExactlyEntriesOf(
                Map.of("destinationLongitude", "The longitude is between -180 and 180 degrees."));
        assertThat(read("destinationLatitude", 45.501712).destinationLatitude()).isEqualByComparingTo("45.501712");
        assertThat(problems("destinationLatitude", 45.5017123)).containsOnlyKeys("destinationLatitude");
        assertThat(problems("destinationLatitude", Double.NaN)).containsExactlyEntriesOf(
                Map.of("destinationLatitude", "Please enter a number for the latitude."));
    }

    @Test
    void everyTextFitsItsColumn() {
        assertThat(problems("euProject", "A".repeat(300))).containsExactlyEntriesOf(
                Map.of("euProject", "The EU project can have at most 100 characters."));
        assertThat(read("euProject", "A".repeat(100)).euProject()).hasSize(100);
        assertThat(problems("euProject", "A".repeat(101))).containsOnlyKeys("euProject");
        assertThat(read("title", "T".repeat(200)).title()).hasSize(200);
        assertThat(problems("title", "T".repeat(201))).containsExactlyEntriesOf(
                Map.of("title", "The title can have at most 200 characters."));
        assertThat(read("destinationCity", "C".repeat(100)).destinationCity()).hasSize(100);
        assertThat(problems("destinationCity", "C".repeat(101))).containsOnlyKeys("destinationCity");
        assertThat(read("description", "D".repeat(4000)).description()).hasSize(4000);
        assertThat(problems("description", "D".repeat(4001))).containsOnlyKeys("description");
        assertThat(read("title", "  Milan  ").title()).as("blanks around do not count").isEqualTo("Milan");
        assertThat(problems("title", "Milan\u0000")).containsExactlyEntriesOf(Map.of("title",
                "Please remove the control characters (such as NUL) from this text; they cannot be stored."));
    }

    @Test
    void aMaximumGrantWithThirtyDecimalsIsRefusedNotRounded() {
        assertThat(problems("maxGrant", "1500.123456789012345678901234567890")).containsExactlyEntriesOf(
                Map.of("maxGrant", "Please enter the maximum grant in euros and cents, with at most two decimals."));
        assertThat(problems("maxGrant", 2000.255)).containsOnlyKeys("maxGrant");
        assertThat(read("maxGrant", "2000.250").maxGrant()).isEqualByComparingTo("2000.25");
    }

    @Test
    void theMaximumGrantIsMoreThanNothingAndAtMostTheThirdPartyCap() {
        assertThat(problems("maxGrant", 0L)).containsExactlyEntriesOf(Map.of("maxGrant", MAX_GRANT));
        assertThat(read("maxGrant", 0.01).maxGrant()).isEqualByComparingTo("0.01");
        assertThat(read("maxGrant", 60_000L).maxGrant()).isEqualByComparingTo("60000");
        assertThat(problems("maxGrant", 60_000.01)).containsExactlyEntriesOf(Map.of("maxGrant", MAX_GRANT));
        assertThat(problems("maxGrant", "1e999999")).containsExactlyEntriesOf(Map.of("maxGrant", MAX_GRANT));
    }

    @Test
    void theBudgetIsAtMostEveryPossibleSlotAtTheCapInCents() {
        assertThat(read("budget", 60_000_000L).budget()).isEqualByComparingTo("60000000");
        assertThat(problems("budget", 60_000_000.01)).containsExactlyEntriesOf(Map.of("budget", BUDGET));
        assertThat(problems("budget", "4500.365")).containsOnlyKeys("budget");
        assertThat(read("budget", "").budget()).as("left empty: slots times the maximum grant").isNull();
    }

    @Test
    void evaluatorsPointsAndThresholdStayWithinTheirRanges() {
        assertThat(problems("evaluatorsPerApplication", 0L)).containsExactlyEntriesOf(
                Map.of("evaluatorsPerApplication", "Each application is scored by 1 to 5 evaluators."));
        assertThat(read("evaluatorsPerApplication", 1L).evaluatorsPerApplication()).isEqualTo(1);
        assertThat(read("evaluatorsPerApplication", 5L).evaluatorsPerApplication()).isEqualTo(5);
        assertThat(problems("evaluatorsPerApplication", 6L)).containsOnlyKeys("evaluatorsPerApplication");
        assertThat(problems("maxRelevance", 0L)).containsExactlyEntriesOf(
                Map.of("maxRelevance", "The points for relevance are from 1 to 100."));
        assertThat(read("maxRelevance", 100L).criteria().get(0).maxPoints()).isEqualTo(100);
        assertThat(problems("maxRepresentation", 4294967297L)).containsOnlyKeys("maxRepresentation");
        assertThat(read("scoreThreshold", 12.75).scoreThreshold()).isEqualByComparingTo("12.75");
        assertThat(problems("scoreThreshold", 12.755)).containsExactlyEntriesOf(
                Map.of("scoreThreshold", "The threshold can have at most two decimals."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2030-06-01T00:00", "2030-6-1", "2030-06-01x", "06/01/2030x", "31/02/2030", "1/13/2030",
            "00/06/2030", "01/06/30", "01-06-2030", "01/06/2030/1", "1999-12-31", "2100-01-01", "31/12/1999",
            "01/01/2100"})
    void aDateIsADayOfThisCenturyAsDayMonthYear(String day) {
        assertThat(problems("activityStartDate", day)).containsOnlyKeys("activityStartDate");
    }

    @Test
    void aDateIsTypedDayFirst() {
        assertThat(read("activityStartDate", "01/06/2030").activityStart()).hasToString("2030-06-01");
        assertThat(read("activityStartDate", " 1/6/2030 ").activityStart()).hasToString("2030-06-01");
        assertThat(read("activityStartDate", "2030-06-01").activityStart()).as("as the engine's REST API sends it")
                .hasToString("2030-06-01");
        assertThat(problems("closesOn", "06/31/2030")).as("month first, as Tasklist's US date picker wrote it")
                .containsExactlyEntriesOf(Map.of("closesOn",
                        "Please enter the closing date as day/month/year, e.g. 14/09/2027."));
        assertThat(problems("opensOn", "29/02/2031")).as("no such day").containsExactlyEntriesOf(Map.of("opensOn",
                "Please enter the opening date as day/month/year, e.g. 14/09/2027."));
        assertThat(read("opensOn", "29/02/2032").opensOn()).as("a leap year").hasToString("2032-02-29");
    }

    @Test
    void theDestinationIsACountryByItsIsoCode() {
        assertThat(read("destinationCountry", "BR").destinationCountry()).isEqualTo("BR");
        assertThat(problems("destinationCountry", "XX")).containsExactlyEntriesOf(Map.of("destinationCountry",
                "Please choose the destination country from the list."));
        assertThat(problems("destinationCountry", "ca")).containsOnlyKeys("destinationCountry");
        assertThat(problems("destinationCountry", "Canada")).containsOnlyKeys("destinationCountry");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsField() {
        assertThat(problems("title", 12345L)).containsExactlyEntriesOf(Map.of("title", "Please enter the title as text."));
        assertThat(problems("slots", "three")).containsExactlyEntriesOf(
                Map.of("slots", "Please enter a number for the number of slots."));
        assertThat(problems("membersOnly", "yes")).containsExactlyEntriesOf(
                Map.of("membersOnly", "Please tick or clear this box."));
        assertThat(problems("costsStand", 1L)).containsOnlyKeys("costsStand");
        assertThat(problems("activityType", true)).containsOnlyKeys("activityType");
        assertThat(problems("opensOn", new Date())).containsOnlyKeys("opensOn");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> form = validForm();
        form.put("slots", 4294967297L);
        form.put("destinationLatitude", "1e999999");
        form.put("euProject", "P".repeat(300));
        form.put("maxGrant", "1500.123456789012345678901234567890");
        form.remove("title");

        assertThat(problemsOf(form)).containsOnlyKeys("slots", "destinationLatitude", "euProject", "maxGrant", "title");
    }

    @Test
    void aCatalanOrSpanishClustersDrafterReadsEachProblemInHerLanguageNamingTheField() {
        Map<String, Object> form = validForm();
        form.put("title", "T".repeat(201));
        form.put("closesOn", "03/31/2030");
        form.put("slots", 2.5);
        form.put("maxRelevance", 0L);
        form.put("destinationLongitude", 181L);

        assertThat(problemsOf(form, StaffWordsForTests.in("ca"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "title", "El títol pot tenir com a màxim 200 caràcters.",
                "closesOn", "Introduïu la data de tancament com a dia/mes/any, per exemple 14/09/2027.",
                "slots", "Escriviu el nombre de places com a nombre enter.",
                "maxRelevance", "Els punts per la rellevància van d’1 a 100.",
                "destinationLongitude", "La longitud ha de ser entre -180 i 180 graus."));
        assertThat(problemsOf(form, StaffWordsForTests.in("es"))).containsEntry("title",
                "El título puede tener como máximo 200 caracteres.");
        assertThat(problemsOf(form, ENGLISH)).containsEntry("maxRelevance",
                "The points for relevance are from 1 to 100.");
    }

    private static Map<String, Object> validForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("title", "Business mission to Montreal");
        form.put("euProject", "ADMANTEX2i");
        form.put("description", "B2B meetings with Canadian buyers.");
        form.put("activityType", "BUSINESS_MISSION");
        form.put("destinationCity", "Montreal");
        form.put("destinationCountry", "CA");
        form.put("destinationLatitude", 45.5017);
        form.put("destinationLongitude", -73.5673);
        form.put("activityStartDate", "2030-06-01");
        form.put("activityEndDate", "2030-06-05");
        form.put("opensOn", "2030-01-01");
        form.put("closesOn", "2030-03-01");
        form.put("slots", 3L);
        form.put("maxGrant", 2000.5);
        form.put("reimbursementModel", "ACTUAL_COSTS_CAPPED");
        form.put("membersOnly", true);
        form.put("deMinimisApplies", true);
        return form;
    }

    private static CallDraft read(String field, Object value) {
        Map<String, Object> form = validForm();
        form.put(field, value);
        return CallDraft.fromForm(form, ENGLISH);
    }

    private static Map<String, String> problems(String field, Object value) {
        Map<String, Object> form = validForm();
        form.put(field, value);
        return problemsOf(form);
    }

    private static Map<String, String> problemsOf(Map<String, Object> form) {
        return problemsOf(form, ENGLISH);
    }

    private static Map<String, String> problemsOf(Map<String, Object> form, ViewWords words) {
        InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class,
                () -> CallDraft.fromForm(form, words));
        assertThat(refusal).as("refused").isNotNull();
        return refusal.fieldErrors();
    }

}
