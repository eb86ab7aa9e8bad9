package eu.clustercalls.portal;

import static eu.clustercalls.portal.Html.assertFieldError;
import static eu.clustercalls.portal.Html.attribute;
import static eu.clustercalls.portal.Html.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.MultiValueMap;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyRepository;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.MembershipRequest;
import eu.clustercalls.company.MembershipRequestService;
import eu.clustercalls.company.RelatedEnterprise;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;

@ClusterCallsTest
class SignUpPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    CompanyService companies;
    @Autowired
    CompanyRepository companyRows;
    @Autowired
    MembershipRequestService requests;
    @Autowired
    IdentityService identityService;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Languages languages;

    @Test
    void signUpRegistersCompanyUserRelatedEnterprisesAidAndAPendingMembershipRequest() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        MultiValueMap<String, String> form = SignUpForms.valid(cluster.id());
        String username = form.getFirst("username");

        mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/portal/sign-in?signedUp"));

        assertThat(companies.companiesOf(username)).hasSize(1);
        Company company = companies.companiesOf(username).get(0);
        assertThat(company.getVatNumber()).isEqualTo(form.getFirst("vatNumber"));
        assertThat(company.getLegalName()).isEqualTo(form.getFirst("legalName"));
        assertThat(company.getRelatedEnterprises()).singleElement().satisfies(related -> {
            assertThat(related.getRelation()).isEqualTo(RelatedEnterprise.Relation.PARTNER);
            assertThat(related.getSharePercent()).isEqualByComparingTo("30");
        });
        assertThat(staff.hasRole(username, Roles.SME)).isTrue();
        assertThat(identityService.checkPassword(username, SignUpForms.PASSWORD)).isTrue();
        assertThat(companies.aidRecordsOf(company.getId())).singleElement().satisfies(aid -> {
            assertThat(aid.getSource()).isEqualTo(AidRecord.Source.DECLARED);
            assertThat(aid.getAmount()).isEqualByComparingTo(new BigDecimal("12500"));
            assertThat(aid.getGrantingBody()).isEqualTo("ACCIÓ");
        });
        assertThat(requests.requestsOf(company.getId())).singleElement().satisfies(request -> {
            assertThat(request.getStatus()).isEqualTo(MembershipRequest.Status.PENDING);
            assertThat(request.getClusterId()).isEqualTo(cluster.id());
            assertThat(request.getMemberNumber()).isEqualTo(form.getFirst("memberNumber"));
        });
        assertThat(companies.membership(company.getId(), cluster.id())).isEmpty();
    }

    @Test
    void signUpWithoutClusterMakesNoMembershipRequest() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);

        mvc.perform(post("/portal/sign-up").params(form).with(csrf())).andExpect(status().isFound());

        Company company = companies.companiesOf(form.getFirst("username")).get(0);
        assertThat(requests.requestsOf(company.getId())).isEmpty();
    }

    @Test
    void theNewUserReadsMailInTheLanguageOfTheSignUpPageAndSwitchingTheLanguageLaterChangesIt() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        String username = form.getFirst("username");

        mvc.perform(post("/portal/sign-up").params(form).header(HttpHeaders.ACCEPT_LANGUAGE, "ca").with(csrf()))
                .andExpect(status().isFound());
        assertThat(languages.of(username)).isEqualTo(Locale.forLanguageTag("ca"));

        mvc.perform(get("/portal/company").param("lang", "es").with(ApplicationPagesTest.sme(username)))
                .andExpect(status().isOk());
        assertThat(languages.of(username)).isEqualTo(Locale.forLanguageTag("es"));

        mvc.perform(get("/portal/company").param("lang", "de").with(ApplicationPagesTest.sme(username)))
                .andExpect(status().isOk());
        assertThat(languages.of(username)).as("not a language of the mails: unchanged").isEqualTo(Locale.forLanguageTag("es"));
    }

    @Test
    void signUpWithInvalidVatShowsErrorNextToFieldAndCreatesNothing() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(scenario.cluster().id());
        form.set("vatNumber", "ES12");
        long companiesBefore = companyRows.count();
        long usersBefore = identityService.createUserQuery().count();

        String page = mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertFieldError(page, "vatNumber", "This is not a valid VAT number");
        assertThat(attribute(tag(page, "error-summary"), "role")).isEqualTo("alert");
        assertThat(page).contains("href=\"#vatNumber\">VAT number: This is not a valid VAT number");
        assertThat(attribute(tag(page, "legalName"), "value")).isEqualTo(form.getFirst("legalName"));
        assertThat(attribute(tag(page, "vatNumber"), "value")).isEqualTo("ES12");
        assertThat(companyRows.count()).isEqualTo(companiesBefore);
        assertThat(identityService.createUserQuery().count()).isEqualTo(usersBefore);
        assertThat(companies.companiesOf(form.getFirst("username"))).isEmpty();
    }

    @Test
    void signUpWithRegisteredVatNumberIsRefusedNextToTheField() throws Exception {
        MultiValueMap<String, String> first = SignUpForms.valid(null);
        mvc.perform(post("/portal/sign-up").params(first).with(csrf())).andExpect(status().isFound());
        MultiValueMap<String, String> second = SignUpForms.valid(null);
        second.set("vatNumber", first.getFirst("vatNumber"));

        String page = mvc.perform(post("/portal/sign-up").params(second).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertFieldError(page, "vatNumber", "already registered");
        assertThat(identityService.createUserQuery().userId(second.getFirst("username")).count()).isZero();
    }

    @Test
    void signUpWithTakenUserNameIsRefusedNextToTheField() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        String existing = scenario.user("taken.name" + Scenario.next(), Roles.SME);
        form.set("username", existing);

        String page = mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertFieldError(page, "username", "This user name is taken");
        assertThat(companyRows.existsByVatNumber(form.getFirst("vatNumber"))).isFalse();
    }

    @Test
    void passwordsThatDifferAreRefusedAndNeverShownAgain() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        form.set("passwordRepeat", "another-password-7");

        String body = mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertFieldError(body, "passwordRepeat", "The two passwords are not the same.");
        assertThat(body).doesNotContain(SignUpForms.PASSWORD).doesNotContain("another-password-7");
    }

    @Test
    void shortPasswordBadEmailAndBadUserNameAreEachShownNextToTheirField() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        form.set("password", "short");
        form.set("passwordRepeat", "short");
        form.set("email", "not-an-address");
        form.set("username", "bad user!");
        form.set("related0Share", "70");

        String page = mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertFieldError(page, "password", "at least 10 characters");
        assertFieldError(page, "email", "not an e-mail address");
        assertFieldError(page, "username", "letters and digits");
        assertFieldError(page, "related0Share", "A partner enterprise holds from 25 % to 50 %");
    }

    @Test
    void missingFiguresAndMistypedNumbersAreShownNextToTheirField() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        form.set("legalName", "");
        form.set("annualTurnover", "a lot");
        form.set("related0Staff", "");

        String page = mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertFieldError(page, "legalName", "Please fill in this field.");
        assertFieldError(page, "annualTurnover", "Please give a number");
        assertFieldError(page, "related0Staff", "Please fill in this field.");
        assertThat(page).contains("Related enterprise 1 – Staff (annual work units): Please fill in this field.");
        assertThat(attribute(tag(page, "staffHeadcount"), "value")).isEqualTo("6");
        assertThat(attribute(tag(page, "aid0GrantedOn"), "value")).isEqualTo(form.getFirst("aid0GrantedOn"));
        assertThat(attribute(tag(page, "related0Relation"), "aria-invalid")).isNull();
    }

    @Test
    void signUpWithoutCsrfTokenIsRefused() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);

        mvc.perform(post("/portal/sign-up").params(form)).andExpect(status().isForbidden());

        assertThat(companyRows.existsByVatNumber(form.getFirst("vatNumber"))).isFalse();
    }

    @Test
    void signUpPageRendersInEveryLanguageWithEveryFieldLabelled() throws Exception {
        scenario.cluster();
        for (String language : new String[] {"en", "es", "ca"}) {
            String body = mvc.perform(get("/portal/sign-up").param("lang", language))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("??");
            for (String field : Html.fieldIds(body)) {
                assertThat(body).as(field).contains("for=\"" + field + "\"");
            }
            assertThat(tag(body, "sign-up-submit")).isNotNull();
            assertThat(tag(body, "related2BalanceSheet")).isNotNull();
            assertThat(body).contains("<option value=\"ES\"");
        }
        assertThat(mvc.perform(get("/portal/sign-up").param("lang", "es")).andReturn().getResponse()
                .getContentAsString()).contains("Registre su empresa");
        assertThat(mvc.perform(get("/portal/sign-up").param("lang", "ca")).andReturn().getResponse()
                .getContentAsString()).contains("Registra la teva empresa");
    }

    @Test
    void validationMessagesFollowTheReadersLanguage() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        form.set("vatNumber", "ES12");
        form.set("city", "");

        String body = mvc.perform(post("/portal/sign-up").params(form).param("lang", "es").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("??");
        assertFieldError(body, "vatNumber", "No es un número de IVA válido");
        assertFieldError(body, "city", "Rellene este campo.");
    }
}
