package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.FundingCall;

/**
 * A call manager in Cockpit goes from an application's instance to its eligibility decision, which Cockpit's own
 * decision list cannot find by the application's reference; another cluster's manager cannot follow the address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class CockpitDecisionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;

    @Test
    void aManagerOpensTheEligibilityDecisionFromTheApplicationsInstanceInCockpit() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));
        scenario.runJobs();
        String link = "/staff/applications/" + application.reference() + "/eligibility-decision";

        try (Browser browser = Browser.open("http://localhost:" + port, "cockpit-decision", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.visit("/camunda/app/cockpit/default/");
            browser.signInToWebapp(cluster.manager(), Scenario.PASSWORD);
            browser.visit("/camunda/app/cockpit/default/#/process-instance/" + application.getProcessInstanceId()
                    + "/runtime");
            browser.clickByScript(By.xpath("//a[normalize-space()='Eligibility decision']"));
            String href = browser.waitFor(d -> d.findElement(By.cssSelector("a.clustercalls-decision-link")))
                    .getAttribute("href");
            assertThat(href).isEqualTo("http://localhost:" + port + link);
            browser.screenshot("instance-tab", 1280, 900);

            browser.clickByScript(By.cssSelector("a.clustercalls-decision-link"));
            browser.waitFor(d -> d.getCurrentUrl().contains("#/decision-instance/") ? true : null);
            String inputs = browser.waitFor(d -> d.findElements(By.xpath("//td[normalize-space()='Application']"))
                    .stream().findFirst().map(cell -> cell.findElement(By.xpath("./ancestor::tr[1]")).getText())
                    .orElse(null));
            assertThat(inputs).as("the decision's input row naming the application").contains(application.reference());
            browser.screenshot("decision-instance", 1280, 900);

            browser.visit("/camunda/app/cockpit/default/");
            browser.clickByScript(By.cssSelector("[cam-widget-header] .account .dropdown-toggle"));
            browser.clickByScript(By.xpath("//a[normalize-space()='Log out' or normalize-space()='Sign out']"));
            browser.waitFor(d -> d.findElement(By.cssSelector("form[name=signinForm]")));
            browser.signInToWebapp(scenario.cluster().manager(), Scenario.PASSWORD);
            browser.visit(link);
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .isEqualTo("There is no application " + application.reference() + " that you may see.");
        }
    }
}
