package eu.clustercalls.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.EligibilityService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyDetails;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.support.Formats;

/**
 * An application keeps the company's figures it was submitted and decided with: its eligibility review and the call's
 * audit pack show them after the company changed its figures; a new application is checked on the new ones.
 */
@ClusterCallsTest
class FiguresOfADecisionTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500.00");

    @Autowired
    Scenario scenario;
    @Autowired
    CompanyService companies;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AuditPack pack;

    @Test
    void anApplicationDecidedBeforeTheFiguresChangedShowsTheFiguresItWasDecidedOn() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        Application decided = scenario.apply(call, company, REQUESTED);
        scenario.confirmEligibility(cluster, decided);
        String summaryBefore = summary(decided);

        declareNotAnSme(company);

        String summaryAfter = summary(decided);
        assertThat(summaryAfter).isEqualTo(summaryBefore).contains("micro enterprise", "staff 8")
                .contains("(figures as declared on " + Formats.date(scenario.today()) + ")").doesNotContain("300");
        assertThat(applications.findById(decided.getId()).orElseThrow().getEligible()).isTrue();
        Element row = auditPackIndex(call).getElementById("figures-" + decided.reference());
        assertThat(row).isNotNull();
        assertThat(row.select("td").eachText()).containsSubsequence(decided.reference(), "8.00", "1200000.00",
                "900000.00").contains("micro enterprise").doesNotContain("300.00");
    }

    @Test
    void aNewApplicationIsCheckedOnTheNewFigures() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        Company company = scenario.memberCompany(cluster);
        Application earlier = scenario.apply(scenario.publishedCall(cluster), company, REQUESTED);

        declareNotAnSme(company);
        FundingCall call = scenario.publishedCall(cluster);
        Application later = scenario.apply(call, company, REQUESTED);
        scenario.runJobs();

        assertThat(applications.findById(earlier.getId()).orElseThrow().getFiguresRevision()).isEqualTo(1);
        Application checked = applications.findById(later.getId()).orElseThrow();
        assertThat(checked.getFiguresRevision()).isEqualTo(2);
        assertThat(checked.getAutoEligible()).isFalse();
        assertThat(checked.getEligibilityReasons()).extracting(reason -> reason.code())
                .contains("NOT_SME_HEADCOUNT");
        assertThat(summary(later)).contains("not an SME", "staff 300");
        assertThat(auditPackIndex(call).getElementById("figures-" + later.reference()).select("td").eachText())
                .contains("300.00", "not an SME");
    }

    /** 300 staff: no longer an SME. */
    private void declareNotAnSme(Company company) {
        Scenario.asPortalUser(Scenario.contactOf(company), () -> companies.update(Scenario.contactOf(company),
                company.getId(), new CompanyDetails(null, company.getCity(), company.getCountry(),
                        scenario.today().getYear() - 1, Scenario.figures(300, "60000000", "50000000"), List.of())));
    }

    private String summary(Application application) {
        return (String) eligibility.reviewView(application.getId()).texts().get("applicationSummary");
    }

    private org.jsoup.nodes.Document auditPackIndex(FundingCall call) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        pack.write(call, "monitor", zip);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("index.html")) {
                    return Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        throw new AssertionError("The audit pack has no index.html");
    }
}
