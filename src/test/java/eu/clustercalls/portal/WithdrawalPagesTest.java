package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.PdfText;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditEventRepository;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;

/**
 * The SME withdraws an application from its page, through a confirmation step with an optional reason; a refusal
 * stands next to the button in the reader's language and changes nothing. The page also offers the application as
 * submitted as a PDF.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
@Import({ ClaimFixtures.class, ClaimSetup.class })
class WithdrawalPagesTest {

    private static final BigDecimal AMOUNT = new BigDecimal("1500");

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    ClaimSetup claimSetup;

    Scenario.Cluster cluster;
    FundingCall call;

    @BeforeEach
    void aPublishedCall() {
        cluster = scenario.cluster();
        call = scenario.publishedCall(cluster);
    }

    static RequestPostProcessor sme(String username) {
        return user(username).authorities(new SimpleGrantedAuthority("sme"));
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result;
    }

    private static String path(Application application) {
        return "/portal/applications/" + application.getId();
    }

    @Test
    void theSmeConfirmsTheWithdrawalWithAReasonAndThePageSaysWithdrawn() throws Exception {
        Application application = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);
        String user = scenario.applicantOf(application);

        String page = perform(get(path(application)).with(sme(user)), 200).getResponse().getContentAsString();
        assertThat(page).contains("id=\"withdraw-open\"").contains("href=\"" + path(application) + "/withdraw\"");
        String confirmation = perform(get(path(application) + "/withdraw").with(sme(user)), 200).getResponse()
                .getContentAsString();
        assertThat(confirmation).contains("the review and the evaluation of your application stop")
                .contains("A withdrawal cannot be undone.").contains("id=\"withdraw-reason\"")
                .doesNotContain("id=\"withdraw-refusal\"");
        assertThat(stored(application).getStatus()).as("the confirmation step changes nothing")
                .isEqualTo(ApplicationStatus.IN_REVIEW);

        MvcResult done = perform(post(path(application) + "/withdraw").param("reason", "We cannot travel in May.")
                .with(sme(user)).with(csrf()), 302);

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo(path(application) + "?withdrawn");
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc("Application",
                application.reference())).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getReason)
                .contains(org.assertj.core.groups.Tuple.tuple("APPLICATION_WITHDRAWN", user, "We cannot travel in May."));
        String after = perform(get(path(application) + "?withdrawn").with(sme(user)).param("lang", "ca"), 200)
                .getResponse().getContentAsString();
        assertThat(after).contains("La vostra sol·licitud " + application.reference() + " s’ha retirat.")
                .contains(">Retirada<", "La vostra empresa va retirar la sol·licitud")
                .doesNotContain("id=\"withdraw-open\"", "el clúster està revisant la sol·licitud");
    }

    @Test
    void aSelectedApplicationIsToldItsPlaceGoesToTheReserveList() throws Exception {
        ClaimSetup.Participant participant = claimSetup.confirmed(AMOUNT, form -> { });
        String user = scenario.applicantOf(participant.application());

        String confirmation = perform(get(path(participant.application()) + "/withdraw").param("lang", "es")
                .with(sme(user)), 200).getResponse().getContentAsString();

        assertThat(confirmation).contains("su plaza pasa a la siguiente empresa de la lista de reserva");
    }

    @Test
    void aTooLongReasonIsRefusedNextToTheFieldInTheReadersLanguageAndNothingChanges() throws Exception {
        Application application = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);
        String user = scenario.applicantOf(application);

        String refused = perform(post(path(application) + "/withdraw").param("reason", "x".repeat(2001))
                .param("lang", "es").with(sme(user)).with(csrf()), 400).getResponse().getContentAsString();

        assertThat(refused).contains("id=\"withdraw-reason-error\"").contains("El motivo puede tener como máximo")
                .contains("aria-invalid=\"true\"");
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc("Application",
                application.reference())).extracting(AuditEvent::getAction).doesNotContain("APPLICATION_WITHDRAWN");
    }

    @Test
    void onceTheClaimIsApprovedForPaymentTheButtonIsOffWithTheReasonAndAForcedPostIsRefused() throws Exception {
        ClaimSetup.Participant participant = claimSetup.openClaim(AMOUNT);
        Application application = participant.application();
        claims.submit(application, ClaimFixtures.input(3, ClaimFixtures.item(ExpenseCategory.ACCOMMODATION,
                "450.00", "EUR", participant.call().getActivityStart(), "hotel")));
        claims.verify(participant.cluster().verifier(), application, "APPROVE", null, null);
        claims.decidePayment(participant.cluster().approver(), application, "APPROVE", null);
        String user = scenario.applicantOf(application);

        String page = perform(get(path(application)).param("lang", "ca").with(sme(user)), 200).getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"withdraw-open\" disabled aria-describedby=\"withdraw-refusal\"")
                .contains(application.reference() + " ja no es pot retirar: finances ha acceptat");

        String refused = perform(post(path(application) + "/withdraw").with(sme(user)).with(csrf()), 409)
                .getResponse().getContentAsString();
        assertThat(refused).contains("id=\"withdraw-refusal\"")
                .contains(application.reference() + " can no longer be withdrawn: finance has accepted");
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
    }

    @Test
    void anotherCompanysUserFindsNeitherTheStepNorThePdf() throws Exception {
        Application application = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);
        Application theirs = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);
        String stranger = scenario.applicantOf(theirs);

        perform(get(path(application) + "/withdraw").with(sme(stranger)), 404);
        perform(post(path(application) + "/withdraw").with(sme(stranger)).with(csrf()), 404);
        perform(get(path(application) + "/pdf").with(sme(stranger)), 404);
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void theSmeDownloadsItsApplicationAsSubmittedInItsLanguage() throws Exception {
        Application application = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);
        String user = scenario.applicantOf(application);
        assertThat(perform(get(path(application)).with(sme(user)), 200).getResponse().getContentAsString())
                .contains("href=\"" + path(application) + "/pdf\"");

        MvcResult pdf = perform(get(path(application) + "/pdf").param("lang", "es").with(sme(user)), 200);

        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment").contains("application-" + application.reference() + ".pdf");
        assertThat(PdfText.of(pdf.getResponse().getContentAsByteArray()))
                .contains("Solicitud " + application.reference() + " tal como se presentó")
                .contains("We want to meet Canadian buyers of technical textiles.").contains(call.getTitle());
    }

    private Application stored(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }
}
