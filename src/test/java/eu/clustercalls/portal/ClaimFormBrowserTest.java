package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ExpenseClaim;

/**
 * An SME claims its costs on a phone, in Catalan: a refused claim says every problem at once next to its field and
 * keeps the files that passed, so only the mistakes are corrected; a draft saved before signing out is finished after
 * signing in again. Screenshots of every step are under target/portal-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import({Scenario.class, ClaimFixtures.class, ClaimSetup.class})
@DirtiesContext
class ClaimFormBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimService claims;
    @Autowired
    DocumentService documents;

    @AfterEach
    void resetClock() {
        ClockUtil.reset(); // the claim opened after the activity: the engine's clock was moved past it
    }

    @Test
    void aRefusedClaimSaysEveryProblemInCatalanAtOnceAndKeepsItsGoodFiles() throws Exception {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        String applicant = scenario.applicantOf(sme.application());
        Path flight = file("flight", ".pdf", ClaimFixtures.pdf("flight " + Scenario.next()));
        Path pass = file("pass", ".png", ClaimFixtures.png("pass " + Scenario.next()));
        Path fake = file("fake", ".pdf", "not a pdf at all".getBytes(StandardCharsets.US_ASCII));

        try (Browser browser = Browser.open(root(), "claim-refused-in-catalan", "ca")) {
            signIn(browser, applicant);
            browser.visit(claimPath(sme) + "?lang=ca");
            browser.choose("item0Category", "TRAVEL");
            browser.type("item0Description", "Vol Barcelona – Montreal");
            browser.setDate("item0Date", scenario.today().plusDays(3));
            browser.type("item0Amount", "450,00");
            browser.attach("item0Receipt", flight);
            browser.find("attendanceProof").sendKeys(pass.toAbsolutePath() + "\n" + fake.toAbsolutePath());
            browser.type("daysAttended", "99");
            browser.type("missionReport", "Ens vam reunir amb quatre compradors.");
            browser.type("iban", ClaimFixtures.SME_IBAN);
            browser.type("accountHolder", "Empresa de prova SL");
            browser.screenshot("filled-in");
            browser.click("submit-claim");

            browser.waitFor(d -> d.findElement(By.id("error-summary")));
            browser.screenshot("refused");
            assertThat(browser.text("item0Date-error")).isEqualTo("Despesa 1: la data d’una despesa no pot ser futura.");
            assertThat(browser.text("attendanceProof-error")).startsWith("fake.pdf no és un fitxer PDF, JPEG o PNG");
            assertThat(browser.text("daysAttended-error")).startsWith("Dies d’assistència: indiqueu un nombre de dies de l’1 al");
            assertThat(browser.text("error-summary")).contains("Despesa 1: la data d’una despesa no pot ser futura.",
                    "fake.pdf no és un fitxer PDF", "Dies d’assistència").doesNotContain("Please", "Expense", "§");
            browser.assertErrorsTiedToFields();
            // The good files are kept and said so; the estimate counts the kept receipt.
            assertThat(browser.pageText()).contains(flight.getFileName() + " està desat",
                    pass.getFileName() + " està desat").doesNotContain(fake.getFileName() + " està desat");
            assertThat(browser.text("eligible-total")).contains("450,00");

            // Only the mistakes are corrected; no file is attached again.
            browser.setDate("item0Date", sme.call().getActivityStart());
            browser.type("daysAttended", "3");
            browser.click("submit-claim");
            browser.waitFor(d -> browser.path().endsWith("?claimed"));
            browser.screenshot("accepted");
        }
        ExpenseClaim claim = fixtures.claimOf(sme.application());
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(documents.ofClaim(claim.getId())).extracting(file -> file.getFileName())
                .containsExactlyInAnyOrder(flight.getFileName().toString(), pass.getFileName().toString());
    }

    @Test
    void aDraftSavedBeforeSigningOutIsFinishedAfterSigningInAgain() throws Exception {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        String applicant = scenario.applicantOf(sme.application());
        Path flight = file("flight", ".pdf", ClaimFixtures.pdf("flight " + Scenario.next()));
        Path pass = file("pass", ".png", ClaimFixtures.png("pass " + Scenario.next()));

        try (Browser browser = Browser.open(root(), "claim-draft-in-catalan", "ca")) {
            signIn(browser, applicant);
            browser.visit(claimPath(sme) + "?lang=ca");
            browser.choose("item0Category", "TRAVEL");
            browser.type("item0Description", "Vol Barcelona – Montreal");
            browser.type("item0Amount", "450,00");
            browser.attach("item0Receipt", flight);
            browser.click("save-draft");
            browser.waitFor(d -> d.findElement(By.id("draft-saved")));
            browser.screenshot("draft-saved");
            assertThat(fixtures.claimOf(sme.application()).getStatus()).isEqualTo(ClaimStatus.OPEN);

            browser.signOut();
            signIn(browser, applicant);
            browser.visit(claimPath(sme) + "?lang=ca");
            assertThat(browser.find("item0Description").getAttribute("value")).isEqualTo("Vol Barcelona – Montreal");
            assertThat(browser.find("item0Amount").getAttribute("value")).isEqualTo("450,00");
            assertThat(browser.text("item0Receipt-kept")).contains(flight.getFileName() + " està desat");
            browser.screenshot("draft-reopened");

            browser.setDate("item0Date", sme.call().getActivityStart());
            browser.attach("attendanceProof", pass);
            browser.type("daysAttended", "3");
            browser.type("missionReport", "Ens vam reunir amb quatre compradors.");
            browser.type("iban", ClaimFixtures.SME_IBAN);
            browser.type("accountHolder", "Empresa de prova SL");
            browser.click("submit-claim");
            browser.waitFor(d -> browser.path().endsWith("?claimed"));
            browser.screenshot("draft-sent");
        }
        assertThat(fixtures.claimOf(sme.application()).getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claims.draftOf(applicant, sme.application().getId())).isEmpty();
    }

    private static Path file(String name, String suffix, byte[] content) throws Exception {
        Path file = Files.createTempDirectory("claim-files").resolve(name + suffix);
        Files.write(file, content);
        return file;
    }

    private static String claimPath(ClaimSetup.Participant sme) {
        return "/portal/applications/" + sme.application().getId() + "/claim";
    }

    private void signIn(Browser browser, String username) {
        browser.visit("/portal/sign-in");
        browser.type("username", username);
        browser.type("password", Scenario.PASSWORD);
        browser.find("password").submit();
        browser.waitFor(d -> !browser.path().startsWith("/portal/sign-in"));
    }

    private String root() {
        return "http://localhost:" + port;
    }
}
