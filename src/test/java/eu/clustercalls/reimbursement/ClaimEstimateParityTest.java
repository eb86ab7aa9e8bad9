package eu.clustercalls.reimbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.portal.Browser;

/**
 * The claim page's running estimate (claim.js, run in headless Chromium with the rules the page renders) and the
 * service's computation (the eligibility of each item, the conversion of the rate table and ClaimCalculator) give the
 * same total and eligible amount, to the cent, on one table of cases.
 */
@ClusterCallsTest
class ClaimEstimateParityTest {

    private static final Path CLAIM_JS = Path.of("src/main/resources/static/portal/assets/claim.js");

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimEstimate estimate;
    @Autowired
    ClaimCalculator calculator;
    @Autowired
    ExchangeRateService rates;

    /** One expense row as typed: the receipt is there or not. */
    record Row(ExpenseCategory category, LocalDate date, String amount, String currency, boolean receipt) {
    }

    /** A case and, where the table fixes it, the eligible amount both must give (null: as the rates give it). */
    record Case(String name, FundingCall call, BigDecimal grant, List<Row> rows, String expected) {
    }

    @Test
    void theEstimateOfThePageAndTheServicesComputationAgreeToTheCent() throws IOException {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall actualCosts = scenario.publishedCall(cluster, form -> form.put("costsStand", false));
        FundingCall lumpSum = scenario.publishedCall(cluster, form -> form.put("reimbursementModel", "LUMP_SUM"));
        LocalDate start = actualCosts.getActivityStart();
        LocalDate end = actualCosts.getActivityEnd();
        // A rate that changes during the activity: each expense takes the rate on or before its date.
        rates.set(cluster.verifier(), "HUF", start.minusDays(30), new BigDecimal("395.123457"), null);
        rates.set(cluster.verifier(), "HUF", start.plusDays(1), new BigDecimal("401.2"), null);
        BigDecimal grant = new BigDecimal("1500.00");

        List<Case> cases = List.of(
                new Case("first day of the window", actualCosts, grant,
                        List.of(row(ExpenseCategory.TRAVEL, start.minusDays(2), "300.00", "EUR")), "300.00"),
                new Case("last day of the window", actualCosts, grant,
                        List.of(row(ExpenseCategory.TRAVEL, end.plusDays(2), "280.55", "EUR")), "280.55"),
                new Case("the day before the window", actualCosts, grant,
                        List.of(row(ExpenseCategory.TRAVEL, start.minusDays(3), "300.00", "EUR"),
                                row(ExpenseCategory.ACCOMMODATION, start, "120.10", "EUR")), "120.10"),
                new Case("the day after the window", actualCosts, grant,
                        List.of(row(ExpenseCategory.TRAVEL, end.plusDays(3), "300.00", "EUR"),
                                row(ExpenseCategory.ACCOMMODATION, end, "99.99", "EUR")), "99.99"),
                new Case("an excluded category", actualCosts, grant,
                        List.of(row(ExpenseCategory.STAND, start, "800.00", "EUR"),
                                row(ExpenseCategory.REGISTRATION_FEE, start, "250.00", "EUR")), "250.00"),
                new Case("a foreign currency at two rates", actualCosts, grant,
                        List.of(row(ExpenseCategory.ACCOMMODATION, start, "123456.78", "HUF"),
                                row(ExpenseCategory.SUBSISTENCE, start.plusDays(1), "98765.43", "HUF"),
                                row(ExpenseCategory.SUBSISTENCE, end, "7.00", "HUF")), null),
                new Case("no receipt", actualCosts, grant,
                        List.of(new Row(ExpenseCategory.TRAVEL, start, "410.00", "EUR", false),
                                row(ExpenseCategory.ACCOMMODATION, start, "200.00", "EUR")), "200.00"),
                new Case("above the cap", actualCosts, grant,
                        List.of(row(ExpenseCategory.TRAVEL, start.minusDays(1), "1200.00", "EUR"),
                                row(ExpenseCategory.ACCOMMODATION, start, "456789.12", "HUF")), "1500.00"),
                new Case("a lump sum", lumpSum, grant,
                        List.of(row(ExpenseCategory.TRAVEL, start, "95.00", "EUR")), null),
                new Case("a lump sum above the grant", lumpSum, new BigDecimal("400.00"),
                        List.of(row(ExpenseCategory.TRAVEL, start, "95.00", "EUR")), "400.00"));

        try (Browser browser = Browser.open("", "claim-estimate-parity", "en")) {
            browser.driver().get("about:blank");
            String script = Files.readString(CLAIM_JS);
            for (Case c : cases) {
                ClaimCalculator.Result service = service(c);
                @SuppressWarnings("unchecked")
                Map<String, Object> page = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(
                        script + "\nreturn claimEstimate(JSON.parse(arguments[0]), arguments[1]);",
                        estimate.rules(c.call(), c.grant()), c.rows().stream().map(row -> Map.of(
                                "category", row.category().name(), "date", row.date().toString(),
                                "cents", new BigDecimal(row.amount()).movePointRight(2).longValueExact(),
                                "currency", row.currency(), "receipt", row.receipt())).toList());

                assertThat(((Number) page.get("total")).longValue()).as(c.name() + ": the total")
                        .isEqualTo(cents(service.claimed()));
                assertThat(((Number) page.get("eligible")).longValue()).as(c.name() + ": the eligible amount")
                        .isEqualTo(cents(service.amount()));
                if (c.expected() != null) {
                    assertThat(service.amount()).as(c.name()).isEqualByComparingTo(c.expected());
                }
            }
        }
    }

    /** The service's rule: each item converted and judged as ClaimService stores it, then ClaimCalculator. */
    private ClaimCalculator.Result service(Case c) {
        List<ExpenseItem> items = new ArrayList<>();
        for (Row row : c.rows()) {
            items.add(new ExpenseItem(null, items.size(), row.category(), "Expense", row.date(),
                    rates.toEuros(new BigDecimal(row.amount()), row.currency(), row.date()).orElseThrow(),
                    row.receipt() ? 1L : null, ClaimService.ineligibility(c.call(), row.category(), row.date(),
                            row.receipt())));
        }
        return calculator.compute(c.call(), null, c.grant(), c.call().activityDays(), items);
    }

    private static Row row(ExpenseCategory category, LocalDate date, String amount, String currency) {
        return new Row(category, date, amount, currency, true);
    }

    private static long cents(BigDecimal euros) {
        return euros.movePointRight(2).longValueExact();
    }
}

