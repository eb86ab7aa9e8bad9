package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
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
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplyCommand;
import eu.clustercalls.application.Declarations;
import eu.clustercalls.application.Participant;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.support.FormView;

/**
 * Tasklist in a real browser shows a task's form from the task's view: the longest motivation an SME may send, full
 * of markup and addresses, reads as typed, without a tag or a live link; and completing the form sends its fields,
 * not the view. The engine has its default name, as Tasklist's address names it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class TasklistFormBrowserTest {

    private static final String MARKUP = "R&D <b>*_[]()#| https://evil.example/pay www.evil.example boss@evil.example ";

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationService applicationService;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void theReviewFormShowsTheLongestMotivationAsTypedWithoutLinksAndSendsOnlyItsFields() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        String motivation = MARKUP.repeat(ApplyCommand.MOTIVATION_MAX / MARKUP.length() + 1)
                .substring(0, ApplyCommand.MOTIVATION_MAX - 1) + "x";
        Application application = applicationService.apply(call.getId(), Scenario.contactOf(company), new ApplyCommand(
                null, motivation, "Canada", "Exports to France.", new BigDecimal("1500.00"),
                List.of(new Participant("Marta Puig", "Export manager")), new Declarations(true, true, true, true)));
        scenario.runJobs();
        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        // Claimed beforehand: Tasklist shows the form anew once it is claimed there, dropping what was chosen.
        taskService.claim(review.getId(), cluster.reviewer());

        try (Browser browser = Browser.open("http://localhost:" + port, "tasklist-form", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1600));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(cluster.reviewer(), Scenario.PASSWORD);
            browser.visit("/camunda/app/tasklist/default/#/?task=" + review.getId());
            WebElement motivationText = browser.waitFor(d -> d.findElements(By.cssSelector(".fjs-form-field-text"))
                    .stream().filter(text -> textOf(browser, text).startsWith("Motivation")).findFirst().orElse(null));

            assertThat(textOf(browser, motivationText)).as("the motivation as typed").isEqualTo("Motivation\n" + motivation);
            assertThat(motivationText.findElements(By.cssSelector("*"))).extracting(WebElement::getTagName)
                    .as("the elements of the text: our own markdown only").containsExactly("p", "strong", "p");
            assertThat(browser.all(".fjs-form-field-text a")).as("links in the form's texts").isEmpty();
            browser.screenshot("review-form", 1280, 1600);

            assertThat(browser.waitFor(d -> d.findElement(By.xpath("//li[contains(., 'Company:')]"))).getText())
                    .as("the task in My tasks, with the filter's first columns")
                    .contains(company.getLegalName(), call.getTitle());
            browser.clickByScript(By.xpath("//label[normalize-space()='Confirm the automatic verdict']/input[@type='radio']"));
            browser.clickByScript(By.xpath("//button[normalize-space()='Complete']"));
            browser.waitFor(d -> taskService.createTaskQuery().taskId(review.getId()).count() == 0 ? true : null);
        }

        assertThat(applications.findById(application.getId()).orElseThrow().getEligible()).isTrue();
        assertThat(historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).variableName(FormView.VARIABLE).count())
                .as("the view never came back as a variable of the process").isZero();
    }



    /** The text as the page holds it, shown or not. */
    private static String textOf(Browser browser, WebElement element) {
        return ((String) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].textContent", element))
                .strip();
    }
}
