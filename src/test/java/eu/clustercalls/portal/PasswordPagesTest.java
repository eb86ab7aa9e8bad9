package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.security.ClientAddresses;
import eu.clustercalls.security.LinkTokens;
import eu.clustercalls.security.Roles;

@ClusterCallsTest
class PasswordPagesTest {

    private static final String TYPE = "PASSWORD_RESET";
    private static final String LINK = "/portal/password/reset/";
    private static final String NEW_PASSWORD = "a new long passphrase";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scenario scenario;
    /** Sign-in failures count per client address in the shared database: this test's own. */
    private final String client = ClientAddresses.next();

    @Test
    void aKnownAnUnknownAndAStaffAddressGetTheSameAnswerAndOnlyThePortalUserAMail() throws Exception {
        String staff = scenario.staff(Roles.CALL_MANAGERS, scenario.cluster().id());
        String sme = scenario.user("reset-" + Scenario.next(), Roles.SME);

        MvcResult unknown = ask("nobody-" + Scenario.next() + "@example.com");
        MvcResult ofStaff = ask(staff + "@test.clustercalls.eu");
        MvcResult known = ask(sme + "@test.clustercalls.eu");

        for (MvcResult answer : new MvcResult[] {unknown, ofStaff}) {
            assertThat(answer.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus());
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl())
                    .isEqualTo("/portal/password/sent");
        }
        String sent = mvc.perform(get("/portal/password/sent").param("lang", "ca")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Html.text(sent, "password-sent")).startsWith("Si aquesta adreça és d’un usuari del portal");
        // One thread mails the links in the order asked: once the SME's is there, the staff's request is done.
        MailedLinks.await(jdbc, sme, TYPE, LINK);
        assertThat(MailedLinks.count(jdbc, staff, TYPE)).as("staff reset no password by mail").isZero();
        assertThat(jdbc.queryForObject("select count(*) from password_reset where user_id = ?", Long.class, staff))
                .isZero();
    }

    @Test
    void theMailedLinkSetsTheNewPasswordOnceLiftsTheLockAndStopsTheUsersOtherLinks() throws Exception {
        String sme = scenario.user("reset-" + Scenario.next(), Roles.SME);
        for (int i = 0; i < 6; i++) {
            signIn(sme, "a wrong password");
        }
        assertThat(signIn(sme, Scenario.PASSWORD)).as("locked").startsWith("/portal/sign-in?");
        ask(sme + "@test.clustercalls.eu");
        String first = MailedLinks.await(jdbc, sme, TYPE, LINK);
        ask(sme + "@test.clustercalls.eu");
        String link = awaitAnother(sme, first);
        mvc.perform(get(first)).andExpect(status().isGone());

        String page = mvc.perform(get(link).param("lang", "ca")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(Html.text(page, "reset-user")).contains(sme);
        String mismatch = mvc.perform(post(link).with(csrf()).param("lang", "ca").param("password", NEW_PASSWORD)
                .param("passwordRepeat", NEW_PASSWORD + "!")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
        Html.assertFieldError(mismatch, "passwordRepeat", "Les dues contrasenyes no coincideixen.");
        String shortOne = mvc.perform(post(link).with(csrf()).param("password", "short").param("passwordRepeat",
                "short")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        Html.assertFieldError(shortOne, "password", "The password needs at least 12 characters.");
        assertThat(signIn(sme, NEW_PASSWORD)).as("nothing changed yet").startsWith("/portal/sign-in?");

        mvc.perform(post(link).with(csrf()).param("password", NEW_PASSWORD).param("passwordRepeat", NEW_PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/sign-in?passwordReset"));

        assertThat(signIn(sme, NEW_PASSWORD)).as("the lock is lifted").isEqualTo("/portal/home");
        assertThat(signIn(sme, Scenario.PASSWORD)).startsWith("/portal/sign-in?");
        String reused = mvc.perform(post(link).with(csrf()).param("password", "another long passphrase")
                .param("passwordRepeat", "another long passphrase")).andExpect(status().isGone()).andReturn()
                .getResponse().getContentAsString();
        assertThat(Html.text(reused, "link-invalid")).contains("60 minutes");
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'PasswordReset' "
                + "and actor = ?", String.class, sme)).contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
    }

    @Test
    void anExpiredLinkSaysSoAndChangesNothing() throws Exception {
        String sme = scenario.user("reset-" + Scenario.next(), Roles.SME);
        String token = "expired-" + Scenario.next();
        Instant hourAndMinuteAgo = Instant.now().minus(61, ChronoUnit.MINUTES);
        jdbc.update("insert into password_reset (id, user_id, token_hash, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?)",
                -Scenario.next(), sme, LinkTokens.hashOf(token), Timestamp.from(hourAndMinuteAgo),
                Timestamp.from(hourAndMinuteAgo.plus(1, ChronoUnit.HOURS)));

        String page = mvc.perform(get(LINK + token).param("lang", "es")).andExpect(status().isGone()).andReturn()
                .getResponse().getContentAsString();
        assertThat(Html.text(page, "link-invalid")).startsWith("Este enlace ya se ha usado");
        mvc.perform(post(LINK + token).with(csrf()).param("password", NEW_PASSWORD).param("passwordRepeat",
                NEW_PASSWORD)).andExpect(status().isGone());
        assertThat(signIn(sme, Scenario.PASSWORD)).isEqualTo("/portal/home");
    }

    @Test
    void aUserGetsAtMostThreeLinksAnHourWhileTheAnswerStaysTheSame() throws Exception {
        String sme = scenario.user("reset-" + Scenario.next(), Roles.SME);
        String other = scenario.user("reset-" + Scenario.next(), Roles.SME);
        for (int i = 0; i < 5; i++) {
            assertThat(ask(sme + "@test.clustercalls.eu").getResponse().getRedirectedUrl())
                    .isEqualTo("/portal/password/sent");
        }
        ask(other + "@test.clustercalls.eu");
        MailedLinks.await(jdbc, other, TYPE, LINK);
        assertThat(MailedLinks.count(jdbc, sme, TYPE)).isEqualTo(3);
    }

    @Test
    void anEmptyAddressIsRefusedNextToItsField() throws Exception {
        String page = mvc.perform(post("/portal/password/forgot").with(csrf()).param("email", " ").param("lang", "ca"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        Html.assertFieldError(page, "email", "aquest camp");
    }

    private MvcResult ask(String email) throws Exception {
        return mvc.perform(post("/portal/password/forgot").with(csrf()).param("email", email))
                .andExpect(status().isFound()).andReturn();
    }

    private String awaitAnother(String user, String earlier) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            String latest = MailedLinks.await(jdbc, user, TYPE, LINK);
            if (!latest.equals(earlier)) {
                return latest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no second reset mail to " + user);
    }

    /** Where the portal's sign-in leads: /portal/home when the password is accepted. */
    private String signIn(String username, String password) throws Exception {
        return mvc.perform(post("/portal/sign-in").with(csrf()).param("username", username)
                .param("password", password).with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                })).andReturn().getResponse().getRedirectedUrl();
    }
}
