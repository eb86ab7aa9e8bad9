package eu.clustercalls.reimbursement;

import static eu.clustercalls.reimbursement.ClaimFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.currency.Conversion;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.ViewWords;

/**
 * The computation, the flags for finance and the reasons an item is not eligible are kept once, as phrases, and
 * finance of a Catalan or a Spanish cluster reads every one of them in its language in "Verify claim", under each
 * reimbursement model; erasing a company removes its name from them.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
class ClaimLanguageTest {

    private static final Locale CATALAN = Locale.forLanguageTag("ca");
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    /** What a line kept in English began with; none may show to a Catalan or Spanish reader. */
    private static final List<String> ENGLISH = List.of("Capped at", "Eligible items", "Item 1 (", "Items 2", "Item 5:",
            "No receipt", "not reimbursed", "Dated ", "was used for", "Travel Terrassa", "Subsistence in", "Lump sum",
            "distance cannot", "§");

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimVerification verification;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    CompanyService companies;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    MessageSource messages;

    @Test
    void actualCostsTheirFlagsAndWhyItemsAreNotEligibleReadInCatalanAndInSpanish() {
        ClaimSetup.Participant first = setup.openClaim(new BigDecimal("2000"));
        byte[] ticket = ClaimFixtures.pdf("ticket " + Scenario.next());
        ExpenseClaim earlier = fixtures.submit(first.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "300.00", "EUR", first.call().getActivityStart(), "flight")),
                List.of(new Upload("flight", "ticket.pdf", ticket),
                        new Upload("boarding-pass", "pass.png", ClaimFixtures.png("pass " + Scenario.next()))));
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("1500"), form -> form.put("costsStand", false));
        LocalDate start = sme.call().getActivityStart();
        LocalDate end = sme.call().getActivityEnd();
        // NOK is set by this test only: a rate 19 days before the expense.
        rates.set(sme.cluster().verifier(), "NOK", start.minusDays(20), new BigDecimal("10.000000"), "Central bank");
        byte[] bill = ClaimFixtures.pdf("hotel " + Scenario.next());

        ExpenseClaim claim = fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "1200.00", "EUR", start.minusDays(1), "flight"),
                item(ExpenseCategory.ACCOMMODATION, "600.00", "EUR", start, "hotel"),
                item(ExpenseCategory.STAND, "500.00", "EUR", start, "stand"),
                item(ExpenseCategory.REGISTRATION_FEE, "100.00", "EUR", start.minusDays(3), null),
                item(ExpenseCategory.SUBSISTENCE, "500.00", "NOK", start.minusDays(1), "meals")),
                List.of(new Upload("flight", "flight.pdf", ticket.clone()), new Upload("hotel", "hotel.pdf", bill),
                        new Upload("stand", "stand.pdf", bill.clone()),
                        new Upload("meals", "meals.pdf", ClaimFixtures.pdf("meals " + Scenario.next())),
                        new Upload("boarding-pass", "pass.png", ClaimFixtures.png("pass " + Scenario.next()))));

        FormView catalan = viewIn(sme, "ca", claim);
        assertThat(lines(catalan, "computationText")).containsExactly(
                "- Despeses subvencionables: " + euros("1850", CATALAN) + " de " + euros("2450", CATALAN)
                        + " sol·licitats (2 despeses no subvencionables).",
                "- Limitat a l’ajut concedit: " + euros("1500", CATALAN) + ".");
        assertThat(lines(catalan, "flagsText")).containsExactly(
                "- Partida 1 (flight.pdf): el mateix justificant ja es va presentar amb " + earlier.reference() + ".",
                "- Les partides 2 i 3 porten el mateix fitxer de justificant.",
                "- Partida 5: s’ha fet servir el tipus de canvi de NOK del " + date(start.minusDays(20), CATALAN)
                        + " per a una despesa del " + date(start.minusDays(1), CATALAN)
                        + "; la taula no en té cap de més recent.");
        List<String> catalanItems = lines(catalan, "itemsText");
        assertThat(catalanItems.get(2))
                .endsWith("— NO SUBVENCIONABLE: Aquesta convocatòria no reemborsa les despeses d’estand.");
        assertThat(catalanItems.get(3)).endsWith("— NO SUBVENCIONABLE: Amb data " + date(start.minusDays(3), CATALAN)
                + ", fora de l’activitat (" + date(start, CATALAN) + " – " + date(end, CATALAN)
                + ") i dels 2 dies d’abans i de després. No s’hi ha adjuntat cap justificant.");
        assertNoEnglishIn(catalan);

        FormView spanish = viewIn(sme, "es", claim);
        assertThat(lines(spanish, "computationText")).containsExactly(
                "- Gastos subvencionables: " + euros("1850", SPANISH) + " de " + euros("2450", SPANISH)
                        + " solicitados (2 gastos no subvencionables).",
                "- Limitado a la ayuda concedida: " + euros("1500", SPANISH) + ".");
        assertThat(lines(spanish, "flagsText")).containsExactly(
                "- Partida 1 (flight.pdf): el mismo justificante ya se presentó con " + earlier.reference() + ".",
                "- Las partidas 2 y 3 llevan el mismo archivo de justificante.",
                "- Partida 5: se ha usado el tipo de cambio de NOK del " + date(start.minusDays(20), SPANISH)
                        + " para un gasto del " + date(start.minusDays(1), SPANISH)
                        + "; la tabla no tiene ningún tipo más reciente.");
        List<String> spanishItems = lines(spanish, "itemsText");
        assertThat(spanishItems.get(2))
                .endsWith("— NO SUBVENCIONABLE: Esta convocatoria no reembolsa los gastos de estand.");
        assertThat(spanishItems.get(3)).endsWith("— NO SUBVENCIONABLE: Con fecha " + date(start.minusDays(3), SPANISH)
                + ", fuera de la actividad (" + date(start, SPANISH) + " – " + date(end, SPANISH)
                + ") y de los 2 días anteriores y posteriores. No se ha adjuntado ningún justificante.");
        assertNoEnglishIn(spanish);

        // The same kept texts, read by an English cluster's finance, as they were always written.
        FormView english = viewIn(sme, "en", claim);
        assertThat(lines(english, "computationText")).containsExactly(
                "- Eligible items: €1,850.00 of €2,450.00 claimed (2 items not eligible).",
                "- Capped at the grant awarded: €1,500.00.");
        assertThat(lines(english, "itemsText").get(3)).endsWith("— NOT ELIGIBLE: Dated " + Formats.date(start.minusDays(3))
                + ", outside the activity (" + Formats.date(start) + " – " + Formats.date(end)
                + ") and the 2 days before and after it. No receipt attached.");
    }

    @Test
    void unitCostsAndAMissingLocationReadInCatalanAndInSpanish() {
        // Each claimed before the next participant's activity is over (the clock moves on to it).
        ClaimSetup.Participant located = unitCostClaim();
        ExpenseClaim oneDay = fixtures.submit(located.application(), ClaimFixtures.input(1));
        ClaimSetup.Participant unlocated = unitCostClaim();
        Company company = companies.get(unlocated.application().getCompanyId());
        companies.locate(company.getId(), null, null);
        ExpenseClaim threeDays = fixtures.submit(unlocated.application(), ClaimFixtures.input(3));
        int km = ClaimCalculator.distanceKm(Scenario.TERRASSA_LATITUDE.doubleValue(),
                Scenario.TERRASSA_LONGITUDE.doubleValue(), 45.5017, -73.5673);

        FormView catalanTravel = viewIn(located, "ca", oneDay);
        FormView catalanUnlocated = viewIn(unlocated, "ca", threeDays);
        assertThat(lines(catalanTravel, "computationText")).containsExactly(
                "- Viatge Terrassa – Montreal: " + km + " km, tram 4,000–7,999 km: " + euros("820", CATALAN) + ".",
                "- Manutenció a CA: 1 dia (de 5) × " + euros("180", CATALAN) + " = " + euros("180", CATALAN) + ".");
        assertThat(lines(catalanUnlocated, "computationText")).containsExactly(
                "- Manutenció a CA: 3 dies (de 5) × " + euros("180", CATALAN) + " = " + euros("540", CATALAN) + ".");
        assertThat(lines(catalanUnlocated, "flagsText")).containsExactly("- No es pot calcular la distància: no consta "
                + "la ubicació de l’empresa " + company.getLegalName() + ". No s’hi ha afegit cap import de viatge.");
        assertNoEnglishIn(catalanTravel);
        assertNoEnglishIn(catalanUnlocated);

        FormView spanishTravel = viewIn(located, "es", oneDay);
        FormView spanishUnlocated = viewIn(unlocated, "es", threeDays);
        assertThat(lines(spanishTravel, "computationText")).containsExactly(
                "- Viaje Terrassa – Montreal: " + km + " km, tramo 4,000–7,999 km: " + euros("820", SPANISH) + ".",
                "- Manutención en CA: 1 día (de 5) × " + euros("180", SPANISH) + " = " + euros("180", SPANISH) + ".");
        assertThat(lines(spanishUnlocated, "computationText")).containsExactly(
                "- Manutención en CA: 3 días (de 5) × " + euros("180", SPANISH) + " = " + euros("540", SPANISH) + ".");
        assertThat(lines(spanishUnlocated, "flagsText")).containsExactly("- No se puede calcular la distancia: no "
                + "consta la ubicación de " + company.getLegalName() + ". No se ha añadido ningún importe de viaje.");
        assertNoEnglishIn(spanishTravel);
        assertNoEnglishIn(spanishUnlocated);
    }

    @Test
    void aLumpSumCappedAtTheGrantReadsInCatalanAndInSpanish() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("1200"), form -> {
            form.put("reimbursementModel", "LUMP_SUM");
            form.put("activityType", "TRADE_FAIR");
        });

        ExpenseClaim claim = fixtures.submit(sme.application(), ClaimFixtures.input(5));

        FormView catalan = viewIn(sme, "ca", claim);
        assertThat(lines(catalan, "computationText")).containsExactly(
                "- Import a tant alçat per una fira comercial, amb justificant d’assistència: "
                        + euros("2000", CATALAN) + ".",
                "- Limitat a l’ajut concedit: " + euros("1200", CATALAN) + ".");
        assertNoEnglishIn(catalan);
        FormView spanish = viewIn(sme, "es", claim);
        assertThat(lines(spanish, "computationText")).containsExactly(
                "- Importe a tanto alzado por una feria comercial, con justificante de asistencia: "
                        + euros("2000", SPANISH) + ".",
                "- Limitado a la ayuda concedida: " + euros("1200", SPANISH) + ".");
        assertNoEnglishIn(spanish);
    }

    @Test
    void theLongestSetOfReasonsFitsItsColumnAndReadsInEachLanguage() {
        FundingCall call = scenario.publishedCall(scenario.cluster(), form -> form.put("costsRegistrationFee", false));
        LocalDate late = call.getActivityEnd().plusDays(30);

        String kept = ClaimService.ineligibility(call, ExpenseCategory.REGISTRATION_FEE, late, false);

        // expense_item.ineligible_reason is varchar(500) (V3).
        assertThat(kept.length()).isLessThanOrEqualTo(500);
        assertThat(kept.lines()).hasSize(3);
        ExpenseItem item = new ExpenseItem(1L, 0, ExpenseCategory.REGISTRATION_FEE, "Fee", late,
                new Conversion(new BigDecimal("90.00"), "EUR", BigDecimal.ONE, late, new BigDecimal("90.00")), null, kept);
        assertThat(item.ineligibleReason(new ViewWords(messages, Locale.ENGLISH))).isEqualTo("Dated "
                + Formats.date(late) + ", outside the activity (" + Formats.date(call.getActivityStart()) + " – "
                + Formats.date(call.getActivityEnd()) + ") and the 2 days before and after it. Registration fee costs "
                + "are not reimbursed by this call. No receipt attached.");
        assertThat(item.ineligibleReason(new ViewWords(messages, CATALAN))).isEqualTo("Amb data " + date(late, CATALAN)
                + ", fora de l’activitat (" + date(call.getActivityStart(), CATALAN) + " – "
                + date(call.getActivityEnd(), CATALAN) + ") i dels 2 dies d’abans i de després. Aquesta convocatòria "
                + "no reemborsa les quotes d’inscripció. No s’hi ha adjuntat cap justificant.");
    }

    @Test
    void erasingTheCompanyRemovesItsNameFromTheKeptFlag() {
        ClaimSetup.Participant sme = unitCostClaim();
        Company company = companies.get(sme.application().getCompanyId());
        companies.locate(company.getId(), null, null);
        fixtures.submit(sme.application(), ClaimFixtures.input(5));
        ExpenseClaim claim = fixtures.claimOf(sme.application());

        claim.anonymise(new Erasure(Map.of(), Map.of(company.getLegalName(), Company.anonymisedName(company.getId()),
                "Terrassa", Erasure.ERASED)));

        ViewWords english = new ViewWords(messages, Locale.ENGLISH);
        assertThat(claim.flags(english)).containsExactly("The distance cannot be computed: the location of "
                + Company.anonymisedName(company.getId()) + " is not recorded. No travel amount was added.");
        assertThat(claim.flags(new ViewWords(messages, CATALAN))).singleElement().asString()
                .contains("l’empresa " + Company.anonymisedName(company.getId()) + ".")
                .doesNotContain(company.getLegalName());
    }

    private ClaimSetup.Participant unitCostClaim() {
        return setup.openClaim(new BigDecimal("2000"), form -> form.put("reimbursementModel", "UNIT_COST_DISTANCE_BAND"));
    }

    /** "Verify claim" as the finance officers of the participant's cluster read it in that staff language. */
    private FormView viewIn(ClaimSetup.Participant participant, String language, ExpenseClaim claim) {
        organisations.useStaffLanguage(participant.cluster().id(), language);
        return verification.verificationView(claim.getId());
    }

    private static List<String> lines(FormView view, String field) {
        return ((String) view.texts().get(field)).lines().toList();
    }

    private static void assertNoEnglishIn(FormView view) {
        for (String field : List.of("computationText", "flagsText", "itemsText")) {
            assertThat((String) view.texts().get(field)).as(field).doesNotContain(ENGLISH);
        }
    }

    private static String euros(String amount, Locale locale) {
        return Formats.euros(new BigDecimal(amount), locale);
    }

    private static String date(LocalDate day, Locale locale) {
        return Formats.date(day, locale);
    }
}
