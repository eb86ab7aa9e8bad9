package eu.clustercalls.portal;

import static eu.clustercalls.portal.Html.assertFieldError;
import static eu.clustercalls.portal.Html.attribute;
import static eu.clustercalls.portal.Html.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
import eu.clustercalls.company.SignUpService;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;

@ClusterCallsTest
class SignUpPagesTest {

    private static final String CSRF_TOKEN = HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN";

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
    @Autowired
    SignUpService signUps;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFourthSignUpToOneAddressWithinADayIsRefusedNextToTheAddressAndMailsNothing() throws Exception {
        String email = "flooded" + Scenario.next() + "@example.com";
        for (int sent = 0; sent < 3; sent++) {
            MultiValueMap<String, String> form = SignUpForms.valid(null);
            form.set("email", sent == 1 ? email.toUpperCase(Locale.ROOT) : email);
            mvc.perform(post("/portal/sign-up").params(form).with(csrf())).andExpect(status().isFound());
        }
        MultiValueMap<String, String> fourth = SignUpForms.valid(null);
        fourth.set("email", email);
        long requestsBefore = jdbc.queryForObject("select count(*) from sign_up_request", Long.class);

        String page = mvc.perform(post("/portal/sign-up").params(fourth).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();

        assertFieldError(page, "email", "Several sign-up mails went to this address lately.");
        assertThat(jdbc.queryForObject("select count(*) from notification where lower(recipient) = ?", Long.class,
                email)).as("mails to the address").isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from sign_up_request", Long.class))
                .as("no link kept for the refused one").isEqualTo(requestsBefore);
    }

    @Test
    void theFormRegistersNothingButMailsALinkThatRegistersTheCompanyOnceAndSignsThePersonIn() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        MultiValueMap<String, String> form = SignUpForms.valid(cluster.id());
        String username = form.getFirst("username");
        String email = form.getFirst("email");
        long companiesBefore = companyRows.count();

        mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/portal/sign-up/sent"))
                .andExpect(flash().attribute("sentTo", email));

        assertThat(companyRows.count()).isEqualTo(companiesBefore);
        assertThat(identityService.createUserQuery().userId(username).count()).isZero();
        Map<String, Object> mail = jdbc.queryForMap("select subject, body, language from notification "
                + "where recipient = ? and type = 'SIGN_UP_CONFIRMATION'", email);
        assertThat((String) mail.get("subject")).isEqualTo("Confirm the registration of " + form.getFirst("legalName"));
        assertThat((String) mail.get("body")).startsWith("Dear Núria Soler,")
                .contains(form.getFirst("vatNumber"), username, "it works once", "this address was given to register");
        String link = SignUps.link(jdbc, email);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("select count(*) from sign_up_request where token_hash = ?", Long.class,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))))
                .as("the token is kept as its hash").isOne();
        assertThat(jdbc.queryForObject("select count(*) from sign_up_request where token_hash = ? or form like ?",
                Long.class, token, "%" + token + "%")).as("and never itself").isZero();
        assertThat(jdbc.queryForObject("select count(*) from sign_up_request where form like ?", Long.class,
                "%" + SignUpForms.PASSWORD + "%")).as("nor is the password").isZero();

        String page = mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Html.text(page, "confirm-legalName")).isEqualTo(form.getFirst("legalName"));
        assertThat(Html.text(page, "confirm-username")).isEqualTo(username);
        assertThat(companyRows.count()).as("opening the link registers nothing yet").isEqualTo(companiesBefore);

        MockHttpSession session = new MockHttpSession();
        mvc.perform(get(link).session(session)).andExpect(status().isOk());
        String sessionBefore = session.getId();
        Object csrfBefore = session.getAttribute(CSRF_TOKEN);
        assertThat(csrfBefore).as("the page's form carries the session's CSRF token").isNotNull();
        mvc.perform(post(link).session(session).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/sign-up/welcome"));
        assertThat(session.getId()).as("signing in changes the session id").isNotEqualTo(sessionBefore);
        assertThat(session.getAttribute(CSRF_TOKEN)).as("and drops the CSRF token").isNull();

        String welcome = mvc.perform(get("/portal/sign-up/welcome").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Html.text(welcome, "signed-up")).contains("signed in as " + username);
        assertThat(session.getAttribute(CSRF_TOKEN)).as("the next page's forms carry a new one").isNotNull()
                .isNotEqualTo(csrfBefore);
        mvc.perform(get("/portal/company").session(session)).andExpect(status().isOk());
        assertThat(companies.companiesOf(username)).hasSize(1);
        Company company = companies.companiesOf(username).get(0);
        assertThat(company.getVatNumber()).isEqualTo(form.getFirst("vatNumber"));
        assertThat(company.getLegalName()).isEqualTo(form.getFirst("legalName"));
        assertThat(company.getRelatedEnterprises()).singleElement().satisfies(related -> {
            assertThat(related.getRelation()).isEqualTo(RelatedEnterprise.Relation.PARTNER);
            assertThat(related.getSharePercent()).isEqualByComparingTo("30");
        });
        assertThat(company.smeFigures().staffHeadcount()).as("the partner's staff counted at 30 %")
                .isEqualByComparingTo("9");
        assertThat(staff.hasRole(username, Roles.SME)).isTrue();
        assertThat(identityService.checkPassword(username, SignUpForms.PASSWORD)).isTrue();
        assertThat(identityService.createUserQuery().userId(username).singleResult().getEmail()).isEqualTo(email);
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
    void theAnswerIsTheSameForATakenUserNameAsForANewOne() throws Exception {
        MultiValueMap<String, String> fresh = SignUpForms.valid(null);
        MultiValueMap<String, String> taken = SignUpForms.valid(null);
        taken.set("username", scenario.user("taken.name" + Scenario.next(), Roles.SME));

        assertThat(answer(taken)).isEqualTo(answer(fresh));
        assertThat(SignUps.link(jdbc, taken.getFirst("email"))).as("both get the link").isNotBlank();
        assertThat(SignUps.link(jdbc, fresh.getFirst("email"))).isNotBlank();
    }

    @Test
    void theAnswerIsTheSameForARegisteredVatNumberAsForANewOneAndTheMailSaysWhatToDo() throws Exception {
        Company registered = scenario.company(Scenario.figures(5, "500000", "400000"), List.of());
        MultiValueMap<String, String> fresh = SignUpForms.valid(null);
        MultiValueMap<String, String> known = SignUpForms.valid(null);
        known.set("vatNumber", registered.getVatNumber());
        known.set("country", registered.getCountry());
        long pendingBefore = pendingSignUps();

        assertThat(answer(known)).isEqualTo(answer(fresh));

        assertThat(pendingSignUps()).as("only the new company waits for its link").isEqualTo(pendingBefore + 1);
        Map<String, Object> mail = jdbc.queryForMap("select type, subject, body from notification where recipient = ?",
                known.getFirst("email"));
        assertThat(mail.get("type")).isEqualTo("SIGN_UP_COMPANY_REGISTERED");
        assertThat((String) mail.get("subject")).contains("is already registered", registered.getVatNumber());
        assertThat((String) mail.get("body")).contains("ask a colleague who has a user for it, or your cluster",
                "/portal/sign-in").doesNotContain("/portal/sign-up/confirm/");
    }

    @Test
    void aUsedLinkIsRefusedAndRegistersNothingMore() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        SignUps.register(mvc, jdbc, form);
        String link = SignUps.link(jdbc, form.getFirst("email"));
        long companiesBefore = companyRows.count();

        String page = mvc.perform(post(link).with(csrf())).andExpect(status().isGone())
                .andReturn().getResponse().getContentAsString();

        assertThat(Html.text(page, "link-invalid")).contains("works once", "has been used already, or it has expired");
        assertThat(Html.tag(page, "sign-up-again")).isNotNull();
        assertThat(companyRows.count()).isEqualTo(companiesBefore);
        mvc.perform(get(link)).andExpect(status().isGone());
        assertThat(pendingSignUps(form.getFirst("vatNumber"))).as("used up").isZero();
    }

    @Test
    void anExpiredLinkIsRefusedInTheReadersLanguageAndIsPurged() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        mvc.perform(post("/portal/sign-up").params(form).with(csrf())).andExpect(status().isFound());
        String link = SignUps.link(jdbc, form.getFirst("email"));

        // From the engine's clock, which the link's expiry was counted from (an earlier test may have moved it).
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(SignUpService.LINK_VALIDITY)
                .plusSeconds(60)));
        try {
            String page = mvc.perform(get(link).param("lang", "es")).andExpect(status().isGone())
                    .andReturn().getResponse().getContentAsString();
            assertThat(Html.text(page, "link-invalid")).contains("funciona una sola vez, durante 24 horas");
            assertThat(page).doesNotContain("??");
            mvc.perform(post(link).with(csrf())).andExpect(status().isGone());
            assertThat(identityService.createUserQuery().userId(form.getFirst("username")).count()).isZero();

            assertThat(signUps.purgeExpired()).isPositive();
            assertThat(pendingSignUps(form.getFirst("vatNumber"))).isZero();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aLinkNobodyWasSentIsRefused() throws Exception {
        mvc.perform(get("/portal/sign-up/confirm/not-a-token")).andExpect(status().isGone());
        mvc.perform(post("/portal/sign-up/confirm/not-a-token").with(csrf())).andExpect(status().isGone());
    }

    @Test
    void aUserNameTakenBeforeTheLinkIsOpenedIsChosenAgainOnItsPage() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        mvc.perform(post("/portal/sign-up").params(form).with(csrf())).andExpect(status().isFound());
        String link = SignUps.link(jdbc, form.getFirst("email"));
        String taken = scenario.user(form.getFirst("username"), Roles.SME);

        String page = mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertFieldError(page, "username", "This user name is taken");
        assertThat(attribute(tag(page, "username"), "value")).isEqualTo(taken);

        String again = mvc.perform(post(link).param("username", taken).with(csrf())).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertFieldError(again, "username", "This user name is taken");
        String badFormat = mvc.perform(post(link).param("username", "no spaces").param("lang", "ca").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertFieldError(badFormat, "username", "Feu servir lletres i xifres");
        assertThat(companyRows.existsByVatNumber(form.getFirst("vatNumber"))).isFalse();

        String chosen = "chosen.again" + Scenario.next();
        mvc.perform(post(link).param("username", chosen).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/sign-up/welcome"));

        assertThat(companies.companiesOf(chosen)).extracting(Company::getVatNumber).containsExactly(form.getFirst("vatNumber"));
        assertThat(identityService.checkPassword(chosen, SignUpForms.PASSWORD)).isTrue();
        assertThat(companies.companiesOf(taken)).isEmpty();
    }

    @Test
    void aCompanyRegisteredBeforeTheLinkIsOpenedIsToldAndNothingIsRegistered() throws Exception {
        MultiValueMap<String, String> first = SignUpForms.valid(null);
        MultiValueMap<String, String> second = SignUpForms.valid(null);
        second.set("vatNumber", first.getFirst("vatNumber"));
        mvc.perform(post("/portal/sign-up").params(second).with(csrf())).andExpect(status().isFound());
        SignUps.register(mvc, jdbc, first);
        String link = SignUps.link(jdbc, second.getFirst("email"));

        String page = mvc.perform(get(link).param("lang", "es")).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(Html.text(page, "company-registered")).contains("Ya hay una empresa registrada",
                "pida acceso a un compañero");
        assertThat(Html.tag(page, "confirm-sign-up")).as("nothing to confirm").isNull();

        mvc.perform(post(link).with(csrf())).andExpect(status().isConflict());
        assertThat(identityService.createUserQuery().userId(second.getFirst("username")).count()).isZero();
    }

    @Test
    void signUpWithoutClusterMakesNoMembershipRequest() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);

        SignUps.register(mvc, jdbc, form);

        Company company = companies.companiesOf(form.getFirst("username")).get(0);
        assertThat(requests.requestsOf(company.getId())).isEmpty();
    }

    @Test
    void theNewUserReadsMailInTheLanguageOfTheSignUpPageAndSwitchingTheLanguageLaterChangesIt() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        String username = form.getFirst("username");

        mvc.perform(post("/portal/sign-up").params(form).header(HttpHeaders.ACCEPT_LANGUAGE, "ca").with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select language, subject from notification where recipient = ?",
                form.getFirst("email"))).containsEntry("language", "ca")
                .containsEntry("subject", "Confirmeu el registre de " + form.getFirst("legalName"));
        mvc.perform(post(SignUps.link(jdbc, form.getFirst("email"))).with(csrf())).andExpect(status().isFound());
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
        assertThat(mailsTo(form.getFirst("email"))).isZero();
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

        assertFieldError(page, "password", "at least 12 characters");
        assertFieldError(page, "email", "not an e-mail address");
        assertFieldError(page, "username", "letters and digits");
        assertFieldError(page, "related0Share", "A partner enterprise holds from 25 % to 50 %");
    }

    @Test
    void figuresAreReadAsTheReadersLanguageWritesThemAndComeBackThatWay() throws Exception {
        MultiValueMap<String, String> form = SignUpForms.valid(null);
        form.set("annualTurnover", "1.200.000,50");
        form.set("balanceSheetTotal", "1200000.50");
        form.set("legalName", "");

        String spanish = mvc.perform(post("/portal/sign-up").params(form).param("lang", "es").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(attribute(tag(spanish, "annualTurnover"), "aria-invalid")).isNull();
        assertThat(attribute(tag(spanish, "annualTurnover"), "value")).isEqualTo("1.200.000,50");
        // A point before two digits is not how Spanish writes decimals: refused, not read as 120 million.
        assertFieldError(spanish, "balanceSheetTotal", "escrito como 1.500,50 o 2.000");
        String english = mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertFieldError(english, "annualTurnover", "written like 1,500.50 or 2,000");
        assertThat(attribute(tag(english, "balanceSheetTotal"), "value")).isEqualTo("1,200,000.50");
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

        assertThat(mailsTo(form.getFirst("email"))).isZero();
        assertThat(pendingSignUps(form.getFirst("vatNumber"))).isZero();
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
                .getContentAsString()).contains("Registreu la vostra empresa");
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

    @Test
    void theSpanishAndCatalanTextsHaveEveryKeyOfTheEnglishOnes() throws IOException {
        Properties english = bundle("messages/signup.properties");
        for (String translation : List.of("messages/signup_es.properties", "messages/signup_ca.properties")) {
            assertThat(bundle(translation).stringPropertyNames()).as(translation)
                    .containsAll(english.stringPropertyNames());
        }
    }

    /** The answer to the form as its sender reads it, but for the address it names. */
    private String answer(MultiValueMap<String, String> form) throws Exception {
        MvcResult sent = mvc.perform(post("/portal/sign-up").params(form).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        String page = mvc.perform(get(sent.getResponse().getRedirectedUrl()).flashAttrs(sent.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Html.text(page, "sign-up-sent")).isEqualTo("We sent the next steps to " + form.getFirst("email") + ".");
        return sent.getResponse().getStatus() + " " + sent.getResponse().getRedirectedUrl() + "\n"
                + page.replace(form.getFirst("email"), "ADDRESS");
    }

    private long pendingSignUps() {
        return jdbc.queryForObject("select count(*) from sign_up_request", Long.class);
    }

    private long pendingSignUps(String vatNumber) {
        return jdbc.queryForObject("select count(*) from sign_up_request where form like ?", Long.class,
                "%\"" + vatNumber + "\"%");
    }

    private long mailsTo(String address) {
        return jdbc.queryForObject("select count(*) from notification where recipient = ?", Long.class, address);
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SignUpPagesTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
