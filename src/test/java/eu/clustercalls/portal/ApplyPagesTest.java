package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;

/**
 * An SME user applies through the portal: drafts, the preview with the declarations, the submission, and the
 * messages next to the fields or at the top of the form when something is wrong; nothing half-written.
 */
@ClusterCallsTest
class ApplyPagesTest {

    private static final String[] DECLARATIONS = {"smeStatus", "deMinimis", "noDoubleFunding", "dataProtection"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationService applications;

    FundingCall call;
    String sme;

    @BeforeEach
    void aMemberOfTheCallsCluster() {
        Scenario.Cluster cluster = scenario.cluster();
        call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        sme = Scenario.contactOf(company);
    }

    static RequestPostProcessor sme(String username) {
        return user(username).authorities(new SimpleGrantedAuthority("sme"));
    }

    /** Every answer of a complete application, these overrides ("field", "value", …) excepted. */
    private MockHttpServletRequestBuilder answered(MockHttpServletRequestBuilder request, String... overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("motivation", "We want to meet Canadian buyers of technical textiles.");
        values.put("targetMarkets", "Canada");
        values.put("exportExperience", "Exports to France and Italy.");
        values.put("requestedAmount", "1,500.50");
        values.put("participant0FullName", "Marta Puig");
        values.put("participant0JobTitle", "Export manager");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        request.with(sme(sme)).with(csrf());
        values.forEach((name, value) -> request.param(name, value));
        return request;
    }

    private String applyPath() {
        return "/portal/calls/" + call.getId() + "/apply";
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result;
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void aDraftIsSavedEvenIncompleteAndFilledInWhenTheFormIsOpenedAgain() throws Exception {
        MvcResult saved = perform(post(applyPath()).with(sme(sme)).with(csrf())
                .param("action", "draft").param("motivation", "Half a thought about Montreal"), 200);

        assertThat(body(saved)).contains("id=\"draft-status\"").contains("Draft saved at");
        assertThat(applications.draftOf(call.getId(), sme)).isPresent();
        String reopened = body(perform(get(applyPath()).with(sme(sme)), 200));
        assertThat(reopened).contains("Half a thought about Montreal").contains("Your draft of");
        assertThat(applications.applicationsOf(sme)).isEmpty();
    }

    @Test
    void previewWithoutAMotivationShowsTheErrorNextToItAndCreatesNoApplication() throws Exception {
        MvcResult result = perform(answered(post(applyPath()), "motivation", "").param("action", "preview"), 400);

        assertThat(body(result))
                .contains("<span class=\"field-error\" id=\"motivation-error\">Please tell us why your company wants to take part.</span>")
                .containsPattern("<textarea id=\"motivation\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<textarea id=\"motivation\"[^>]*aria-describedby=\"[^\"]*motivation-error")
                .contains("role=\"alert\" id=\"error-summary\"").contains("href=\"#motivation\"")
                .doesNotContain("id=\"submit-application\"");
        assertThat(applications.applicationsOf(sme)).isEmpty();
    }

    @Test
    void anAmountAboveTheCallsMaximumIsRefusedNextToTheField() throws Exception {
        MvcResult result = perform(answered(post(applyPath()), "requestedAmount", "2000.01")
                .param("action", "preview"), 400);

        assertThat(body(result)).contains("id=\"requestedAmount-error\">At most €2,000.00 can be requested in this call.");
    }

    @Test
    void thePreviewShowsTheAnswersAndTheFourDeclarationsToTick() throws Exception {
        String preview = body(perform(answered(post(applyPath())).param("action", "preview"), 200));

        assertThat(preview).contains("We want to meet Canadian buyers of technical textiles.").contains("€1,500.50")
                .contains("Marta Puig — Export manager").contains("id=\"submit-application\"").contains("id=\"edit\"");
        for (String declaration : DECLARATIONS) {
            assertThat(preview).containsPattern("<input type=\"checkbox\" value=\"true\" id=\"" + declaration
                    + "\" name=\"" + declaration + "\"[^>]*aria-required=\"true\"");
        }
        assertThat(preview).contains("Commission Recommendation 2003/361/EC").contains("Regulation (EU) 2023/2831");
        assertThat(applications.applicationsOf(sme)).isEmpty();
    }

    @Test
    void submittingWithoutTickingADeclarationShowsTheErrorNextToItAndCreatesNothing() throws Exception {
        MvcResult result = perform(answered(post(applyPath() + "/submit"))
                .param("smeStatus", "true").param("deMinimis", "true").param("noDoubleFunding", "true"), 400);

        assertThat(body(result))
                .contains("id=\"dataProtection-error\">Please tick this declaration")
                .doesNotContain("id=\"smeStatus-error\">Please")
                .containsPattern("id=\"dataProtection\"[^>]*aria-invalid=\"true\"");
        assertThat(applications.applicationsOf(sme)).isEmpty();
    }

    @Test
    void submittingCreatesExactlyOneApplicationAndRemovesTheDraft() throws Exception {
        perform(post(applyPath()).with(sme(sme)).with(csrf()).param("action", "draft").param("motivation", "Draft"), 200);
        MockHttpServletRequestBuilder submit = answered(post(applyPath() + "/submit"));
        for (String declaration : DECLARATIONS) {
            submit.param(declaration, "true");
        }

        MvcResult result = perform(submit, 302);

        List<Application> mine = applications.applicationsOf(sme);
        assertThat(mine).hasSize(1);
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/portal/applications/" + mine.get(0).getId() + "?submitted");
        assertThat(mine.get(0).getRequestedAmount()).isEqualByComparingTo("1500.50");
        assertThat(mine.get(0).getParticipants()).hasSize(1);
        assertThat(applications.draftOf(call.getId(), sme)).isEmpty();

        // A second submission is the service's conflict, shown at the top of the form.
        MvcResult again = perform(submit, 409);
        assertThat(body(again)).contains("role=\"alert\" id=\"service-error\"").contains("has already applied to this call");
        assertThat(applications.applicationsOf(sme)).hasSize(1);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        MockHttpServletRequestBuilder submit = post(applyPath() + "/submit").with(sme(sme))
                .param("motivation", "x");
        for (String declaration : DECLARATIONS) {
            submit.param(declaration, "true");
        }

        perform(submit, 403);
        perform(post(applyPath()).with(sme(sme)).param("action", "draft").param("motivation", "x"), 403);

        assertThat(applications.applicationsOf(sme)).isEmpty();
        assertThat(applications.draftOf(call.getId(), sme)).isEmpty();
    }

    @Test
    void aCompanyThatHasAppliedIsToldSoWithALinkToItsApplication() throws Exception {
        Application application = applications.apply(call.getId(), sme, Scenario.applyCommand(new BigDecimal("1500")));

        String page = body(perform(get(applyPath()).param("lang", "ca").with(sme(sme)), 200));

        assertThat(page).contains("id=\"already-applied-" + application.getId() + "\"",
                "ja ha sol·licitat aquesta convocatòria", "href=\"/portal/applications/" + application.getId() + "\"");
    }

    @Test
    void aCompanyWhoseMembershipAwaitsTheClusterIsToldSoBeforeItWrites() throws Exception {
        MultiValueMap<String, String> signUp = SignUpForms.valid(call.getClusterId());
        sme = SignUps.register(mvc, jdbc, signUp);

        String spanish = body(perform(get(applyPath()).param("lang", "es").with(sme(sme)), 200));
        String member = body(perform(get(applyPath()).with(sme(Scenario.contactOf(
                scenario.memberCompany(scenario.cluster())))), 200));

        assertThat(spanish).contains("id=\"membership-pending\"", "El clúster aún no ha confirmado el número de socio");
        assertThat(member).doesNotContain("membership-pending");
    }

    @Test
    void aCompanyThatIsNotAMemberReadsTheServicesReasonAtTheTopOfTheForm() throws Exception {
        Company outsider = scenario.company(Scenario.figures(8, "1200000", "900000"), List.of());
        sme = Scenario.contactOf(outsider);
        MockHttpServletRequestBuilder submit = answered(post(applyPath() + "/submit"));
        for (String declaration : DECLARATIONS) {
            submit.param(declaration, "true");
        }

        MvcResult result = perform(submit, 403);

        assertThat(body(result)).contains("role=\"alert\" id=\"service-error\"")
                .contains(outsider.getLegalName() + " is not a member of")
                .contains("id=\"apply-form\"");
        assertThat(applications.applicationsOf(sme)).isEmpty();
    }

    @Test
    void theFormAndThePreviewSpeakSpanishAndCatalan() throws Exception {
        for (String language : List.of("es", "ca")) {
            String form = body(perform(get(applyPath()).with(sme(sme)).param("lang", language), 200));
            String invalid = body(perform(answered(post(applyPath()), "motivation", "", "requestedAmount", "1.500,50")
                    .param("lang", language).param("action", "preview"), 400));
            String preview = body(perform(answered(post(applyPath()), "requestedAmount", "1.500,50").param("lang", language)
                    .param("action", "preview"), 200));

            for (String page : List.of(form, invalid, preview)) {
                assertThat(page).contains("<html lang=\"" + language + "\"").doesNotContain("??");
            }
            assertThat(form).contains(language.equals("es") ? "Guardar borrador" : "Deseu l’esborrany");
            assertThat(invalid).contains(language.equals("es") ? "Explique por qué quiere participar su empresa."
                    : "Expliqueu per què vol participar la vostra empresa.");
            assertThat(preview).contains(language.equals("es") ? "Enviar la solicitud" : "Envieu la sol·licitud");
        }
    }
}
