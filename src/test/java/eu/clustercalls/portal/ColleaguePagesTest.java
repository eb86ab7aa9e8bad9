package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.security.LinkTokens;
import eu.clustercalls.security.Roles;

@ClusterCallsTest
class ColleaguePagesTest {

    private static final String PAGE = "/portal/company/colleagues";
    private static final String TYPE = "COLLEAGUE_INVITATION";
    private static final String LINK = "/portal/invitations/";
    private static final String PASSWORD = "a long colleague passphrase";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scenario scenario;
    @Autowired
    CompanyService companies;
    @Autowired
    IdentityService identityService;

    @Test
    void anInvitedColleagueChoosesANameAndPasswordJoinsTheCompanyOnceAndSignsIn() throws Exception {
        Company company = company();
        String contact = Scenario.contactOf(company);
        String email = "nuria." + Scenario.next() + "@example.com";
        String username = "nuria.serrat" + Scenario.next();

        mvc.perform(post(PAGE + "/invite").with(sme(contact)).with(csrf())
                .param("companyId", company.getId().toString()).param("email", " " + email + " ").param("lang", "es"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(PAGE));
        String mail = jdbc.queryForObject("select body from notification where recipient = ? and type = ?",
                String.class, email, TYPE);
        assertThat(mail).contains(contact + " Test le invita a unirse a " + company.getLegalName(),
                "ha invitado a esta dirección");
        String page = mvc.perform(get(PAGE).with(sme(contact))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(Html.text(page, "colleagues-" + company.getId())).contains(email, contact);
        String link = MailedLinks.await(jdbc, email, TYPE, LINK);
        assertThat(jdbc.queryForObject("select count(*) from colleague_invitation where token_hash = ?", Long.class,
                LinkTokens.hashOf(link.substring(LINK.length())))).as("the token kept as its hash").isOne();

        String invitation = mvc.perform(get(link).param("lang", "ca")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(Html.text(invitation, "invitation-company")).contains(company.getLegalName(), email);
        String refused = mvc.perform(post(link).with(csrf()).param("lang", "ca").param("username", contact)
                .param("firstName", "Núria").param("lastName", "Serrat").param("password", PASSWORD)
                .param("passwordRepeat", PASSWORD)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        Html.assertFieldError(refused, "username", "Aquest nom d’usuari ja existeix");
        assertThat(Html.attribute(Html.tag(refused, "firstName"), "value")).isEqualTo("Núria");

        mvc.perform(post(link).with(csrf()).param("lang", "ca").param("username", username)
                .param("firstName", "Núria").param("lastName", "Serrat").param("password", PASSWORD)
                .param("passwordRepeat", PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/sign-in?joined"));

        assertThat(companies.companiesOf(username)).extracting(Company::getId).containsExactly(company.getId());
        assertThat(identityService.createGroupQuery().groupMember(username).singleResult().getId())
                .isEqualTo(Roles.SME);
        assertThat(identityService.createUserQuery().userId(username).singleResult().getEmail()).isEqualTo(email);
        assertThat(identityService.checkPassword(username, PASSWORD)).isTrue();
        mvc.perform(post("/portal/sign-in").with(csrf()).param("username", username).param("password", PASSWORD))
                .andExpect(redirectedUrl("/portal/home"));
        String reused = mvc.perform(post(link).with(csrf()).param("lang", "ca").param("username", username + "x")
                .param("firstName", "Núria").param("lastName", "Serrat").param("password", PASSWORD)
                .param("passwordRepeat", PASSWORD)).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString();
        assertThat(Html.text(reused, "link-invalid")).startsWith("Aquesta invitació ja s’ha fet servir");
        assertThat(identityService.createUserQuery().userId(username + "x").count()).isZero();
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'ColleagueInvitation'",
                String.class)).contains("COLLEAGUE_INVITED", "COLLEAGUE_JOINED");
    }

    @Test
    void anAddressOfAnotherCompanysUserIsRefusedNextToTheFieldAndNothingIsWritten() throws Exception {
        Company company = company();
        Company other = company();
        long before = invitations();

        String page = invite(company, Scenario.contactOf(other) + "@test.clustercalls.eu", "ca")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        Html.assertFieldError(page, "invite-email-" + company.getId(),
                "Aquesta adreça és d’un usuari d’una altra empresa");
        assertThat(invitations()).isEqualTo(before);
    }

    @Test
    void anInvalidAddressOrOneOfTheCompanysOwnUsersIsRefused() throws Exception {
        Company company = company();
        long before = invitations();

        String invalid = invite(company, "not-an-address", "es").andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
        Html.assertFieldError(invalid, "invite-email-" + company.getId(), "Esto no es una dirección de correo");
        String own = invite(company, Scenario.contactOf(company) + "@test.clustercalls.eu", "en")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        Html.assertFieldError(own, "invite-email-" + company.getId(), "already belongs to a user of your company");
        assertThat(invitations()).isEqualTo(before);
    }

    @Test
    void anAddressGetsAtMostTheSignUpsNumberOfMailsADayAndTheNextInvitationIsRefused() throws Exception {
        Company company = company();
        String email = "often." + Scenario.next() + "@example.com";
        for (int i = 0; i < 3; i++) {
            invite(company, email, "en").andExpect(status().isFound());
        }
        assertThat(jdbc.queryForObject("select count(*) from colleague_invitation where email = ? "
                + "and closed_at is null", Long.class, email)).as("a new invitation replaces the open one").isOne();

        String page = invite(company, email, "es").andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();

        Html.assertFieldError(page, "invite-email-" + company.getId(), "Se han enviado varias invitaciones");
        assertThat(MailedLinks.count(jdbc, email, TYPE)).isEqualTo(3);
    }

    @Test
    void noUserInvitesToACompanyTheyDoNotActFor() throws Exception {
        Company company = company();
        Company other = company();
        long before = invitations();

        mvc.perform(post(PAGE + "/invite").with(sme(Scenario.contactOf(other))).with(csrf())
                .param("companyId", company.getId().toString()).param("email", "someone@example.com"))
                .andExpect(status().isNotFound());
        assertThat(invitations()).isEqualTo(before);
    }

    @Test
    void anExpiredOrCancelledInvitationSaysSoAndAddsNobody() throws Exception {
        Company company = company();
        String token = "expired-" + Scenario.next();
        Instant eightDaysAgo = Instant.now().minus(8, ChronoUnit.DAYS);
        jdbc.update("insert into colleague_invitation (id, company_id, email, invited_by, token_hash, created_at, "
                + "expires_at) values (?, ?, ?, ?, ?, ?, ?)", -Scenario.next(), company.getId(), "late@example.com",
                Scenario.contactOf(company), LinkTokens.hashOf(token), Timestamp.from(eightDaysAgo),
                Timestamp.from(eightDaysAgo.plus(7, ChronoUnit.DAYS)));
        String expired = mvc.perform(get(LINK + token).param("lang", "es")).andExpect(status().isGone()).andReturn()
                .getResponse().getContentAsString();
        assertThat(Html.text(expired, "link-invalid")).startsWith("Esta invitación ya se ha usado");

        String email = "cancelled." + Scenario.next() + "@example.com";
        invite(company, email, "en").andExpect(status().isFound());
        String link = MailedLinks.await(jdbc, email, TYPE, LINK);
        Long id = jdbc.queryForObject("select id from colleague_invitation where email = ?", Long.class, email);
        mvc.perform(post(PAGE + "/invitations/{id}/cancel", id).with(sme(Scenario.contactOf(company))).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(link).with(csrf()).param("username", "cancelled" + Scenario.next()).param("firstName", "A")
                .param("lastName", "B").param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(status().isGone());
        assertThat(companies.get(company.getId()).getContacts()).containsExactly(Scenario.contactOf(company));
    }

    @Test
    void aColleagueIsRemovedButNeverTheCompanysLastUser() throws Exception {
        Company company = company();
        String first = Scenario.contactOf(company);
        String second = scenario.user("second-" + Scenario.next(), Roles.SME);
        companies.addContact(company.getId(), second);

        mvc.perform(post(PAGE + "/remove").with(sme(first)).with(csrf()).param("companyId", company.getId().toString())
                .param("username", second)).andExpect(status().isFound());
        assertThat(companies.get(company.getId()).getContacts()).containsExactly(first);

        String page = mvc.perform(post(PAGE + "/remove").with(sme(first)).with(csrf()).param("lang", "ca")
                .param("companyId", company.getId().toString()).param("username", first))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(Html.text(page, "remove-error")).startsWith("No es pot treure l’últim usuari de l’empresa");
        assertThat(companies.get(company.getId()).getContacts()).containsExactly(first);
        assertThat(jdbc.queryForList("select decision from audit_event where action = 'COLLEAGUE_REMOVED' "
                + "and entity_id = ?", String.class, company.auditId())).containsExactly(second);
    }

    private Company company() {
        return scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
    }

    private ResultActions invite(Company company, String email, String language)
            throws Exception {
        return mvc.perform(post(PAGE + "/invite").with(sme(Scenario.contactOf(company))).with(csrf())
                .param("companyId", company.getId().toString()).param("email", email).param("lang", language));
    }

    private long invitations() {
        return jdbc.queryForObject("select count(*) from colleague_invitation", Long.class);
    }

    private static RequestPostProcessor sme(String username) {
        return user(username).authorities(new SimpleGrantedAuthority(Roles.SME));
    }
}
