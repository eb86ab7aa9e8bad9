package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
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
import eu.clustercalls.organisation.ClusterOrganisationService;

/**
 * A reviewer of a Catalan cluster works in Catalan in Tasklist: the eligibility review's labels, choices and
 * descriptions are the cluster's language, whatever language her browser asks for, and the form still completes.
 * What Tasklist and form-js say of themselves in English only reaches her in Catalan too (the Tasklist script
 * clustercalls/staff-language.js): the message under a field left empty or of spaces alone, and the notice of a form
 * that was not sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class StaffFormLanguageBrowserTest {

    private static final String REASON_FIELD = "//div[contains(@class,'fjs-form-field')]"
            + "[.//label[starts-with(normalize-space(), 'Motiu de la modificació')]]";

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
        Scenario.Cluster cluster = catalanCluster();
        Application application = scenario.apply(scenario.publishedCall(cluster), scenario.memberCompany(cluster),
                new BigDecimal("1500"));
        Task review = claimedReview(cluster, application);

        try (Browser browser = reviewOpened(cluster, review, "tasklist-catalan-review")) {
            browser.waitFor(d -> bodyText(browser).contains("La vostra decisió") ? true : null);
            assertThat(bodyText(browser)).contains("Sol·licitud " + application.reference(), "Mercats objectiu",
                    "Veredicte automàtic:", "Confirmar el veredicte automàtic", "Demanar un aclariment a la pime")
                    .doesNotContain("Your decision", "Target markets", "Override the automatic verdict", "{{");
            // The search box's hint comes from the same one read of the staff language as the form's texts.
            browser.waitFor(d -> "Empresa, convocatòria o APP-n ↵".equals(browser.driver()
                    .findElement(By.cssSelector("[cam-widget-search] input.main-field")).getAttribute("placeholder"))
                    ? true : null);

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

    @Test
    void aCatalanClustersReviewerReadsWhatTheFormRefusesInCatalan() throws Exception {
        Scenario.Cluster cluster = catalanCluster();
        Task review = claimedReview(cluster, scenario.apply(scenario.publishedCall(cluster),
                scenario.memberCompany(cluster), new BigDecimal("1500")));

        try (Browser browser = reviewOpened(cluster, review, "tasklist-catalan-validation")) {
            browser.clickByScript(By.xpath("//label[normalize-space()='Modificar el veredicte automàtic']"
                    + "/input[@type='radio']"));
            WebElement reason = browser.waitFor(d -> d.findElement(By.xpath(REASON_FIELD + "//textarea")));

            browser.clickByScript(By.xpath("//button[normalize-space()='Complete']"));
            browser.waitFor(d -> errorUnderReason(browser).equals("Aquest camp és obligatori.") ? true : null);
            browser.waitFor(d -> bodyText(browser).contains("No s’ha pogut enviar el formulari de la tasca") ? true : null);
            browser.screenshot("catalan-reason-required", 1280, 1400);
            assertThat(bodyText(browser)).doesNotContain("Field is required.",
                    "An error happened while submitting the task form");

            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus(); arguments[0].value = '   ';"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", reason);
            browser.waitFor(d -> errorUnderReason(browser)
                    .equals("Escriviu almenys un caràcter que no sigui un espai.") ? true : null);
            browser.screenshot("catalan-reason-spaces", 1280, 1400);
            assertThat(bodyText(browser)).doesNotContain("Field must have minimum length", "Field is required.");
        }
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("nothing was sent").isEqualTo(1);
    }

    private Scenario.Cluster catalanCluster() {
        Scenario.Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        return cluster;
    }

    private Task claimedReview(Scenario.Cluster cluster, Application application) {
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        taskService.claim(review.getId(), cluster.reviewer());
        return review;
    }

    /** The review open in Tasklist for its reviewer, in a browser asking for English. */
    private Browser reviewOpened(Scenario.Cluster cluster, Task review, String screenshots) throws Exception {
        Browser browser = Browser.open("http://localhost:" + port, screenshots, "en");
        browser.driver().manage().window().setSize(new Dimension(1280, 1400));
        browser.visit("/camunda/app/tasklist/default/");
        browser.signInToWebapp(cluster.reviewer(), Scenario.PASSWORD);
        browser.visit("/camunda/app/tasklist/default/#/?task=" + review.getId());
        return browser;
    }

    /** The message form-js writes under the reason's field, empty while there is none. */
    private static String errorUnderReason(Browser browser) {
        return browser.driver().findElements(By.xpath(REASON_FIELD + "//*[contains(@class,'fjs-form-field-error')]"))
                .stream().map(WebElement::getText).map(String::strip).findFirst().orElse("");
    }

    private static String bodyText(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
