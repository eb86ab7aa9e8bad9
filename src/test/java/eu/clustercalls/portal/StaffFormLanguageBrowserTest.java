package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.organisation.ClusterOrganisationService;

/**
 * A reviewer of a Catalan cluster works in Catalan in Tasklist: the eligibility review's labels, choices and
 * descriptions are the cluster's language, whatever language her browser asks for, and the form still completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class StaffFormLanguageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    TaskService taskService;
    @Autowired
    ApplicationRepository applications;

    @Test
    void aCatalanClustersReviewerReviewsEligibilityInCatalan() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        taskService.claim(review.getId(), cluster.reviewer());

        try (Browser browser = Browser.open("http://localhost:" + port, "tasklist-catalan-review", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1400));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(cluster.reviewer(), Scenario.PASSWORD);
            browser.visit("/camunda/app/tasklist/default/#/?task=" + review.getId());
            browser.waitFor(d -> bodyText(browser).contains("La vostra decisió") ? true : null);
            assertThat(bodyText(browser)).contains("Sol·licitud " + application.reference(), "Mercats objectiu",
                    "Veredicte automàtic:", "Confirmar el veredicte automàtic", "Demanar un aclariment a la pime")
                    .doesNotContain("Your decision", "Target markets", "Override the automatic verdict", "{{");

            browser.clickByScript(By.xpath("//label[normalize-space()='Modificar el veredicte automàtic']"
                    + "/input[@type='radio']"));
            browser.waitFor(d -> bodyText(browser).contains("Motiu de la modificació") ? true : null);
            assertThat(bodyText(browser)).contains(
                    "Expliqueu per què el veredicte automàtic no s’aplica a aquesta sol·licitud.");
            browser.screenshot("catalan-review-override", 1280, 1400);

            browser.clickByScript(By.xpath("//label[normalize-space()='Confirmar el veredicte automàtic']"
                    + "/input[@type='radio']"));
            browser.clickByScript(By.xpath("//button[normalize-space()='Complete']"));
            browser.waitFor(d -> taskService.createTaskQuery().taskId(review.getId()).count() == 0 ? true : null);
        }
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .as("the Catalan form's decision went through the engine's door").isNotEqualTo(ApplicationStatus.IN_REVIEW);
    }

    private static String bodyText(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
