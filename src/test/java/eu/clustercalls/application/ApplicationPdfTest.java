package eu.clustercalls.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.PdfText;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.support.Formats;

/**
 * The PDF of the application as submitted holds its answers, declarations, participants and requested amount, with
 * the submission's day, time and zone, the company and the call, in the language asked for.
 */
@ClusterCallsTest
class ApplicationPdfTest {

    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationPdf pdf;
    @Autowired
    ClusterCallsProperties properties;

    @Test
    void theEnglishPdfHoldsEveryAnswerAndWhenItWasSubmitted() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        Application application = applications.apply(call.getId(), Scenario.contactOf(company),
                Scenario.applyCommand(new BigDecimal("1500"), new Declarations(true, true, false, true)));

        String text = PdfText.of(pdf.render(application, Locale.ENGLISH));

        assertThat(text).contains("Application " + application.reference() + " as submitted")
                .contains(company.getLegalName()).contains(call.getTitle()).contains(cluster.name())
                .contains("We want to meet Canadian buyers of technical textiles.").contains("Canada")
                .contains("Exports to France and Italy.").contains("Marta Puig — Export manager")
                .contains("€1,500.00")
                .contains(Formats.dateTime(application.getSubmittedAt().atZone(properties.timeZone()), Locale.UK))
                .contains("[Declared] I declare that my company is a small or medium-sized enterprise")
                .contains("[Not declared] I declare that the costs of this activity are not");
    }

    @Test
    void theCatalanPdfSpeaksCatalanAndKeepsTheAnswersAsTyped() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = applications.apply(call.getId(), Scenario.contactOf(scenario.memberCompany(cluster)),
                Scenario.applyCommand(new BigDecimal("1200")));
        Locale catalan = Locale.forLanguageTag("ca");

        String text = PdfText.of(pdf.render(application, catalan));

        assertThat(text).contains("Sol·licitud " + application.reference() + " tal com es va presentar")
                .contains("Mercats objectiu").contains("We want to meet Canadian buyers of technical textiles.")
                .contains(Formats.euros(new BigDecimal("1200"), catalan))
                .contains(Formats.dateTime(application.getSubmittedAt().atZone(properties.timeZone()), catalan));
    }
}
