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
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;

/**
 * Staff at work in Tasklist, in a real browser: what a form can check itself it says next to the field, in plain
 * words and never in the engine's; the evaluator sees the total of her scores against the call's threshold as she
 * scores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class TasklistRefusalBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    TaskService taskService;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    CallService calls;

    @Test
    void anOverrideWithoutAReasonOrWithSpacesIsRefusedNextToTheReasonInPlainWords() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        taskService.claim(review.getId(), cluster.reviewer());

        try (Browser browser = Browser.open("http://localhost:" + port, "tasklist-refusals", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1400));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(cluster.reviewer(), Scenario.PASSWORD);
            browser.visit("/camunda/app/tasklist/default/#/?task=" + review.getId());
            browser.clickByScript(By.xpath("//label[normalize-space()='Override the automatic verdict']/input[@type='radio']"));
            WebElement reason = browser.waitFor(d -> d.findElement(By.xpath(
                    "//div[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(), 'Reason for the override')]]//textarea")));
            String spaces = "Spaces alone are not a reason: please write why the automatic verdict does not apply.";
            assertThat(bodyText(browser)).as("nothing said before anything is typed").doesNotContain(spaces);

            complete(browser);
            browser.waitFor(d -> bodyText(browser).contains("Field is required.") ? true : null);
            browser.screenshot("override-without-reason", 1280, 1400);
            assertThat(bodyText(browser)).doesNotContain("ENGINE-");
            assertThat(notificationCoversComplete(browser)).as("the notification leaves the Complete button free")
                    .isFalse();

            type(browser, reason, "   ");
            browser.waitFor(d -> bodyText(browser).contains(spaces) ? true : null);
            complete(browser);
            browser.screenshot("override-with-only-spaces", 1280, 1400);
            assertThat(bodyText(browser)).contains(spaces).doesNotContain("ENGINE-", "Cannot submit task form");
            assertThat(browser.driver().getPageSource()).doesNotContain("ENGINE-");

            type(browser, reason, "The SME showed its staff register after the automatic check.");
            browser.waitFor(d -> bodyText(browser).contains(spaces) ? null : true);
            complete(browser);
            browser.waitFor(d -> taskService.createTaskQuery().taskId(review.getId()).count() == 0 ? true : null);
        }
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .as("decided once a reason was given").isNotEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void theEvaluatorSeesTheRunningTotalAgainstTheThresholdWhileScoring() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, new BigDecimal("1500"));
        scenario.runJobs();
        String evaluator = scenario.evaluatorsOf(application).get(0);
        Task evaluation = scenario.evaluationTask(application, evaluator);
        String threshold = call.getScoreThreshold().stripTrailingZeros().toPlainString();

        try (Browser browser = Browser.open("http://localhost:" + port, "tasklist-running-total", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1400));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(evaluator, Scenario.PASSWORD);
            browser.visit("/camunda/app/tasklist/default/#/?task=" + evaluation.getId());
            browser.waitFor(d -> bodyText(browser).contains("0 = not shown at all") ? true : null);
            browser.clickByScript(By.xpath(
                    "//label[normalize-space()='I have no conflict of interest with this applicant']/input[@type='radio']"));
            browser.waitFor(d -> bodyText(browser).contains("Running total: 0 of " + call.maxScore()) ? true : null);

            type(browser, score(browser, "Relevance of the target market"), "7");
            browser.waitFor(d -> bodyText(browser).contains("Running total: 7 of " + call.maxScore()) ? true : null);
            assertThat(bodyText(browser)).contains("The threshold for selection is " + threshold + " points: this total is below it.")
                    .as("the conflict's own note stays hidden without a conflict").doesNotContain("Spaces alone");
            browser.screenshot("running-total-7", 1280, 1400);

            type(browser, score(browser, "Internationalisation readiness"), "8");
            type(browser, score(browser, "Quality of the company"), "4");
            browser.waitFor(d -> bodyText(browser).contains("Running total: 19 of " + call.maxScore()) ? true : null);
            assertThat(bodyText(browser)).contains("this total reaches it.").doesNotContain("ENGINE-");
            browser.screenshot("running-total-19", 1280, 1400);
        }
    }

    @Test
    void aDrafterWhoClaimsTheReviewOfHerOwnCallReadsWhyInPlainWords() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        String instance = scenario.draftCall(cluster.manager(), scenario.callForm());
        Task review = scenario.reviewTask(instance);
        FundingCall draft = calls.get(scenario.callId(instance));

        try (Browser browser = Browser.open("http://localhost:" + port, "tasklist-own-review", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(cluster.manager(), Scenario.PASSWORD);
            browser.visit("/camunda/app/tasklist/default/#/?task=" + review.getId());
            browser.clickByScript(By.xpath("//button[normalize-space()='Claim']"));
            String why = "You drafted " + draft.reference() + " yourself; another call manager must review and publish it.";
            browser.waitFor(d -> bodyText(browser).contains(why) ? true : null);
            browser.screenshot("claim-own-review", 1280, 1000);
            assertThat(bodyText(browser)).doesNotContain("ENGINE-", "unauthorized", "Spaces alone");
        }
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    }

    private static WebElement score(Browser browser, String criterion) {
        return browser.waitFor(d -> d.findElement(By.xpath("//div[contains(@class,'fjs-form-field')]"
                + "[.//label[starts-with(normalize-space(), '" + criterion + "')]]//input")));
    }

    /** Types as the page's script sees typing (chromedriver's keystrokes did not reach Tasklist's fields). */
    private static void type(Browser browser, WebElement field, String text) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus(); arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", field, text);
    }

    private static void complete(Browser browser) {
        browser.clickByScript(By.xpath("//button[normalize-space()='Complete']"));
    }

    /** Whether a notification is shown over the form's Complete button (their boxes on screen intersect). */
    private static boolean notificationCoversComplete(Browser browser) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".page-notifications .alert")).isEmpty() ? null : true);
        return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript("""
                const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Complete');
                const b = button.getBoundingClientRect();
                return [...document.querySelectorAll('.page-notifications .alert')].some(note => {
                  const n = note.getBoundingClientRect();
                  return n.left < b.right && b.left < n.right && n.top < b.bottom && b.top < n.bottom;
                });""");
    }

    private static String bodyText(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
