package eu.clustercalls.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;

/**
 * An evaluator's form reads in the cluster's staff language: the rubric with what each level means, the total and the
 * threshold. The criteria keep the names the call manager gave them.
 */
@ClusterCallsTest
class EvaluationViewLanguageTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500.00");

    @Autowired
    Scenario scenario;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    ClusterOrganisationService organisations;

    @Test
    void aCatalanClustersEvaluatorReadsTheRubricLevelsInCatalan() {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);

        FormView view = evaluations.evaluationView(application.getId());

        assertThat((String) view.texts().get("rubric")).contains(
                "- **Relevance of the target market**: de 0 a 10 punts. 0 = no s’acredita gens; 5 = s’acredita en part; "
                        + "10 = plenament convincent.",
                "- **Quality of the company's representation**: de 0 a 5 punts. 0 = no s’acredita gens; "
                        + "2 = s’acredita en part; 5 = plenament convincent.",
                "Total sobre 25; llindar 15.")
                .doesNotContain("points", "Total out of");
        assertThat((String) view.texts().get("applicationSummary")).contains("**Convocatòria:** ", "**Sol·licitant:** ",
                "**Mida:** ", "**Import sol·licitat:** " + Formats.euros(REQUESTED, Locale.forLanguageTag("ca")));
    }

    @Test
    void anEnglishClustersEvaluatorReadsTheRubricLevelsInEnglish() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);

        FormView view = evaluations.evaluationView(application.getId());

        assertThat((String) view.texts().get("rubric")).contains(
                "- **Relevance of the target market**: 0 to 10 points. 0 = not shown at all; 5 = shown in part; "
                        + "10 = fully convincing.",
                "Total out of 25; threshold 15.",
                "The call's rubric gives each criterion its maximum only");
        assertThat((String) view.texts().get("applicationSummary")).contains("**Requested:** €1,500.00");
    }
}
