package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

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
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.call.FundingCallRepository;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.ClusterOrganisationService;

/**
 * A call manager starts a funding call in Tasklist, in a real browser: the form comes pre-filled as the README
 * promises, says which required fields keep Start disabled, takes its dates day/month/year and says next to the
 * field and above Start that the call must close before the activity starts; started, the call is mailed to her.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class StartCallBrowserTest {

    private static final long FORM_DEBOUNCE_MILLIS = 600;
    private static final String CLOSE_BEFORE_ACTIVITY = "The call must close before the activity starts.";
    private static final String CLOSES_IN_PAST = "The closing date is in the past";

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    FundingCallRepository calls;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    ClusterOrganisationService organisations;

    @Test
    void aCallManagerSeesTheDefaultsWhatIsStillEmptyAndWhyAClosingDateAfterTheActivityCannotStart() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        String title = "Trade mission to São Paulo " + Scenario.next();

        try (Browser browser = Browser.open("http://localhost:" + port, "start-call", "en-US")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(cluster.manager(), Scenario.PASSWORD);
            browser.clickByScript(By.cssSelector(".start-process-action a"));
            browser.clickByScript(By.xpath("//a[normalize-space()='Funding call']"));
            browser.waitFor(d -> d.findElement(By.cssSelector(".fjs-form")));

            assertThat(value(browser, "Points for relevance of the target market")).isEqualTo("10");
            assertThat(value(browser, "Points for internationalisation readiness")).isEqualTo("10");
            assertThat(value(browser, "Points for the quality of the representation")).isEqualTo("5");
            assertThat(value(browser, "Threshold (points)")).isEqualTo("15");
            assertThat(value(browser, "Evaluators per application")).isEqualTo("2");
            assertThat(formText(browser)).contains("Business mission", "Actual costs up to the cap");
            assertThat(stillEmpty(browser)).as("what keeps Start disabled, said above it")
                    .contains("Title of the call, EU project, Destination city, Destination country, Activity starts on")
                    .doesNotContain("Type of activity", "Points for", "Threshold", "Evaluators per application");
            scrollIntoView(browser, startButton(browser));
            browser.screenshot("defaults-and-what-is-still-empty", 1280, 1000);

            type(browser, "Title of the call", title);
            type(browser, "EU project", "TEXGLOBAL");
            type(browser, "Destination city", "São Paulo");
            chooseCountry(browser, "Bra", "Brazil");
            type(browser, "Activity starts on", "14/09/2030");
            type(browser, "Activity ends on", "18/09/2030");
            type(browser, "Applications open on", "01/06/2030");
            type(browser, "Applications close on", "15/01/2020");
            browser.waitFor(d -> shown(browser, CLOSES_IN_PAST).size() == 2 ? true : null);
            assertThat(shown(browser, CLOSES_IN_PAST).get(0).getLocation().getY()
                    - field(browser, "Applications close on").getLocation().getY())
                    .as("said right below the closing date, not only by the server after Start").isBetween(0, 250);
            scrollIntoView(browser, shown(browser, CLOSES_IN_PAST).get(0));
            browser.screenshot("closing-date-in-the-past", 1280, 1000);
            type(browser, "Applications close on", "20/09/2030");
            browser.waitFor(d -> shown(browser, CLOSES_IN_PAST).isEmpty() ? true : null);
            type(browser, "Number of places", "3");
            type(browser, "Maximum grant per SME (EUR)", "2000");

            browser.waitFor(d -> shown(browser, CLOSE_BEFORE_ACTIVITY).size() == 2 ? true : null);
            assertThat(stillEmpty(browser)).as("nothing is left empty").isEmpty();
            WebElement nextToField = shown(browser, CLOSE_BEFORE_ACTIVITY).get(0);
            assertThat(nextToField.getLocation().getY() - field(browser, "Applications close on").getLocation().getY())
                    .as("the first message right below the closing date").isBetween(0, 200);
            scrollIntoView(browser, nextToField);
            browser.screenshot("closing-date-message-next-to-the-field", 1280, 1000);
            WebElement aboveStart = shown(browser, CLOSE_BEFORE_ACTIVITY).get(1);
            scrollIntoView(browser, aboveStart);
            browser.screenshot("closing-date-message-above-start", 1280, 1000);
            assertThat(aboveStart.isDisplayed()).isTrue();
            assertThat(startButton(browser).getLocation().getY() - aboveStart.getLocation().getY())
                    .as("the second message just above Start").isBetween(0, 400);

            // The server still refuses what the form says; the message is the same sentence.
            long callsBefore = calls.count();
            type(browser, "Applications close on", "31/07/2030");
            browser.waitFor(d -> shown(browser, CLOSE_BEFORE_ACTIVITY).isEmpty() ? true : null);
            browser.waitFor(d -> startButton(browser).isEnabled() ? true : null);
            browser.clickByScript(By.xpath("//button[normalize-space()='Start']"));
            browser.waitFor(d -> calls.count() > callsBefore ? true : null);
            browser.screenshot("started", 1280, 1000);
        }

        FundingCall call = calls.findAll().stream().filter(c -> title.equals(c.getTitle())).findFirst().orElseThrow();
        assertThat(call.getOpensOn()).hasToString("2030-06-01");
        assertThat(call.getDestinationCountry()).isEqualTo("BR");
        assertThat(call.getCriteria()).extracting(c -> c.maxPoints()).containsExactly(10, 10, 5);
        assertThat(notifications.findByEntityTypeAndEntityIdOrderById("FundingCall", call.reference()))
                .filteredOn(mail -> mail.getType().equals(NotificationType.CALL_DRAFTED.name()))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.getRecipient()).isEqualTo(cluster.manager());
                    assertThat(mail.getSubject()).contains(call.reference(), title);
                });
    }

    @Test
    void aCatalanClustersCallManagerStartsACallFromTheFormInCatalan() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        String title = "Missió comercial a Mont-real " + Scenario.next();

        try (Browser browser = Browser.open("http://localhost:" + port, "start-call-catalan", "en-US")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(cluster.manager(), Scenario.PASSWORD);
            browser.clickByScript(By.cssSelector(".start-process-action a"));
            browser.clickByScript(By.xpath("//a[normalize-space()='Funding call']"));
            browser.waitFor(d -> d.findElement(By.cssSelector(".fjs-form")));

            assertThat(value(browser, "Llindar (punts)")).isEqualTo("15");
            assertThat(formText(browser)).contains("Redactar una convocatòria d'ajuts", "Títol de la convocatòria",
                    "Missió comercial", "Despeses reals fins al límit", "Avaluadors per sol·licitud")
                    .doesNotContain("Title of the call", "Business mission", "Threshold");
            assertThat(stillEmpty(browser, "Encara buit"))
                    .contains("Títol de la convocatòria, Projecte europeu, Ciutat de destinació, País de destinació");
            browser.screenshot("catalan-start-form", 1280, 1000);

            type(browser, "Títol de la convocatòria", title);
            type(browser, "Projecte europeu", "TEXGLOBAL");
            type(browser, "Ciutat de destinació", "Mont-real");
            chooseCountry(browser, "País de destinació", "Cana", "Canadà");
            type(browser, "L'activitat comença el", "14/09/2030");
            type(browser, "L'activitat acaba el", "18/09/2030");
            type(browser, "Les sol·licituds s'obren el", "01/06/2030");
            type(browser, "Les sol·licituds es tanquen el", "20/09/2030");
            type(browser, "Nombre de places", "3");
            type(browser, "Ajut màxim per pime (EUR)", "2000");
            String closeBeforeActivity = "La convocatòria s'ha de tancar abans que comenci l'activitat.";
            browser.waitFor(d -> shown(browser, closeBeforeActivity).size() == 2 ? true : null);
            assertThat(stillEmpty(browser, "Encara buit")).isEmpty();
            scrollIntoView(browser, startButton(browser));
            browser.screenshot("catalan-start-form-closing-date-message", 1280, 1000);

            long callsBefore = calls.count();
            type(browser, "Les sol·licituds es tanquen el", "31/07/2030");
            browser.waitFor(d -> startButton(browser).isEnabled() ? true : null);
            browser.clickByScript(By.xpath("//button[normalize-space()='Start']"));
            browser.waitFor(d -> calls.count() > callsBefore ? true : null);
        }

        FundingCall call = calls.findAll().stream().filter(c -> title.equals(c.getTitle())).findFirst().orElseThrow();
        assertThat(call.getDestinationCountry()).isEqualTo("CA");
        assertThat(call.getOpensOn()).hasToString("2030-06-01");
    }

    @Test
    void theGroupsTasksListShowsEachTasksCompanyCallAndDueDate() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        Application application = scenario.apply(call, company, new BigDecimal("1500"));
        Company another = scenario.memberCompany(cluster);
        scenario.apply(call, another, new BigDecimal("1200"));
        scenario.runJobs();

        try (Browser browser = Browser.open("http://localhost:" + port, "task-list", "en-US")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(cluster.reviewer(), Scenario.PASSWORD);
            browser.clickByScript(By.xpath("//a[contains(normalize-space(), \"My group's tasks\")]"));
            WebElement entry = browser.waitFor(d -> d.findElements(By.cssSelector(".tasks-list li.task")).stream()
                    .filter(li -> li.getText().contains(company.getLegalName())).findFirst().orElse(null));
            browser.screenshot("group-tasks-with-company-call-and-due", 1280, 900);

            assertThat(entry.getText()).as("unfolded: the first two columns and the due date")
                    .contains("Review eligibility", "Company:\n" + company.getLegalName(), "Call:\n" + call.getTitle(),
                            "Due in 5 days");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()",
                    entry.findElement(By.cssSelector(".shutter")));
            browser.waitFor(d -> entry.getText().contains(call.reference()) ? true : null);
            assertThat(entry.getText()).contains("Application:\n" + application.reference(),
                    "Call reference:\n" + call.reference());
            browser.screenshot("group-tasks-unfolded", 1280, 900);

            // Typed in the search box, in lower case, and Enter: the company's task alone. Typed and Enter pressed
            // from the page's script, as the other fields here: headless Chromium takes no keystrokes in the webapps.
            WebElement search = browser.driver().findElement(By.cssSelector("[cam-widget-search] input.main-field"));
            assertThat(search.getAttribute("placeholder")).isEqualTo("Company, call or APP-n ↵");
            searchFor(browser, company.getLegalName().toLowerCase(java.util.Locale.ROOT));
            browser.waitFor(d -> tasksShown(browser).size() == 1 ? true : null);
            assertThat(tasksShown(browser).get(0)).contains(company.getLegalName());
            browser.screenshot("group-tasks-searched-by-company", 1280, 900);

            // A new search replaces the last one: the call's reference finds both applications' tasks.
            searchFor(browser, call.reference().toLowerCase(java.util.Locale.ROOT));
            browser.waitFor(d -> tasksShown(browser).size() == 2 ? true : null);
            assertThat(tasksShown(browser)).allSatisfy(task -> assertThat(task).contains(call.getTitle()))
                    .anySatisfy(task -> assertThat(task).contains(another.getLegalName()));
            browser.screenshot("group-tasks-searched-by-call-reference", 1280, 900);
        }
    }

    private static void searchFor(Browser browser, String text) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const box = document.querySelector('[cam-widget-search] input.main-field');
                box.focus();
                box.value = arguments[0];
                box.dispatchEvent(new Event('input', {bubbles: true}));
                box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 13, bubbles: true, cancelable: true}));
                """, text);
    }

    private static List<String> tasksShown(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".tasks-list li.task")).stream().map(WebElement::getText)
                .toList();
    }

    private static WebElement field(Browser browser, String label) {
        String quoted = label.contains("'") ? '"' + label + '"' : "'" + label + "'";
        WebElement labelElement = browser.waitFor(d -> d.findElement(By.xpath(
                "//label[starts-with(normalize-space(), " + quoted + ")]")));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    private static String value(Browser browser, String label) {
        return field(browser, label).getAttribute("value");
    }

    /**
     * Typed as the form's own input event handler reads it (headless Chromium takes no keystrokes here), then a pause
     * longer than form-js's debounce of typed text, which a quick next field would otherwise cut short.
     */
    private static void type(Browser browser, String label, String text) throws InterruptedException {
        WebElement input = field(browser, label);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus(); arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));"
                + "arguments[0].blur()", input, text);
        Thread.sleep(FORM_DEBOUNCE_MILLIS);
    }

    private static void chooseCountry(Browser browser, String typed, String country) throws InterruptedException {
        chooseCountry(browser, "Destination country", typed, country);
    }

    private static void chooseCountry(Browser browser, String label, String typed, String country)
            throws InterruptedException {
        WebElement input = field(browser, label);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus(); arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", input, typed);
        WebElement option = browser.waitFor(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(item -> item.getText().strip().equals(country)).findFirst().orElse(null));
        // The list takes its choice on mousedown.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))", option);
        Thread.sleep(FORM_DEBOUNCE_MILLIS);
    }

    private static WebElement startButton(Browser browser) {
        return browser.waitFor(d -> d.findElement(By.xpath("//button[normalize-space()='Start']")));
    }

    private static String formText(Browser browser) {
        return browser.driver().findElement(By.cssSelector(".fjs-form")).getText();
    }

    /** The still-empty list above Start, or "" once it is hidden. */
    private static String stillEmpty(Browser browser) {
        return stillEmpty(browser, "Still empty");
    }

    private static String stillEmpty(Browser browser, String heading) {
        return browser.driver().findElements(By.cssSelector(".fjs-form-field-text")).stream().map(WebElement::getText)
                .filter(text -> text.contains(heading)).findFirst().orElse("");
    }

    private static List<WebElement> shown(Browser browser, String message) {
        return browser.driver().findElements(By.cssSelector(".fjs-form-field-text")).stream()
                .filter(text -> text.getText().contains(message)).toList();
    }

    private static void scrollIntoView(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
