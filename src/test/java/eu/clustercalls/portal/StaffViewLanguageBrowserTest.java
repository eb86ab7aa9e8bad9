package eu.clustercalls.portal;

import static eu.clustercalls.reimbursement.ClaimFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.support.Formats;

/**
 * A Catalan cluster's finance officer reads "Verify claim" in Tasklist in Catalan: the items, the foreign item's rate
 * and its date, the documents and the amounts as Catalan writes them, whatever language the browser asks for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import({Scenario.class, ClaimFixtures.class, ClaimSetup.class})
@DirtiesContext
class StaffViewLanguageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    TaskService taskService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset(); // the claim opened after the activity: the engine's clock was moved past it
    }

    @Test
    void aCatalanClustersVerifyClaimReadsInCatalanInTasklist() throws Exception {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        organisations.useStaffLanguage(sme.cluster().id(), "ca");
        LocalDate day = sme.call().getActivityStart();
        rates.set(sme.cluster().verifier(), "ISK", day.minusDays(1), new BigDecimal("150.000000"), "Central bank");
        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.ACCOMMODATION, "15000", "ISK", day, "hotel"),
                item(ExpenseCategory.TRAVEL, "480.00", "EUR", day, "flight")));
        scenario.runJobs();
        Task verify = fixtures.task(sme.application(), ReimbursementProcess.TASK_VERIFY_CLAIM);
        String finance = sme.cluster().verifier();
        taskService.claim(verify.getId(), finance);
        Locale catalan = Locale.forLanguageTag("ca");

        try (Browser browser = Browser.open("http://localhost:" + port, "staff-view-catalan", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1600));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(finance, Scenario.PASSWORD);
            browser.visit("/camunda/app/tasklist/default/#/?task=" + verify.getId());
            WebElement link = browser.waitFor(d -> d.findElement(By.linkText("hotel.pdf")));
            assertThat(link.findElement(By.xpath("./ancestor::li[1]")).getText())
                    .startsWith("hotel.pdf — justificant de la partida 1, PDF, ");
            String page = browser.pageText();
            assertThat(page).contains("Partida 1: Allotjament, " + Formats.date(day, catalan),
                    shown(" a 150 ISK per euro (tipus de canvi del " + Formats.date(day.minusDays(1), catalan)
                            + ") = " + Formats.euros(new BigDecimal("100"), catalan)),
                    "justificant d’assistència, PNG",
                    shown("Costos reals fins al límit, ajut concedit " + Formats.euros(new BigDecimal("2000"), catalan)))
                    .doesNotContain("receipt of item", "per euro (rate of");
            browser.screenshot("verify-claim-catalan", 1280, 1600);
        }
    }

    /** As the browser's text reads: a no-break space (before "€") is a space there. */
    private static String shown(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
