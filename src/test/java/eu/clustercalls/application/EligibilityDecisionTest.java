package eu.clustercalls.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.ViewWords;

/**
 * The rules of processes/eligibility.dmn, one fact changed at a time from an application that meets every rule.
 * Facts have the names and Java types that {@link EligibilityService#facts} gives the decision.
 */
class EligibilityDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-dmn-test.cfg.xml")
            .build();

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final LocalDate CLOSING_DATE = LocalDate.of(2026, 12, 21);
    private static final ZonedDateTime CLOSING_AT = CLOSING_DATE.atTime(23, 59, 59).atZone(BRUSSELS);

    /** Every rule met: a micro enterprise, member since 2020, far below the de minimis ceiling, on time. */
    private static VariableMap eligibleFacts() {
        return Variables.createVariables()
                .putValue("applicationReference", "APP-7")
                .putValue("companyName", "Teixits Vallès SL")
                .putValue("clusterName", "AEI Tèxtils")
                .putValue("membersOnly", true)
                .putValue("membershipValidFrom", LocalDate.of(2020, 1, 1))
                .putValue("membershipValidUntil", null)
                .putValue("closingDate", CLOSING_DATE)
                .putValue("staffHeadcount", new BigDecimal("8"))
                .putValue("annualTurnover", new BigDecimal("1200000"))
                .putValue("balanceSheetTotal", new BigDecimal("900000"))
                .putValue("deMinimisApplies", true)
                .putValue("aidLastThreeYears", new BigDecimal("12000.00"))
                .putValue("requestedAmount", new BigDecimal("1800.00"))
                .putValue("deMinimisCeiling", new BigDecimal("300000"))
                .putValue("earlierApplications", 0L)
                .putValue("declaresSmeStatus", true)
                .putValue("declaresDeMinimis", true)
                .putValue("declaresNoDoubleFunding", true)
                .putValue("declaresDataProtection", true)
                .putValue("submittedAt", LocalDateTime.of(2026, 12, 10, 10, 15).atZone(BRUSSELS))
                .putValue("closingAt", CLOSING_AT);
    }

    private static List<Map<String, Object>> failedRules(VariableMap facts) {
        DecisionService decisions = engine.getDecisionService();
        DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey("eligibility").variables(facts).evaluate();
        return result.getResultList();
    }

    private static List<String> reasonCodes(VariableMap facts) {
        return failedRules(facts).stream().map(row -> (String) row.get("reasonCode")).toList();
    }

    /** The reason template of the only failed rule, which must have that code. */
    private static String onlyReason(VariableMap facts, String expectedCode) {
        List<Map<String, Object>> rows = failedRules(facts);
        assertThat(rows).extracting(row -> row.get("reasonCode")).containsExactly(expectedCode);
        return (String) rows.get(0).get("reason");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void anApplicationMeetingEveryRuleGivesNoReason() {
        assertThat(failedRules(eligibleFacts())).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void severalFailedRulesAreAllReported() {
        VariableMap facts = eligibleFacts()
                .putValue("membershipValidFrom", null)
                .putValue("staffHeadcount", new BigDecimal("300"))
                .putValue("declaresDataProtection", false);

        assertThat(reasonCodes(facts))
                .containsExactlyInAnyOrder("NOT_MEMBER", "NOT_SME_HEADCOUNT", "DATA_PROTECTION_DECLARATION_MISSING");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aCompanyThatIsNotAMemberCannotApplyToAMembersOnlyCall() {
        VariableMap facts = eligibleFacts().putValue("membershipValidFrom", null);

        assertThat(onlyReason(facts, "NOT_MEMBER")).contains("{companyName}", "{clusterName}");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aCompanyThatIsNotAMemberMayApplyToAnOpenCall() {
        VariableMap facts = eligibleFacts().putValue("membersOnly", false).putValue("membershipValidFrom", null);

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aMembershipStartingAfterTheClosingDateIsNotEnough() {
        VariableMap facts = eligibleFacts().putValue("membershipValidFrom", CLOSING_DATE.plusDays(1));

        assertThat(onlyReason(facts, "MEMBERSHIP_STARTS_AFTER_CLOSING"))
                .contains("{clusterName}", "{membershipValidFrom}", "{closingDate}");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aMembershipStartingOnTheClosingDateIsEnough() {
        VariableMap facts = eligibleFacts().putValue("membershipValidFrom", CLOSING_DATE);

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aMembershipEndingTheDayBeforeTheClosingDateIsNotEnough() {
        VariableMap facts = eligibleFacts().putValue("membershipValidUntil", CLOSING_DATE.minusDays(1));

        assertThat(onlyReason(facts, "MEMBERSHIP_ENDS_BEFORE_CLOSING"))
                .contains("{clusterName}", "{membershipValidUntil}", "{closingDate}");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aMembershipEndingOnTheClosingDateIsEnough() {
        VariableMap facts = eligibleFacts().putValue("membershipValidUntil", CLOSING_DATE);

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aLapsedMembershipDoesNotMatterOnAnOpenCall() {
        VariableMap facts = eligibleFacts().putValue("membersOnly", false)
                .putValue("membershipValidUntil", CLOSING_DATE.minusYears(1));

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void staffOf249IsAnSmeAnd250IsNot() {
        assertThat(failedRules(eligibleFacts().putValue("staffHeadcount", new BigDecimal("249")))).isEmpty();

        assertThat(onlyReason(eligibleFacts().putValue("staffHeadcount", new BigDecimal("250")), "NOT_SME_HEADCOUNT"))
                .contains("{staffHeadcount}");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void turnoverAtTheCeilingKeepsAnSmeWhoseBalanceSheetIsAboveItsCeiling() {
        VariableMap facts = eligibleFacts()
                .putValue("annualTurnover", new BigDecimal("50000000"))
                .putValue("balanceSheetTotal", new BigDecimal("44000000"));

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void turnoverOneCentAboveTheCeilingWithABalanceSheetAboveItsCeilingIsNotAnSme() {
        VariableMap facts = eligibleFacts()
                .putValue("annualTurnover", new BigDecimal("50000000.01"))
                .putValue("balanceSheetTotal", new BigDecimal("44000000"));

        assertThat(onlyReason(facts, "NOT_SME_FINANCIAL")).contains("{annualTurnover}", "{balanceSheetTotal}");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aBalanceSheetAtItsCeilingKeepsAnSmeWhoseTurnoverIsAboveItsCeiling() {
        VariableMap facts = eligibleFacts()
                .putValue("annualTurnover", new BigDecimal("60000000"))
                .putValue("balanceSheetTotal", new BigDecimal("43000000"));

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aidReachingExactlyTheCeilingWithThisGrantIsEligible() {
        VariableMap facts = eligibleFacts().putValue("aidLastThreeYears", new BigDecimal("298200.00"));

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aidOneEuroAboveTheCeilingWithThisGrantIsIneligible() {
        VariableMap facts = eligibleFacts().putValue("aidLastThreeYears", new BigDecimal("298201.00"));

        String reason = onlyReason(facts, "DE_MINIMIS_EXCEEDED");
        assertThat(reason).contains("{aidLastThreeYears}", "{requestedAmount}", "{deMinimisCeiling}");
        String kept = EligibilityService.reason("DE_MINIMIS_EXCEEDED", reason, facts).message();
        assertThat(words(Locale.ENGLISH).phrase(kept)).isEqualTo("De minimis aid of €298,201.00 in the last "
                + "three years plus the €1,800.00 requested exceeds the ceiling of €300,000.00.");
        assertThat(words(Locale.forLanguageTag("ca")).phrase(kept)).isEqualTo("Els ajuts de minimis de "
                + "298.201,00\u00a0€ dels darrers tres anys, més els 1.800,00\u00a0€ sol·licitats, superen el límit de "
                + "300.000,00\u00a0€.");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void aidAboveTheCeilingDoesNotMatterWhenTheCallIsNotDeMinimisAid() {
        VariableMap facts = eligibleFacts()
                .putValue("deMinimisApplies", false)
                .putValue("aidLastThreeYears", new BigDecimal("450000.00"));

        assertThat(failedRules(facts)).isEmpty();
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void anEarlierApplicationOfTheSameCompanyToTheCallMakesTheNextOneIneligible() {
        VariableMap facts = eligibleFacts().putValue("earlierApplications", 1L);

        assertThat(onlyReason(facts, "ALREADY_APPLIED")).contains("{companyName}");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void submittedOneSecondAfterClosingIsIneligible() {
        VariableMap facts = eligibleFacts().putValue("submittedAt", CLOSING_AT.plusSeconds(1));

        assertThat(onlyReason(facts, "SUBMITTED_AFTER_CLOSING")).contains("{submittedAt}", "{closingAt}");
    }

    @Test
    @Deployment(resources = "processes/eligibility.dmn")
    void submittedInTheLastSecondBeforeClosingIsOnTime() {
        VariableMap facts = eligibleFacts().putValue("submittedAt", CLOSING_AT.minusSeconds(1));

        assertThat(failedRules(facts)).isEmpty();
    }

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of("declaresSmeStatus", "SME_DECLARATION_MISSING"),
                Arguments.of("declaresDeMinimis", "DE_MINIMIS_DECLARATION_MISSING"),
                Arguments.of("declaresNoDoubleFunding", "DOUBLE_FUNDING_DECLARATION_MISSING"),
                Arguments.of("declaresDataProtection", "DATA_PROTECTION_DECLARATION_MISSING"));
    }

    @ParameterizedTest(name = "{0} = false gives {1}")
    @MethodSource("declarations")
    @Deployment(resources = "processes/eligibility.dmn")
    void aDeclarationAnsweredNoMakesTheApplicationIneligible(String declaration, String code) {
        VariableMap facts = eligibleFacts().putValue(declaration, false);

        assertThat(onlyReason(facts, code)).isNotBlank().doesNotContain("{");
    }

    @ParameterizedTest(name = "{0} = null gives {1}")
    @MethodSource("declarations")
    @Deployment(resources = "processes/eligibility.dmn")
    void aDeclarationNotAnsweredMakesTheApplicationIneligible(String declaration, String code) {
        VariableMap facts = eligibleFacts().putValue(declaration, null);

        assertThat(onlyReason(facts, code)).isNotBlank().doesNotContain("{");
    }

    @Test
    void eachFactIsKeptWithItsKindAndWrittenTheReadersWay() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("aidLastThreeYears", new BigDecimal("1234567.5"));
        facts.put("staffHeadcount", new BigDecimal("1250"));
        facts.put("closingDate", LocalDate.of(2026, 12, 21));
        facts.put("closingAt", CLOSING_AT);
        facts.put("companyName", "Teixits Vallès SL");
        String template =
                "{companyName}: aid {aidLastThreeYears}, staff {staffHeadcount}, closing {closingDate} ({closingAt}).";

        String kept = EligibilityService.reason("TEST", template, facts).message();

        assertThat(testWords(Locale.ENGLISH, template).phrase(kept)).startsWith("Teixits Vallès SL: aid €1,234,567.50, "
                + "staff 1,250, closing 21 December 2026 (21 December 2026, 23:59 ");
        assertThat(testWords(Locale.forLanguageTag("es"), template).phrase(kept)).startsWith("Teixits Vallès SL: "
                + "aid 1.234.567,50\u00a0€, staff 1.250, closing 21 de diciembre de 2026 "
                + "(21 de diciembre de 2026, 23:59 ");
    }

    @Test
    void unknownPlaceholdersAreKeptAndMissingValuesReadAsNone() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("membershipValidUntil", null);
        String template = "Until {membershipValidUntil}; {noSuchFact} stays; $1 and \\ stay.";

        String kept = EligibilityService.reason("TEST", template, facts).message();

        assertThat(testWords(Locale.ENGLISH, template).phrase(kept))
                .isEqualTo("Until (none); {noSuchFact} stays; $1 and \\ stay.");
    }

    @Test
    void theNameOfAnAnonymisedCompanyIsGoneFromItsReasons() {
        Application application = new Application(1L, 2L, 1, "aei-textils", "marta.puig", CLOSING_AT.toInstant(),
                "Motivation", "Canada", "None yet", new BigDecimal("1500.00"), List.of(),
                new Declarations(true, true, true, true));
        application.recordAutomaticVerdict(List.of(EligibilityService.reason("ALREADY_APPLIED",
                "{companyName} has already applied to this call; a company can apply only once per call.",
                Map.of("companyName", "Teixits \"Vallès\" SL"))));

        application.anonymise(new Erasure(Map.of("marta.puig", "anonymised-user-2-1"),
                Map.of("Teixits \"Vallès\" SL", "Anonymised company 2")));

        assertThat(application.getEligibilityReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.message()).doesNotContain("Vallès");
            assertThat(words(Locale.forLanguageTag("ca")).phrase(reason.message())).isEqualTo("Anonymised company 2 "
                    + "ja ha presentat una sol·licitud a aquesta convocatòria; cada empresa només en pot presentar una "
                    + "per convocatòria.");
        });
    }

    /** The words of the application's bundles. */
    private static ViewWords words(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/phrases", "messages/staff-views");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return new ViewWords(messages, locale);
    }

    /** Words in which the reason TEST reads as this template in every language. */
    private static ViewWords testWords(Locale locale, String template) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("phrase.eligibility.TEST", locale, template);
        messages.addMessage("view.none", locale, "(none)");
        return new ViewWords(messages, locale);
    }
}
