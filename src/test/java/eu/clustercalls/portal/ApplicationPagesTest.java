package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.support.Formats;

/**
 * "My applications": an SME user sees only its company's applications, follows one on its timeline, reads the
 * reasons of the decisions, its scores once the results are out, and downloads its award letter; another company's
 * user gets nothing of it.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
@Import(ClaimFixtures.class)
class ApplicationPagesTest {

    private static final BigDecimal AMOUNT = new BigDecimal("1500");

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationService applications;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    DocumentService documents;
    @Autowired
    CompanyService companies;
    @Autowired
    Languages languages;
    @Autowired
    NotificationRepository notifications;

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

    private String page(String path, String username, int status) throws Exception {
        return perform(get(path).with(sme(username)), status).getResponse().getContentAsString();
    }

    private static String path(Application application) {
        return "/portal/applications/" + application.getId();
    }

    @Test
    void myApplicationsListsOnlyTheApplicationsOfMyCompany() throws Exception {
        Application mine = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);
        Application theirs = scenario.apply(call, scenario.memberCompany(cluster), AMOUNT);

        String list = page("/portal/applications", scenario.applicantOf(mine), 200);

        assertThat(list).contains(">" + mine.reference() + "<").contains(call.getTitle())
                .contains("href=\"" + path(mine) + "\"")
                .doesNotContain(">" + theirs.reference() + "<").doesNotContain(path(theirs) + "\"");
    }

    @Test
    void theTimelineShowsSubmittedDoneRightAfterApplying() throws Exception {
        Company company = scenario.memberCompany(cluster);
        String user = Scenario.contactOf(company);
        Application application = applications.apply(call.getId(), user, Scenario.applyCommand(AMOUNT));

        String page = page(path(application) + "?submitted", user, 200);

        assertThat(page).contains("<ol class=\"timeline\" id=\"timeline\"")
                .contains("<li data-step=\"submitted\" class=\"done\">")
                .contains("<li data-step=\"eligibility\" class=\"current\" aria-current=\"step\">")
                .contains("<li data-step=\"paid\">")
                .containsPattern("id=\"application-status\">Submitted<")
                .contains("id=\"submitted\"")
                .contains("We want to meet Canadian buyers of technical textiles.")
                .doesNotContain("id=\"award-letter\"");
    }

    @Test
    void theSmeReadsWhyItsApplicationIsNotEligibleInItsLanguageOnThePageAndInTheMail() throws Exception {
        LocalDate membershipEnds = scenario.today().plusDays(10);
        Company leaving = scenario.company(Scenario.figures(8, "1200000", "900000"), List.of());
        companies.recordMembership(leaving.getId(), cluster.id(), "M-" + leaving.getId(), LocalDate.of(2020, 1, 1),
                membershipEnds);
        String user = Scenario.contactOf(leaving);
        languages.choose(user, Locale.forLanguageTag("ca"));
        Application application = scenario.apply(call, leaving, AMOUNT);
        scenario.confirmEligibility(cluster, application);
        String closing = " (" + Formats.date(call.closingDate(scenario.zone()), Locale.forLanguageTag("es")) + ")";

        String spanish = perform(get(path(application)).param("lang", "es").with(sme(user)), 200)
                .getResponse().getContentAsString();

        assertThat(spanish).contains("<li>La afiliación a " + cluster.name() + " termina el "
                + Formats.date(membershipEnds, Locale.forLanguageTag("es")) + ", antes de la fecha de cierre" + closing
                + "; esta convocatoria solo está abierta a las empresas socias.</li>").doesNotContain("§");
        assertThat(notifications.findByEntityTypeAndEntityIdOrderById("Application", application.reference()))
                .filteredOn(mail -> mail.getType().equals(NotificationType.ELIGIBILITY_RESULT.name())).singleElement()
                .satisfies(mail -> assertThat(mail.getBody()).contains("- L’afiliació a " + cluster.name()
                        + " acaba el dia " + Formats.date(membershipEnds, Locale.forLanguageTag("ca"))
                        + ", abans de la data de tancament").doesNotContain("§"));
    }

    @Test
    void theScoresPerCriterionAreHiddenUntilTheResultsArePublished() throws Exception {
        Application application = scenario.evaluatedApplication(cluster, call, AMOUNT, 20, 20);
        String user = scenario.applicantOf(application);

        String before = page(path(application), user, 200);
        assertThat(before).contains("id=\"application-status\">Evaluated<").doesNotContain("id=\"scores\"")
                .doesNotContain("Final score").contains("<li data-step=\"evaluation\" class=\"done\">");

        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);

        String after = page(path(application), user, 200);
        assertThat(after).contains("id=\"scores\"").contains("Relevance of the target market")
                .contains("Internationalisation readiness").contains("Quality of the company’s representation")
                .containsPattern("id=\"score-total\">20 of 25<")
                .contains("Selected: rank 1 on the main list.")
                .contains("id=\"application-status\">Selected<")
                .contains("<li data-step=\"result\" class=\"done\">")
                .contains("<li data-step=\"confirmation\" class=\"current\" aria-current=\"step\">")
                .doesNotContain("id=\"award-letter\"");
        page(path(application) + "/award-letter", user, 404);
    }

    @Test
    void theAwardLetterOfAConfirmedApplicationIsAPdfDownload() throws Exception {
        Application application = scenario.confirmedApplication(cluster, call, AMOUNT);
        String user = scenario.applicantOf(application);
        assertThat(page(path(application), user, 200)).contains("id=\"award-letter\"")
                .contains("Award letter (PDF)").contains("id=\"application-status\">Confirmed<")
                .contains(" — opens when the activity is over</span>");

        MvcResult letter = perform(get(path(application) + "/award-letter").with(sme(user)), 200);

        assertThat(letter.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(letter.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("award-letter-" + application.reference() + ".pdf");
        assertThat(PdfText.of(letter.getResponse().getContentAsByteArray())).contains("€1,500.00")
                .contains(call.getTitle()).contains("Award letter " + application.reference());

        scenario.activityOver(call, application);
        assertThat(page(path(application), user, 200)).contains("id=\"decision-claim\"")
                .contains("Open: claim your costs by the end of")
                .contains("<li data-step=\"claim\" class=\"current\" aria-current=\"step\">")
                .contains("<li data-step=\"confirmation\" class=\"done\">").contains(" — in progress</span>");
    }

    @Test
    void theClaimsDocumentsAreDownloadsForTheApplicantCompanyOnly() throws Exception {
        Application application = scenario.confirmedApplication(cluster, call, AMOUNT);
        String user = scenario.applicantOf(application);
        scenario.activityOver(call, application);
        claims.submit(application, ClaimFixtures.input(3, ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00",
                "EUR", call.getActivityStart(), "hotel-invoice")));
        List<DocumentSummary> files = documents.ofClaim(claims.claimOf(application).getId());
        assertThat(files).isNotEmpty();
        DocumentSummary file = files.get(0);
        String documentPath = path(application) + "/documents/" + file.getId();

        assertThat(page(path(application), user, 200)).contains("href=\"" + documentPath + "\"")
                .contains(file.getFileName())
                .as("sent, not yet verified").contains("<li data-step=\"claim\" class=\"current\" aria-current=\"step\">");
        MvcResult download = perform(get(documentPath).with(sme(user)), 200);
        assertThat(download.getResponse().getContentType()).isEqualTo(file.getContentType());
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        assertThat(download.getResponse().getContentAsByteArray()).isNotEmpty();

        String stranger = Scenario.contactOf(scenario.memberCompany(cluster));
        assertThat(page(documentPath, stranger, 404)).doesNotContain(file.getFileName());
        // The award letter is a document of the application, not one of the claim's files.
        Long awardLetter = documents.ofApplication(application.getId()).get(0).getId();
        page(path(application) + "/documents/" + awardLetter, user, 404);
    }

    @Test
    void afterSendingTheClaimTheBannerBadgeAndTimelineSayFinanceIsCheckingItNotConfirmedNorPaid() throws Exception {
        Application application = scenario.confirmedApplication(cluster, call, AMOUNT);
        String user = scenario.applicantOf(application);
        scenario.activityOver(call, application);
        ExpenseClaim claim = claims.submit(application, ClaimFixtures.input(3, ClaimFixtures.item(
                ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel-invoice")));
        scenario.runJobsOf(claim.getProcessInstanceId());

        String page = page(path(application) + "?claimed", user, 200);

        assertThat(page).contains("<p class=\"notice\" role=\"status\" id=\"claimed\">Claim " + claim.reference()
                        + " submitted — finance is checking it.")
                .containsPattern("id=\"application-status\">Claim submitted — finance is checking<")
                .contains("<li data-step=\"claim\" class=\"current\" aria-current=\"step\">")
                .contains(" — submitted; finance is checking it</span>")
                .contains("<li data-step=\"paid\">")
                .doesNotContain(">Confirmed<").doesNotContain("— in progress");
        assertThat(page("/portal/applications", user, 200)).contains(">Claim submitted — finance is checking<");
        assertThat(page(path(application) + "?lang=es", user, 200))
                .contains(">Justificación enviada — en revisión por el equipo financiero<")
                .doesNotContain(">Confirmada<", "Pagada — en curso");
        assertThat(page(path(application), user, 200)).as("the banner only right after sending")
                .doesNotContain("id=\"claimed\"");

        claims.verify(cluster.verifier(), application, "APPROVE", null, null);
        assertThat(page(path(application), user, 200))
                .containsPattern("id=\"application-status\">Claim verified — payment being approved<")
                .contains("<li data-step=\"claim\" class=\"done\">")
                .contains(" — claim verified; a second finance officer approves the payment</span>");

        claims.decidePayment(cluster.approver(), application, "APPROVE", null);
        assertThat(page(path(application), user, 200))
                .containsPattern("id=\"application-status\">Approved for payment<")
                .contains(" — approved for payment; the transfer is on its way</span>");

        scenario.runJobsOf(claim.getProcessInstanceId());
        assertThat(page(path(application), user, 200)).containsPattern("id=\"application-status\">Paid<")
                .contains("<li data-step=\"paid\" class=\"done\">").doesNotContain("aria-current=\"step\"");
    }

    @Test
    void aClaimReturnedForCorrectionSaysSoOnTheBadgeAndTheTimeline() throws Exception {
        Application application = scenario.confirmedApplication(cluster, call, AMOUNT);
        String user = scenario.applicantOf(application);
        scenario.activityOver(call, application);
        ExpenseClaim claim = claims.submit(application, ClaimFixtures.input(3, ClaimFixtures.item(
                ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel-invoice")));
        scenario.runJobsOf(claim.getProcessInstanceId());

        claims.verify(cluster.verifier(), application, "RETURN", null, "The hotel invoice is not legible.");

        assertThat(page(path(application), user, 200))
                .containsPattern("id=\"application-status\">Claim returned for correction<")
                .contains("<li data-step=\"claim\" class=\"current\" aria-current=\"step\">")
                .contains(" — returned to you for correction</span>").contains("The hotel invoice is not legible.");
        assertThat(page(path(application) + "?lang=ca", user, 200))
                .contains(">Justificació retornada per corregir-la<", " — retornada perquè la corregiu</span>");
    }

    @Test
    void anItemFinanceReducedShowsTheClaimedAndReducedAmountsAndFinancesReason() throws Exception {
        Application application = scenario.confirmedApplication(cluster, call, AMOUNT);
        String user = scenario.applicantOf(application);
        scenario.activityOver(call, application);
        ExpenseClaim claim = claims.submit(application, ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "300.00", "EUR", call.getActivityStart(), "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", call.getActivityStart(), "hotel")));
        scenario.runJobsOf(claim.getProcessInstanceId());

        claims.verify(cluster.verifier(), application, "REDUCE", "2 = 0", "Hotel paid by the organiser's package.");

        String page = page(path(application) + "/claim?lang=ca", user, 200);
        assertThat(page).contains("Reduït per l’equip financer de 450,00\u00a0€ a 0,00\u00a0€")
                .contains("Motiu de l’equip financer: Hotel paid by the organiser&#39;s package.")
                .contains("id=\"reduction-reason\">Hotel paid by the organiser&#39;s package.<")
                .doesNotContain("Sí, 0,00\u00a0€");
    }

    @Test
    void anotherCompanysUserGetsNotFoundAndNoneOfTheApplicationsData() throws Exception {
        Application application = scenario.confirmedApplication(cluster, call, AMOUNT);
        String stranger = Scenario.contactOf(scenario.memberCompany(cluster));

        for (String path : List.of(path(application), path(application) + "/award-letter",
                path(application) + "/documents/1")) {
            String body = page(path, stranger, 404);
            assertThat(body).doesNotContain(application.reference()).doesNotContain("Canadian buyers")
                    .doesNotContain("€1,500.00");
        }
        assertThat(page("/portal/applications", stranger, 200)).doesNotContain(application.reference());
    }

    @Test
    void theApplicationPagesSpeakSpanishAndCatalan() throws Exception {
        Application application = scenario.evaluatedApplication(cluster, call, AMOUNT, 20, 20);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        String user = scenario.applicantOf(application);

        for (String language : List.of("es", "ca")) {
            String list = page("/portal/applications?lang=" + language, user, 200);
            String one = page(path(application) + "?lang=" + language, user, 200);
            for (String page : List.of(list, one)) {
                assertThat(page).contains("<html lang=\"" + language + "\"").doesNotContain("??");
            }
            assertThat(one).contains(language.equals("es") ? "Seleccionada: puesto 1 de la lista principal."
                    : "Seleccionada: posició 1 de la llista principal.")
                    .contains(language.equals("es") ? "Puntuación final" : "Puntuació final");
        }
    }
}
