package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.security.Roles;

@ClusterCallsTest
class CallPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    ClusterCallsProperties properties;

    @Test
    void anyoneSeesTheOpenCallsWithTheirFactsAndCountdown() throws Exception {
        FundingCall call = scenario.publishedCall(scenario.cluster());

        MvcResult page = mvc.perform(get("/portal")).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString())
                .contains("<html lang=\"en\"", call.getTitle(), call.getDestinationCity(), "closes in ", "days")
                .doesNotContain("??");
    }

    @Test
    void theLanguageFollowsTheReadersChoiceAndStays() throws Exception {
        FundingCall call = scenario.publishedCall(scenario.cluster());

        MvcResult catalan = mvc.perform(get("/portal").param("lang", "ca")).andReturn();
        String page = catalan.getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"ca\"", "Convocatòries obertes", "tanca d’aquí a").doesNotContain("??");
        var cookie = catalan.getResponse().getCookie("CLUSTERCALLS-LANG");
        assertThat(cookie).isNotNull();

        String next = mvc.perform(get("/portal/calls/{id}", call.getId()).cookie(cookie)).andReturn().getResponse()
                .getContentAsString();
        assertThat(next).contains("<html lang=\"ca\"", "Qui pot sol·licitar-ho").doesNotContain("??");
    }

    @Test
    void spanishComesFromTheBrowserAndAmountsAreWrittenTheSpanishWay() throws Exception {
        FundingCall call = scenario.publishedCall(scenario.cluster());

        String page = mvc.perform(get("/portal/calls/{id}", call.getId()).header("Accept-Language", "es-ES,es;q=0.9"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"es\"", "Ayuda máxima", "€").doesNotContain("??", "Maximum grant");
    }

    @Test
    void theClosingTimeIsWrittenDayMonthYearWithItsZoneInEveryLanguage() throws Exception {
        FundingCall call = scenario.publishedCall(scenario.cluster());
        ZonedDateTime closes = call.getClosesAt().atZone(properties.timeZone());
        String zoneName = DateTimeFormatter.ofPattern("z", Locale.UK).format(closes);

        String english = mvc.perform(get("/portal/calls/{id}", call.getId()).header("Accept-Language", "en-US"))
                .andReturn().getResponse().getContentAsString();
        // en-GB: "6 Jan 2027, 23:59 CET", not the American "Jan 6, 2027, 11:59 PM".
        assertThat(english).contains(closes.getDayOfMonth() + " "
                + DateTimeFormatter.ofPattern("MMM yyyy, HH:mm", Locale.UK).format(closes) + " " + zoneName)
                .doesNotContain(" PM", " AM");
        for (String language : List.of("es", "ca")) {
            String page = mvc.perform(get("/portal").param("lang", language)).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains(DateTimeFormatter.ofPattern("HH:mm", Locale.UK).format(closes) + " " + zoneName);
        }
    }

    @Test
    void anUnsupportedLanguageKeepsEnglish() throws Exception {
        String page = mvc.perform(get("/portal").param("lang", "xx")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"en\"", "Open calls");
    }

    @Test
    void aDraftOrUnknownCallIsNotFound() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        Long draft = scenario.callId(scenario.draftCall(cluster.manager(), scenario.callForm()));

        MvcResult page = mvc.perform(get("/portal/calls/{id}", draft)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(404);
        assertThat(page.getResponse().getContentAsString()).contains("There is nothing here that you may see.");
        assertThat(mvc.perform(get("/portal/calls/not-a-number")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void signInWithoutTheFormsTokenIsRefused() throws Exception {
        int status = mvc.perform(post("/portal/sign-in").param("username", "someone").param("password", "x"))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
    }

    @Test
    void aWrongPasswordComesBackToTheSignInPageWithTheReason() throws Exception {
        MvcResult result = mvc.perform(post("/portal/sign-in").with(csrf()).param("username", "nobody")
                .param("password", "wrong")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/portal/sign-in?error");
        String page = mvc.perform(get("/portal/sign-in").param("error", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("role=\"alert\"", "Wrong user name or password");
    }

    @Test
    void signedInPagesAskAnonymousVisitorsToSignIn() throws Exception {
        MvcResult result = mvc.perform(get("/portal/applications")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/portal/sign-in");
    }

    @Test
    void afterSigningInAnSmeGoesToItsApplicationsAndAManagerToTheDashboard() throws Exception {
        assertThat(mvc.perform(get("/portal/home").with(user("sme").authorities(new SimpleGrantedAuthority(Roles.SME))))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/portal/applications");
        assertThat(mvc.perform(get("/portal/home").with(user("cm").authorities(new SimpleGrantedAuthority(Roles.CALL_MANAGERS))))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/dashboard");
    }

    @Test
    void staffMayNotUseTheSmePagesNorSmesTheDashboard() throws Exception {
        MvcResult staff = mvc.perform(get("/portal/applications")
                .with(user("evaluator").authorities(new SimpleGrantedAuthority(Roles.EVALUATORS)))).andReturn();
        MvcResult sme = mvc.perform(get("/dashboard").with(user("sme").authorities(new SimpleGrantedAuthority(Roles.SME))))
                .andReturn();

        assertThat(staff.getResponse().getStatus()).isEqualTo(403);
        assertThat(sme.getResponse().getStatus()).isEqualTo(403);
    }
}
