package eu.clustercalls.reimbursement;

import static eu.clustercalls.reimbursement.ClaimFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.ViewWords;

/**
 * What "Compute the eligible amount" stores on a submitted claim under each reimbursement model: the items in euros
 * with their eligibility, the amount with each step explained, and the flags for finance. Claims are submitted
 * through the service the portal calls; the process computes them at once.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
@ExtendWith(ProcessAssertions.class)
class ClaimComputationTest {

    private static final double MONTREAL_LATITUDE = 45.5017;
    private static final double MONTREAL_LONGITUDE = -73.5673;

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimService claims;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    CompanyService companies;
    @Autowired
    MessageSource messages;

    /** The stored texts as an English reader reads them. */
    private ViewWords english() {
        return new ViewWords(messages, Locale.ENGLISH);
    }

    private List<ExpenseItem> itemsOf(ExpenseClaim claim) {
        return claims.itemsOf(claim.getId());
    }

    private static String euros(String amount) {
        return Formats.euros(new BigDecimal(amount));
    }

    // --- actual costs up to the cap ---

    @Test
    void claimAboveTheGrantIsReimbursedAtTheGrant() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("1500"));
        LocalDate start = sme.call().getActivityStart();

        ExpenseClaim claim = fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "1200.00", "EUR", start.minusDays(1), "flight"),
                item(ExpenseCategory.ACCOMMODATION, "600.00", "EUR", start, "hotel")));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(computed.getId()).isEqualTo(claim.getId());
        assertThat(computed.getClaimedAmount()).isEqualByComparingTo("1800.00");
        // The grant awarded is the amount requested (1,500), below the call's maximum (2,000).
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("1500.00");
        assertThat(computed.computation(english())).containsExactly(
                "Eligible items: " + euros("1800") + " of " + euros("1800") + " claimed.",
                "Capped at the grant awarded: " + euros("1500") + ".");
        assertThat(itemsOf(computed)).extracting(ExpenseItem::isEligible).containsExactly(true, true);
        assertThat(computed.flags(english())).isEmpty();
    }

    @Test
    void claimBelowTheGrantIsReimbursedInFull() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate start = sme.call().getActivityStart();

        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "450.00", "EUR", start.minusDays(1), "flight"),
                item(ExpenseCategory.REGISTRATION_FEE, "300.55", "EUR", start, "fee")));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(computed.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("750.55");
        assertThat(computed.getClaimedAmount()).isEqualByComparingTo("750.55");
        assertThat(computed.computation(english()))
                .containsExactly("Eligible items: " + euros("750.55") + " of " + euros("750.55") + " claimed.");
        assertThat(computed.flags(english())).isEmpty();
    }

    // --- currencies ---

    @Test
    void foreignReceiptIsConvertedWithTheLatestRateOnOrBeforeItsDate() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate start = sme.call().getActivityStart();
        // GBP is set only by this test: one rate before the expense, one after it (which must not be used).
        rates.set(sme.cluster().verifier(), "GBP", start.minusDays(5), new BigDecimal("0.850000"), null);
        rates.set(sme.cluster().verifier(), "GBP", start.plusDays(1), new BigDecimal("0.900000"), null);

        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.ACCOMMODATION, "100.00", "GBP", start.minusDays(1), "hotel"),
                item(ExpenseCategory.TRAVEL, "200.00", "EUR", start.minusDays(1), "train")));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        List<ExpenseItem> items = itemsOf(computed);
        ExpenseItem pounds = items.get(0);
        assertThat(pounds.getAmount()).isEqualByComparingTo("100.00");
        assertThat(pounds.getCurrency()).isEqualTo("GBP");
        assertThat(pounds.getUnitsPerEuro()).isEqualByComparingTo("0.85");
        assertThat(pounds.getRateDate()).isEqualTo(start.minusDays(5));
        // 100 / 0.85 = 117.647…, rounded half up to the cent.
        assertThat(pounds.getAmountEur()).isEqualByComparingTo("117.65");
        ExpenseItem euro = items.get(1);
        assertThat(euro.getUnitsPerEuro()).isEqualByComparingTo("1");
        assertThat(euro.getAmountEur()).isEqualByComparingTo("200.00");
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("317.65");
        assertThat(computed.flags(english())).as("a rate four days old is recent enough").isEmpty();
    }

    @Test
    void seededRateMonthsBeforeTheExpenseIsUsedButFlaggedToFinance() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate expenseDay = sme.call().getActivityStart().minusDays(1);
        // The migration's newest USD rate: 1.1725 from 2 January 2026; the activity is months later.
        LocalDate seededDay = LocalDate.of(2026, 1, 2);

        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "980.00", "USD", expenseDay, "flight")));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        ExpenseItem dollars = itemsOf(computed).get(0);
        assertThat(dollars.getUnitsPerEuro()).isEqualByComparingTo("1.1725");
        assertThat(dollars.getRateDate()).isEqualTo(seededDay);
        // 980 / 1.1725 = 835.820…
        assertThat(dollars.getAmountEur()).isEqualByComparingTo("835.82");
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("835.82");
        assertThat(computed.flags(english())).containsExactly("Item 1: the USD rate of " + Formats.date(seededDay)
                + " was used for an expense of " + Formats.date(expenseDay) + "; the table has no newer rate.");
    }

    @Test
    void rateAWeekBeforeTheExpenseIsAcceptedAndAnOlderOneIsFlagged() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate start = sme.call().getActivityStart();
        LocalDate rateDay = start.minusDays(9);
        rates.set(sme.cluster().verifier(), "CHF", rateDay, new BigDecimal("0.930000"), null);

        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "93.00", "CHF", rateDay.plusDays(7), "train-out"),
                item(ExpenseCategory.TRAVEL, "186.00", "CHF", rateDay.plusDays(8), "train-back")));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(itemsOf(computed)).extracting(ExpenseItem::getRateDate, ExpenseItem::getAmountEur)
                .containsExactly(tuple(rateDay, new BigDecimal("100.00")), tuple(rateDay, new BigDecimal("200.00")));
        assertThat(computed.flags(english())).singleElement().asString().startsWith("Item 2: the CHF rate of ");
    }

    // --- eligibility of items ---

    @Test
    void expensesUpToTwoDaysAroundTheActivityAreEligibleAndThreeDaysAreNot() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        FundingCall call = sme.call();
        // Five days after the activity, so that an expense two and three days after it is not in the future.
        scenario.daysAfterActivity(call, 5);

        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "100.00", "EUR", call.getActivityStart().minusDays(3), "early"),
                item(ExpenseCategory.TRAVEL, "200.00", "EUR", call.getActivityStart().minusDays(2), "outbound"),
                item(ExpenseCategory.TRAVEL, "300.00", "EUR", call.getActivityEnd().plusDays(2), "return"),
                item(ExpenseCategory.TRAVEL, "400.00", "EUR", call.getActivityEnd().plusDays(3), "late")));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        List<ExpenseItem> items = itemsOf(computed);
        assertThat(items).extracting(ExpenseItem::isEligible).containsExactly(false, true, true, false);
        String window = "outside the activity (" + Formats.date(call.getActivityStart()) + " – "
                + Formats.date(call.getActivityEnd()) + ") and the 2 days before and after it.";
        assertThat(items.get(0).ineligibleReason(english()))
                .isEqualTo("Dated " + Formats.date(call.getActivityStart().minusDays(3)) + ", " + window);
        assertThat(items.get(3).ineligibleReason(english()))
                .isEqualTo("Dated " + Formats.date(call.getActivityEnd().plusDays(3)) + ", " + window);
        assertThat(items.get(1).ineligibleReason(english())).isNull();
        assertThat(computed.getClaimedAmount()).isEqualByComparingTo("1000.00");
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("500.00");
        assertThat(computed.computation(english()))
                .containsExactly("Eligible items: " + euros("500") + " of " + euros("1000") + " claimed (2 items not eligible).");
    }

    @Test
    void costsTheCallExcludesAndItemsWithoutReceiptAreIneligibleAndNotCounted() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"), form -> form.put("costsStand", false));
        LocalDate start = sme.call().getActivityStart();

        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.STAND, "500.00", "EUR", start, "stand"),
                item(ExpenseCategory.REGISTRATION_FEE, "300.00", "EUR", start, null),
                item(ExpenseCategory.TRAVEL, "700.00", "EUR", start.minusDays(1), "flight")));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        List<ExpenseItem> items = itemsOf(computed);
        assertThat(items).extracting(ExpenseItem::isEligible, item -> item.ineligibleReason(english())).containsExactly(
                tuple(false, "Stand costs are not reimbursed by this call."),
                tuple(false, "No receipt attached."),
                tuple(true, null));
        assertThat(items.get(1).getReceiptDocumentId()).isNull();
        assertThat(items).extracting(ExpenseItem::acceptedEur)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("700.00"));
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("700.00");
        assertThat(computed.computation(english())).singleElement().asString().endsWith("(2 items not eligible).");
    }

    // --- receipts handed in twice ---

    @Test
    void receiptAlreadyHandedInWithAnotherApplicationsClaimIsFlagged() {
        ClaimSetup.Participant first = setup.confirmed(new BigDecimal("2000"), form -> { });
        ClaimSetup.Participant second = setup.confirmed(new BigDecimal("2000"), form -> { });
        setup.activityOver(first);
        setup.activityOver(second);
        LocalDate day = first.call().getActivityStart();
        byte[] invoice = ClaimFixtures.pdf("Hotel Bonaventure invoice " + Scenario.next());

        ClaimInput firstInput = ClaimFixtures.input(5, item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", day, "hotel"));
        ExpenseClaim firstClaim = fixtures.submit(first.application(), firstInput, List.of(
                new Upload("hotel", "hotel.pdf", invoice), new Upload("boarding-pass", "pass.png", ClaimFixtures.png("a" + Scenario.next()))));
        ClaimInput secondInput = ClaimFixtures.input(5, item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", day, "room"));
        fixtures.submit(second.application(), secondInput, List.of(
                new Upload("room", "invoice-copy.pdf", invoice.clone()), new Upload("boarding-pass", "pass.png", ClaimFixtures.png("b" + Scenario.next()))));

        assertThat(fixtures.claimOf(first.application()).flags(english())).as("nothing to compare with yet").isEmpty();
        assertThat(fixtures.claimOf(second.application()).flags(english())).containsExactly("Item 1 (invoice-copy.pdf): "
                + "the same receipt was already handed in with " + firstClaim.reference() + ".");
        // Flagged for finance, not refused: the amount still counts until finance decides.
        assertThat(fixtures.claimOf(second.application()).getComputedAmount()).isEqualByComparingTo("450.00");
    }

    @Test
    void theSameFileOnSeveralItemsOfOneClaimIsFlagged() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate day = sme.call().getActivityStart();
        byte[] ticket = ClaimFixtures.pdf("Taxi ticket " + Scenario.next());

        // Two parts with the same bytes, and a third item naming the second part again.
        ClaimInput input = ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "40.00", "EUR", day, "taxi-1"),
                item(ExpenseCategory.TRAVEL, "40.00", "EUR", day.plusDays(1), "taxi-2"),
                item(ExpenseCategory.TRAVEL, "40.00", "EUR", day.plusDays(2), "taxi-2"));
        fixtures.submit(sme.application(), input, List.of(new Upload("taxi-1", "taxi.pdf", ticket),
                new Upload("taxi-2", "taxi (1).pdf", ticket.clone()),
                new Upload("boarding-pass", "pass.png", ClaimFixtures.png("pass " + Scenario.next()))));

        assertThat(fixtures.claimOf(sme.application()).flags(english())).containsExactly(
                "Items 1 and 2 carry the same receipt file.",
                "Items 1 and 3 carry the same receipt file.");
    }

    // --- unit costs by distance band ---

    private ClaimSetup.Participant unitCostClaim(String requested) {
        return setup.openClaim(new BigDecimal(requested),
                form -> form.put("reimbursementModel", "UNIT_COST_DISTANCE_BAND"));
    }

    private static int terrassaToMontrealKm() {
        return ClaimCalculator.distanceKm(Scenario.TERRASSA_LATITUDE.doubleValue(),
                Scenario.TERRASSA_LONGITUDE.doubleValue(), MONTREAL_LATITUDE, MONTREAL_LONGITUDE);
    }

    @Test
    void unitCostsPayTheDistanceBandAndSubsistenceForEachDayAttended() {
        ClaimSetup.Participant sme = unitCostClaim("2000");

        fixtures.submit(sme.application(), ClaimFixtures.input(5));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        int km = terrassaToMontrealKm();
        assertThat(km).isBetween(4000, 7999);
        assertThat(computed.computation(english())).containsExactly(
                "Travel Terrassa – Montreal: " + km + " km, band 4,000–7,999 km: " + euros("820") + ".",
                "Subsistence in CA: 5 days × " + euros("180") + " = " + euros("900") + ".");
        // 820 for the band plus 5 × 180 for Canada.
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("1720.00");
        assertThat(computed.flags(english())).isEmpty();
    }

    @Test
    void fewerDaysAttendedArePaidFewerSubsistenceDays() {
        ClaimSetup.Participant sme = unitCostClaim("2000");

        fixtures.submit(sme.application(), ClaimFixtures.input(3));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(computed.computation(english())).contains(
                "Subsistence in CA: 3 days (of 5) × " + euros("180") + " = " + euros("540") + ".");
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("1360.00");
    }

    @Test
    void unitCostsAboveTheGrantArePaidUpToTheGrant() {
        ClaimSetup.Participant sme = unitCostClaim("1000");

        fixtures.submit(sme.application(), ClaimFixtures.input(5));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("1000.00");
        assertThat(computed.computation(english())).last().isEqualTo("Capped at the grant awarded: " + euros("1000") + ".");
    }

    @Test
    void companyWithoutLocationIsFlaggedAndGetsNoTravelAmount() {
        ClaimSetup.Participant sme = unitCostClaim("2000");
        Company company = companies.get(sme.application().getCompanyId());
        companies.locate(company.getId(), null, null);

        fixtures.submit(sme.application(), ClaimFixtures.input(5));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(computed.flags(english())).containsExactly("The distance cannot be computed: the location of "
                + company.getLegalName() + " is not recorded. No travel amount was added.");
        assertThat(computed.computation(english())).noneMatch(line -> line.startsWith("Travel"));
        assertThat(computed.getComputedAmount()).as("subsistence only").isEqualByComparingTo("900.00");
    }

    // --- lump sum ---

    @Test
    void lumpSumPaysTheAmountOfTheActivityType() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"),
                form -> form.put("reimbursementModel", "LUMP_SUM"));

        // No expenses: the lump sum is paid on proof of attendance.
        fixtures.submit(sme.application(), ClaimFixtures.input(5));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("1500.00");
        assertThat(computed.computation(english()))
                .containsExactly("Lump sum for a business mission on proof of attendance: " + euros("1500") + ".");
    }

    @Test
    void lumpSumAboveTheGrantIsPaidUpToTheGrant() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("1200"), form -> {
            form.put("reimbursementModel", "LUMP_SUM");
            form.put("activityType", "TRADE_FAIR");
        });

        fixtures.submit(sme.application(), ClaimFixtures.input(5));

        ExpenseClaim computed = fixtures.claimOf(sme.application());
        assertThat(computed.computation(english())).containsExactly(
                "Lump sum for a trade fair on proof of attendance: " + euros("2000") + ".",
                "Capped at the grant awarded: " + euros("1200") + ".");
        assertThat(computed.getComputedAmount()).isEqualByComparingTo("1200.00");
    }

    // --- great-circle distance ---

    @Test
    void distanceBetweenBarcelonaAndMontrealIsTheGreatCircleDistance() {
        // Haversine on the mean Earth radius: 5,898 km.
        assertThat(ClaimCalculator.distanceKm(41.3874, 2.1686, MONTREAL_LATITUDE, MONTREAL_LONGITUDE))
                .isBetween(5880, 5910);
        // The textbook check: London – New York, 5,570 km.
        assertThat(ClaimCalculator.distanceKm(51.5072, -0.1276, 40.7128, -74.0060)).isBetween(5560, 5580);
    }

    @Test
    void distanceIsSymmetricZeroForTheSamePointAndCutToWholeKilometres() {
        assertThat(ClaimCalculator.distanceKm(41.3874, 2.1686, 41.3874, 2.1686)).isZero();
        assertThat(ClaimCalculator.distanceKm(45.5017, -73.5673, 41.3874, 2.1686))
                .isEqualTo(ClaimCalculator.distanceKm(41.3874, 2.1686, 45.5017, -73.5673));
        // Half the circumference (20,015.1 km), cut down.
        assertThat(ClaimCalculator.distanceKm(0, 0, 0, 180)).isEqualTo(20015);
        // Barcelona – Terrassa, 23 km: the short 10–99 km band.
        assertThat(ClaimCalculator.distanceKm(41.3874, 2.1686, 41.5631, 2.0089)).isEqualTo(23);
    }
}
