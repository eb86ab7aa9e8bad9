package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.FundingCall;

/**
 * An SME withdraws its application in a real browser at a phone's width, in Catalan: the page offers it, the
 * confirmation step says what it means and takes a reason, a too long reason is refused next to its field, and the
 * page then reads withdrawn. Screenshots under target/portal-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class WithdrawalBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationRepository applications;

    @Test
    void anSmeWithdrawsItsApplicationOnAPhoneInCatalan() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));
        String sme = scenario.applicantOf(application);
        String page = "/portal/applications/" + application.getId();

        try (Browser browser = Browser.open("http://localhost:" + port, "withdrawal-in-catalan", "ca")) {
            browser.visit("/portal/sign-in");
            browser.type("username", sme);
            browser.type("password", Scenario.PASSWORD);
            browser.find("password").submit();
            browser.waitFor(d -> !browser.path().startsWith("/portal/sign-in"));

            browser.visit(page);
            browser.assertFitsPhoneWidth();
            browser.click("withdraw-open");
            browser.waitFor(d -> browser.path().equals(page + "/withdraw"));
            assertThat(browser.text("withdraw-consequences")).contains("Si la retireu");
            browser.assertEveryFieldLabelled();
            browser.assertFitsPhoneWidth();
            browser.screenshot("withdraw-confirmation");

            // The textarea's maxlength stops a person typing more; a forged long reason is refused all the same.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('withdraw-reason').removeAttribute('maxlength')");
            browser.type("withdraw-reason", "x".repeat(2001));
            browser.click("withdraw-confirm");
            browser.waitFor(d -> browser.find("withdraw-reason-error").isDisplayed());
            assertThat(browser.text("withdraw-reason-error")).contains("El motiu pot tenir com a màxim");
            browser.assertErrorsTiedToFields();
            assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                    .isEqualTo(ApplicationStatus.IN_REVIEW);
            browser.screenshot("withdraw-reason-too-long");

            browser.type("withdraw-reason", "Hem canviat de plans.");
            browser.click("withdraw-confirm");
            browser.waitFor(d -> browser.path().equals(page + "?withdrawn"));
            assertThat(browser.text("withdrawn")).contains("s’ha retirat");
            assertThat(browser.text("application-status")).isEqualTo("Retirada");
            browser.assertFitsPhoneWidth();
            browser.screenshot("withdrawn");
        }
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.WITHDRAWN);
    }
}
