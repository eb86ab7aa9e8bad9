package eu.clustercalls.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestComponent;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.security.Roles;

/**
 * One call (3 places of up to €2,000, budget €6,000) whose six applications went different ways, built once for
 * the dashboard's tests:
 * <ul>
 * <li>paid: €2,000 requested, selected, confirmed, claimed €1,250, paid;</li>
 * <li>claimed: €1,500, selected, confirmed, its claim waits for finance ("Verify claim");</li>
 * <li>declined: €1,800, selected, declined its place;</li>
 * <li>promoted: €1,000, on the reserve list, promoted to the declined place, not confirmed yet;</li>
 * <li>weak: €900, scored below the threshold, not selected (its company's name starts with "=");</li>
 * <li>notAnSme: €700, found not eligible.</li>
 * </ul>
 */
@TestComponent
class DashboardScenario {

    static final String QUOTED_NAME = "Teixits \"La Fàbrica\", SL";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"x\") SL";

    record Built(Scenario.Cluster cluster, FundingCall call, Application paid, Application claimed,
            Application declined, Application promoted, Application weak, Application notAnSme) {
    }

    private static Built built;

    private final Scenario scenario;
    private final ClaimFixtures claims;
    private final CompanyService companies;

    DashboardScenario(Scenario scenario, ClaimFixtures claims, CompanyService companies) {
        this.scenario = scenario;
        this.claims = claims;
        this.companies = companies;
    }

    synchronized Built call() {
        if (built == null) {
            try {
                built = build();
            } finally {
                ClockUtil.reset();
            }
        }
        return built;
    }

    /** A call manager of a cluster of their own. */
    String otherClustersManager() {
        return scenario.cluster().manager();
    }

    String admin() {
        return scenario.user("admin-" + Scenario.next(), Roles.ADMIN);
    }

    private Built build() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application paid = evaluated(cluster, call, member(cluster, QUOTED_NAME), "2000", 22, 22);
        Application claimed = scenario.evaluatedApplication(cluster, call, new BigDecimal("1500"), 20, 20);
        Application declined = scenario.evaluatedApplication(cluster, call, new BigDecimal("1800"), 18, 18);
        Application promoted = scenario.evaluatedApplication(cluster, call, new BigDecimal("1000"), 16, 16);
        Application weak = evaluated(cluster, call, member(cluster, FORMULA_NAME), "900", 10, 10);
        Company large = scenario.company(Scenario.figures(300, "40000000", "30000000"), List.of());
        companies.recordMembership(large.getId(), cluster.id(), "M-" + large.getId(), LocalDate.of(2015, 1, 1), null);
        Application notAnSme = scenario.apply(call, large, new BigDecimal("700"));
        scenario.confirmEligibility(cluster, notAnSme);

        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        scenario.answerParticipation(paid, true, null);
        scenario.answerParticipation(claimed, true, null);
        scenario.answerParticipation(declined, false, "Our sales manager cannot travel on those dates.");
        scenario.runJobs();

        scenario.activityOver(call, paid);
        scenario.runJobsOf(claimed.getProcessInstanceId());
        for (Application participant : List.of(paid, claimed)) {
            claims.submit(participant, ClaimFixtures.input(3,
                    ClaimFixtures.item(ExpenseCategory.TRAVEL, "800.00", "EUR", call.getActivityStart().minusDays(1), "flight"),
                    ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel")));
        }
        claims.verify(cluster.verifier(), paid, "APPROVE", null, null);
        claims.decidePayment(cluster.approver(), paid, "APPROVE", null);
        scenario.runJobsOf(claims.claimOf(paid).getProcessInstanceId());
        scenario.runJobsOf(paid.getProcessInstanceId());
        return new Built(cluster, call, paid, claimed, declined, promoted, weak, notAnSme);
    }

    private Application evaluated(Scenario.Cluster cluster, FundingCall call, Company company, String amount,
            int... totals) {
        Application application = scenario.apply(call, company, new BigDecimal(amount));
        scenario.confirmEligibility(cluster, application);
        scenario.evaluateWithTotals(application, totals);
        return application;
    }

    /** A member micro enterprise of that name, with a contact user of its own. */
    private Company member(Scenario.Cluster cluster, String legalName) {
        int n = Scenario.next();
        Company company = companies.register(legalName, String.format("ESB%07d9", n), "ES", "Terrassa", "13.20",
                Scenario.figures(8, "1200000", "900000"), List.of());
        companies.locate(company.getId(), Scenario.TERRASSA_LATITUDE, Scenario.TERRASSA_LONGITUDE);
        companies.addContact(company.getId(), scenario.user("sme-" + n, Roles.SME));
        companies.recordMembership(company.getId(), cluster.id(), "M-" + company.getId(), LocalDate.of(2020, 1, 1), null);
        return companies.get(company.getId());
    }
}
