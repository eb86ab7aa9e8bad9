package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.company.Company;

/**
 * A company's account in a real browser, in Catalan at a phone's width: an SME user who forgot the password chooses a
 * new one by the mailed link and signs in with it; a user invites a colleague, who joins, signs in and sees the
 * company's applications. The links are read from the outbox, as the mail would bring them. Screenshots under
 * target/portal-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Scenario.class)
@DirtiesContext
class AccountBrowserTest {

    private static final String NEW_PASSWORD = "una contrasenya nova i llarga";

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anSmeUserResetsAForgottenPasswordByTheMailedLinkAndSignsInWithTheNewOne() throws Exception {
        Company company = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
        String user = Scenario.contactOf(company);

        try (Browser browser = Browser.open("http://localhost:" + port, "password-reset-in-catalan", "ca")) {
            browser.visit("/portal/sign-in");
            browser.click("forgot-password");
            browser.waitFor(d -> browser.path().startsWith("/portal/password/forgot"));
            browser.assertEveryFieldLabelled();
            browser.type("email", user + "@test.clustercalls.eu");
            browser.assertFitsPhoneWidth();
            browser.screenshot("forgot");
            browser.click("password-forgot-submit");
            browser.waitFor(d -> browser.path().equals("/portal/password/sent"));
            assertThat(browser.text("password-sent")).startsWith("Si aquesta adreça és d’un usuari del portal");
            browser.screenshot("sent");

            browser.visit(MailedLinks.await(jdbc, user, "PASSWORD_RESET", "/portal/password/reset/"));
            assertThat(browser.text("reset-user")).contains(user);
            browser.type("password", NEW_PASSWORD);
            browser.type("passwordRepeat", NEW_PASSWORD + " i prou");
            browser.click("password-reset-submit");
            assertThat(browser.text("passwordRepeat-error")).isEqualTo("Les dues contrasenyes no coincideixen.");
            browser.assertErrorsTiedToFields();
            browser.assertFitsPhoneWidth();
            browser.screenshot("passwords-differ");
            browser.type("password", NEW_PASSWORD);
            browser.type("passwordRepeat", NEW_PASSWORD);
            browser.click("password-reset-submit");
            browser.waitFor(d -> browser.path().startsWith("/portal/sign-in?passwordReset"));
            assertThat(browser.text("password-changed")).startsWith("La vostra contrasenya ha canviat");
            browser.screenshot("changed");

            signIn(browser, user, NEW_PASSWORD);
            assertThat(browser.path()).doesNotStartWith("/portal/sign-in");
        }
    }

    @Test
    void anInvitedColleagueJoinsSignsInAndSeesTheCompanysApplications() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        Company company = scenario.memberCompany(cluster);
        Application application = scenario.apply(scenario.publishedCall(cluster), company, new BigDecimal("1500"));
        String email = "jordina." + Scenario.next() + "@example.com";
        String colleague = "jordina.prat" + Scenario.next();

        try (Browser browser = Browser.open("http://localhost:" + port, "colleague-invitation-in-catalan", "ca")) {
            signIn(browser, Scenario.contactOf(company), Scenario.PASSWORD);
            browser.visit("/portal/company");
            browser.click("colleagues-link");
            browser.waitFor(d -> browser.path().equals("/portal/company/colleagues"));
            browser.assertEveryFieldLabelled();
            browser.type("invite-email-" + company.getId(), email);
            browser.click("invite-" + company.getId());
            browser.waitFor(d -> browser.text("invited").contains(email));
            assertThat(browser.text("colleagues-" + company.getId())).contains(email);
            browser.assertFitsPhoneWidth();
            browser.screenshot("invited");
            browser.driver().manage().deleteAllCookies();

            browser.visit(MailedLinks.await(jdbc, email, "COLLEAGUE_INVITATION", "/portal/invitations/"));
            assertThat(browser.text("invitation-company")).contains(company.getLegalName(), email);
            browser.assertEveryFieldLabelled();
            browser.type("username", colleague);
            browser.type("firstName", "Jordina");
            browser.type("lastName", "Prat");
            browser.type("password", NEW_PASSWORD);
            browser.type("passwordRepeat", NEW_PASSWORD);
            browser.assertFitsPhoneWidth();
            browser.screenshot("invitation");
            browser.click("invitation-submit");
            browser.waitFor(d -> browser.path().startsWith("/portal/sign-in?joined"));
            assertThat(browser.text("joined")).startsWith("Us heu unit a l’empresa");

            signIn(browser, colleague, NEW_PASSWORD);
            browser.visit("/portal/applications");
            assertThat(browser.text("applications")).contains(application.reference());
            browser.screenshot("colleagues-applications");
        }
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.visit("/portal/sign-in");
        browser.type("username", username);
        browser.type("password", password);
        browser.find("password").submit();
        browser.waitFor(d -> !browser.path().startsWith("/portal/sign-in"));
    }
}
