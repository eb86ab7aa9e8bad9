package eu.clustercalls.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;

/**
 * The eligibility reviewer's form reads in the cluster's staff language, the reasons of the automatic verdict too; what
 * the SME typed stays as typed.
 */
@ClusterCallsTest
class EligibilityReviewViewTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500.00");

    @Autowired
    Scenario scenario;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    CompanyService companies;

    @Test
    void aCatalanClustersReviewerReadsTheVerdictAndClarificationInCatalan() {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        scenario.askForClarification(cluster, application, "Which trade fairs did you attend?");

        FormView view = eligibility.reviewView(application.getId());

        assertThat(view.texts()).containsEntry("autoVerdict", "admissible")
                .containsEntry("autoReasons", "Es compleixen tots els requisits d’admissibilitat.")
                .containsEntry("lastQuestion", "Which trade fairs did you attend?")
                .containsEntry("lastAnswer", "Pendent de resposta.");
        assertThat((String) view.texts().get("lastQuestionAsked")).startsWith("Preguntat per " + cluster.reviewer() + " el ");
        assertThat((String) view.texts().get("applicationSummary")).contains("**Convocatòria:** ", "**Mida:** ",
                "plantilla", "**Import sol·licitat:** " + Formats.euros(REQUESTED, Locale.forLanguageTag("ca")));
    }

    @Test
    void aCatalanClustersReviewerReadsWhyTheApplicationFailsInCatalan() {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        FundingCall call = scenario.publishedCall(cluster);
        LocalDate membershipEnds = scenario.today().plusDays(10);
        Application application = scenario.apply(call, leavingAndAided(cluster, membershipEnds), REQUESTED);

        FormView view = eligibility.reviewView(application.getId());

        Locale catalan = Locale.forLanguageTag("ca");
        assertThat(view.texts()).containsEntry("autoReasons", "- L’afiliació a " + cluster.name() + " acaba el dia "
                + Formats.date(membershipEnds, catalan) + ", abans de la data de tancament ("
                + Formats.date(call.closingDate(scenario.zone()), catalan) + "); aquesta convocatòria només està "
                + "oberta a les empreses sòcies.\n"
                + "- Els ajuts de minimis de 299.000,00\u00a0€ dels darrers tres anys, més els 1.500,00\u00a0€ "
                + "sol·licitats, superen el límit de 300.000,00\u00a0€.");
    }

    @Test
    void aSpanishClustersReviewerReadsWhyTheApplicationFailsInSpanish() {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "es");
        FundingCall call = scenario.publishedCall(cluster);
        LocalDate membershipEnds = scenario.today().plusDays(10);
        Application application = scenario.apply(call, leavingAndAided(cluster, membershipEnds), REQUESTED);

        FormView view = eligibility.reviewView(application.getId());

        Locale spanish = Locale.forLanguageTag("es");
        assertThat(view.texts()).containsEntry("autoReasons", "- La afiliación a " + cluster.name() + " termina el "
                + Formats.date(membershipEnds, spanish) + ", antes de la fecha de cierre ("
                + Formats.date(call.closingDate(scenario.zone()), spanish) + "); esta convocatoria solo está "
                + "abierta a las empresas socias.\n"
                + "- Las ayudas de minimis de 299.000,00\u00a0€ de los últimos tres años, más los 1.500,00\u00a0€ "
                + "solicitados, superan el límite de 300.000,00\u00a0€.");
    }

    /** A member whose membership ends before the call closes and whose earlier aid leaves no room for this grant. */
    private Company leavingAndAided(Cluster cluster, LocalDate membershipEnds) {
        Company company = scenario.company(Scenario.figures(8, "1200000", "900000"), List.of());
        companies.recordMembership(company.getId(), cluster.id(), "M-" + company.getId(), LocalDate.of(2020, 1, 1),
                membershipEnds);
        companies.recordDeclaredAid(company.getId(), scenario.today().minusMonths(8), new BigDecimal("299000"),
                "Generalitat de Catalunya");
        return company;
    }

    @Test
    void anEnglishClustersReviewerReadsThemInEnglish() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        scenario.askForClarification(cluster, application, "Which trade fairs did you attend?");

        FormView view = eligibility.reviewView(application.getId());

        assertThat(view.texts()).containsEntry("autoVerdict", "eligible")
                .containsEntry("autoReasons", "Every eligibility rule is met.")
                .containsEntry("lastAnswer", "Awaiting the answer.");
        assertThat((String) view.texts().get("lastQuestionAsked")).startsWith("Asked by " + cluster.reviewer() + " on ");
        assertThat((String) view.texts().get("applicationSummary")).contains("**Call:** ", "**Size:** ",
                "**Requested:** €1,500.00");
    }
}
