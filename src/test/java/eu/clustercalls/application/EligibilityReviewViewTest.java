package eu.clustercalls.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;

/** The eligibility reviewer's form reads in the cluster's staff language; what the SME typed stays as typed. */
@ClusterCallsTest
class EligibilityReviewViewTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500.00");

    @Autowired
    Scenario scenario;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    ClusterOrganisationService organisations;

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
