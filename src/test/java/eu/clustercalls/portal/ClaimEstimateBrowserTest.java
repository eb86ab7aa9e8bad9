package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;

/**
 * The claim page's running estimate at a phone's width: an expense dated after the activity's journey home is not
 * counted as eligible, as the service would not count it; and after a refusal the re-rendered form shows the estimate
 * of its values at once, not nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import({Scenario.class, ClaimFixtures.class, ClaimSetup.class})
@DirtiesContext
class ClaimEstimateBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup setup;

    @AfterEach
    void resetClock() {
        ClockUtil.reset(); // the claim opened after the activity: the engine's clock was moved past it
    }

    @Test
    void anExpenseAfterTheJourneyHomeIsNotEligibleAndARefusedFormKeepsItsEstimate() throws Exception {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate end = sme.call().getActivityEnd();
        String user = scenario.applicantOf(sme.application());
        Path receipt = Files.createTempFile("receipt", ".pdf");
        Files.write(receipt, ClaimFixtures.pdf("Hotel Montreal " + Scenario.next()));

        try (Browser browser = Browser.open("http://localhost:" + port, "claim-estimate", "en")) {
            browser.visit("/portal/sign-in");
            browser.type("username", user);
            browser.type("password", Scenario.PASSWORD);
            browser.find("password").submit();
            browser.waitFor(d -> !browser.path().startsWith("/portal/sign-in"));
            browser.visit("/portal/applications/" + sme.application().getId() + "/claim");

            browser.choose("item0Category", "ACCOMMODATION");
            browser.type("item0Description", "Hotel, last night");
            browser.type("item0Amount", "850.40");
            browser.choose("item0Currency", "EUR");
            browser.attach("item0Receipt", receipt);
            browser.setDate("item0Date", end.plusDays(3));
            browser.waitFor(d -> browser.text("eligible-total").contains("Eligible, estimated: €0.00."));
            assertThat(browser.text("eligible-total")).contains("Total of your expenses: €850.40.",
                    "are not eligible: 1.");
            browser.screenshot("after-the-journey-home");

            browser.setDate("item0Date", end.plusDays(2));
            browser.waitFor(d -> browser.text("eligible-total").contains("Eligible, estimated: €850.40."));
            browser.assertFitsPhoneWidth();
            browser.screenshot("last-day-of-the-journey-home");

            browser.type("daysAttended", "5");
            browser.type("missionReport", "We met six buyers in Montreal.");
            browser.type("iban", "ES00 0000 0000 0000 0000 0000");
            browser.type("accountHolder", "Test Company SL");
            browser.click("submit-claim");
            browser.waitFor(d -> browser.find("error-summary").isDisplayed());
            assertThat(browser.text("eligible-total")).as("computed on load from the re-rendered values")
                    .contains("Total of your expenses: €850.40.");
            browser.screenshot("refused-and-re-rendered");
        }
    }
}
