package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import eu.clustercalls.ApiResponses;
import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimInput;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.security.Roles;

/**
 * The expense claim in the portal: listed in "To do" once the activity is over, sent as a multipart form with its
 * receipts, refused field by field with nothing stored, read-only once sent, prefilled when returned.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
@ExtendWith(ProcessAssertions.class)
class ClaimPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimService claims;
    @Autowired
    DocumentService documents;

    /** A confirmed participant of an actual-costs call (grant €2,000) whose claim is open. */
    ClaimSetup.Participant sme;
    String applicant;
    LocalDate start;

    @BeforeEach
    void anOpenClaim() {
        sme = setup.openClaim(new BigDecimal("2000"), form -> form.put("costsStand", false));
        applicant = scenario.applicantOf(sme.application());
        start = sme.call().getActivityStart();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
        return request.with(user(username).authorities(new SimpleGrantedAuthority(Roles.SME)));
    }

    private String url() {
        return "/portal/applications/" + sme.application().getId() + "/claim";
    }

    private String page(String username, String lang) throws Exception {
        MvcResult result = mvc.perform(as(get(url()).param("lang", lang), username)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** A complete claim of one flight with its PDF receipt and a PNG boarding pass, as the browser sends it. */
    private MockMultipartHttpServletRequestBuilder claimForm(MockMultipartFile receipt) {
        return claimForm(receipt, Map.of());
    }

    /** The same with some fields changed. */
    private MockMultipartHttpServletRequestBuilder claimForm(MockMultipartFile receipt, Map<String, String> changed) {
        MockMultipartHttpServletRequestBuilder request = claimFields(changed);
        request.file(receipt);
        request.file(new MockMultipartFile("attendanceProof", "boarding-pass.png", "image/png",
                ClaimFixtures.png("boarding " + Scenario.next())));
        return request;
    }

    /** The claim's fields without a file chosen: the empty file fields, as browsers send them. */
    private MockMultipartHttpServletRequestBuilder claimFields(Map<String, String> changed) {
        MockMultipartHttpServletRequestBuilder request = multipart(url());
        request.file(new MockMultipartFile("item7Receipt", "", "application/octet-stream", new byte[0]));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("item0Category", "TRAVEL");
        fields.put("item0Description", "Flight Barcelona – Montreal");
        fields.put("item0Date", start.minusDays(1).toString());
        fields.put("item0Amount", "450.00");
        fields.put("item0Currency", "EUR");
        fields.put("item1Currency", "EUR");
        fields.put("daysAttended", "5");
        fields.put("missionReport", "Met four buyers; two asked for samples.");
        fields.put("iban", ClaimFixtures.SME_IBAN);
        fields.put("accountHolder", "Test Company SL");
        fields.putAll(changed);
        fields.forEach(request::param);
        return request;
    }

    private static MockMultipartFile pdfReceipt() {
        return new MockMultipartFile("item0Receipt", "flight.pdf", "application/pdf",
                ClaimFixtures.pdf("flight " + Scenario.next()));
    }

    private MvcResult send(MockMultipartHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(as(request, username).with(csrf())).andReturn();
    }

    private void assertNothingStored() {
        ExpenseClaim claim = fixtures.claimOf(sme.application());
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.OPEN);
        assertThat(claims.itemsOf(claim.getId())).isEmpty();
        assertThat(documents.ofClaim(claim.getId())).isEmpty();
    }

    @Test
    void theClaimIsListedInToDoOnlyOnceTheActivityIsOver() throws Exception {
        ClaimSetup.Participant confirmed = setup.confirmed(new BigDecimal("1500"), form -> { });
        String confirmedUser = scenario.applicantOf(confirmed.application());
        String link = "id=\"claim-" + confirmed.application().getId() + "\"";
        assertThat(mvc.perform(as(get("/portal/todo"), confirmedUser)).andReturn().getResponse().getContentAsString())
                .doesNotContain(link).contains("id=\"nothing-to-do\"");

        setup.activityOver(confirmed);

        assertThat(mvc.perform(as(get("/portal/todo"), confirmedUser)).andReturn().getResponse().getContentAsString())
                .contains(link, "Claim your travel costs", "by the end of");
    }

    @Test
    void theFormCarriesTheRulesOfTheEstimateAndRendersInEveryLanguage() throws Exception {
        String english = page(applicant, "en");
        assertThat(english).contains("id=\"item0Amount\"", "id=\"item7Receipt\"", "id=\"submit-claim\"",
                "id=\"eligible-total\"", "aria-live=\"polite\"", "data-rules=\"{&quot;model&quot;:&quot;ACTUAL_COSTS_CAPPED&quot;,&quot;cap&quot;:&quot;2000",
                "&quot;excluded&quot;:[&quot;STAND&quot;]",
                "enctype=\"multipart/form-data\"", "accept=\".pdf,.jpg,.jpeg,.png\"", "claim.js");
        assertThat(english).doesNotContain("??");
        assertThat(page(applicant, "es")).contains("Solicitud de reembolso", "Justificante").doesNotContain("??");
        assertThat(page(applicant, "ca")).contains("Sol·licitud de reemborsament", "Justificant").doesNotContain("??");
    }

    @Test
    void aClaimWithAPdfReceiptIsSentAndThenShownReadOnlyWithItsEligibleAmount() throws Exception {
        MvcResult result = send(claimForm(pdfReceipt()), applicant);

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/portal/applications/" + sme.application().getId() + "?claimed");
        ExpenseClaim claim = fixtures.claimOf(sme.application());
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claims.itemsOf(claim.getId())).singleElement().satisfies(item -> {
            assertThat(item.getAmount()).isEqualByComparingTo("450.00");
            assertThat(item.getCategory()).isEqualTo(ExpenseCategory.TRAVEL);
            assertThat(item.isEligible()).isTrue();
        });
        assertThat(documents.ofClaim(claim.getId())).hasSize(2);

        String page = page(applicant, "en");
        assertThat(page).contains("Sent; finance is verifying it", "Flight Barcelona – Montreal", "id=\"computed-amount\"",
                "€450.00").doesNotContain("id=\"submit-claim\"");
    }

    @Test
    void aClaimAlreadySentCannotBeSentAgain() throws Exception {
        send(claimForm(pdfReceipt()), applicant);
        ExpenseClaim sent = fixtures.claimOf(sme.application());

        MvcResult again = send(claimForm(pdfReceipt(), Map.of("item0Amount", "9999")), applicant);

        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(claims.itemsOf(sent.getId())).singleElement()
                .satisfies(item -> assertThat(item.getAmount()).isEqualByComparingTo("450.00"));
    }

    @Test
    void aStartedRowWithoutAnAmountShowsTheErrorNextToTheAmountAndStoresNothing() throws Exception {
        MockMultipartHttpServletRequestBuilder request = claimForm(pdfReceipt(), Map.of("item0Amount", ""));

        MvcResult result = send(request, applicant);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("id=\"item0Amount-error\"", "Please enter the amount on the receipt",
                "aria-describedby=\"item0Amount-error\"", "href=\"#item0Amount\"", "role=\"alert\"",
                "value=\"Flight Barcelona – Montreal\"");
        assertNothingStored();
    }

    @Test
    void aFileThatIsNoPdfThoughNamedSoIsRefusedNextToItsField() throws Exception {
        MockMultipartFile disguised = new MockMultipartFile("item0Receipt", "invoice.pdf", "application/pdf",
                "MZ this is a program".getBytes(StandardCharsets.US_ASCII));

        MvcResult result = send(claimForm(disguised), applicant);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("id=\"item0Receipt-error\"",
                "invoice.pdf is not a PDF, JPEG or PNG file (its content says so, whatever its name).");
        assertNothingStored();
    }

    @Test
    void aWrongIbanIsShownNextToItsFieldInTheReadersLanguage() throws Exception {
        MockMultipartHttpServletRequestBuilder request = claimForm(pdfReceipt(),
                Map.of("iban", "ES0000000000000000000000"));

        request.param("lang", "es");

        MvcResult result = send(request, applicant);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("id=\"iban-error\"", "href=\"#iban\"",
                "Este IBAN no es válido");
        assertNothingStored();
    }

    @Test
    void aClaimWithoutTheCsrfTokenIsRefused() throws Exception {
        int status = mvc.perform(as(claimForm(pdfReceipt()), applicant)).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void anotherCompanysUserGetsNotFoundAndChangesNothing() throws Exception {
        String stranger = Scenario.contactOf(scenario.memberCompany(sme.cluster()));

        assertThat(mvc.perform(as(get(url()), stranger)).andReturn().getResponse().getStatus()).isEqualTo(404);
        MvcResult result = send(claimForm(pdfReceipt()), stranger);

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertNothingStored();
    }

    @Test
    void aClaimReturnedForCorrectionIsPrefilled() throws Exception {
        ClaimInput input = ClaimFixtures.input(5, ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "610.40", "EUR",
                start, "hotel"));
        fixtures.submit(sme.application(), input);
        fixtures.verify(sme.cluster().verifier(), sme.application(), "RETURN", null,
                "The hotel invoice is not legible.");

        String page = page(applicant, "en");

        assertThat(page).contains("The hotel invoice is not legible.", "value=\"Accommodation expense\"",
                "value=\"610.40\"", "value=\"" + ClaimFixtures.SME_IBAN + "\"", "id=\"submit-claim\"");
        assertThat(mvc.perform(as(get("/portal/todo"), applicant)).andReturn().getResponse().getContentAsString())
                .contains("Correct the expense claim", "The hotel invoice is not legible.");
    }

    @Test
    void anItemsReasonsForNotBeingEligibleAreShownInTheReadersLanguage() throws Exception {
        // The call does not reimburse stands: a stand without a receipt is not eligible for two reasons.
        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                ClaimFixtures.item(ExpenseCategory.STAND, "500.00", "EUR", start, null),
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "450.00", "EUR", start.minusDays(1), "flight")));
        String spanish = "Esta convocatoria no reembolsa los gastos de estand. No se ha adjuntado ningún justificante.";

        assertThat(page(applicant, "es")).contains(spanish).doesNotContain("not reimbursed", "No receipt", "§");
        assertThat(mvc.perform(as(get("/portal/applications/" + sme.application().getId()).param("lang", "es"),
                applicant)).andReturn().getResponse().getContentAsString())
                .contains(spanish).doesNotContain("not reimbursed", "No receipt", "§");
        assertThat(page(applicant, "en")).contains("Stand costs are not reimbursed by this call. No receipt attached.");
    }

    @Test
    void everyProblemIsShownAtOnceNextToItsExpenseInTheReadersLanguage() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("item0Receipt", "fake.pdf", "application/pdf",
                "not a pdf".getBytes(StandardCharsets.US_ASCII));
        MockMultipartHttpServletRequestBuilder request = claimForm(fake, Map.of("daysAttended", "99",
                "item1Category", "ACCOMMODATION", "item1Date", scenario.today().plusDays(2).toString(),
                "item1Amount", "120", "item1Description", ""));
        request.file(new MockMultipartFile("item1Receipt", "hotel.pdf", "application/pdf",
                ClaimFixtures.pdf("hotel " + Scenario.next())));
        request.param("lang", "ca");

        MvcResult result = send(request, applicant);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains(
                "Despesa 1: fake.pdf no és un fitxer PDF, JPEG o PNG",
                "Despesa 2: la data d’una despesa no pot ser futura.",
                "Despesa 2: " + "Descriviu aquesta despesa.",
                "Dies d’assistència: indiqueu un nombre de dies de l’1 al " + sme.call().activityDays())
                .contains("id=\"item0Receipt-error\"", "id=\"item1Date-error\"", "id=\"daysAttended-error\"")
                .doesNotContain("§", "Expense", "Please");
        // In the summary in the page's order: the first expense before the second, the days after both.
        assertThat(page.indexOf("href=\"#item0Receipt\"")).isLessThan(page.indexOf("href=\"#item1Description\""));
        assertThat(page.indexOf("href=\"#item1Date\"")).isLessThan(page.indexOf("href=\"#daysAttended\""));
        // The files that passed their checks are kept, and said so.
        assertThat(page).contains("hotel.pdf està desat", "boarding-pass.png està desat", "id=\"kept-hint\"")
                .doesNotContain("fake.pdf està desat");
        assertNothingStored();
    }

    @Test
    void filesKeptFromARefusedClaimAreSentWithItWithoutAttachingThemAgain() throws Exception {
        MvcResult refused = send(claimForm(pdfReceipt(), Map.of("item0Date",
                scenario.today().plusDays(1).toString())), applicant);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("flight.pdf is kept", "boarding-pass.png is kept",
                "Expense 1: the date of an expense cannot be in the future.");

        MvcResult sent = send(claimFields(Map.of()), applicant);

        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        ExpenseClaim claim = fixtures.claimOf(sme.application());
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(documents.ofClaim(claim.getId())).extracting(file -> file.getFileName())
                .containsExactlyInAnyOrder("flight.pdf", "boarding-pass.png");
        assertThat(claims.itemsOf(claim.getId())).singleElement()
                .satisfies(item -> assertThat(item.getReceiptDocumentId()).isNotNull());
        assertThat(documents.keptOfDraft(claim.getId())).isEmpty();
    }

    @Test
    void aDraftKeepsTheValuesAndFilesUncheckedAndIsClearedWhenTheClaimIsSent() throws Exception {
        MockMultipartHttpServletRequestBuilder draft = multipart(url());
        draft.file(pdfReceipt());
        draft.param("item0Description", "Flight Barcelona – Montreal");
        draft.param("item0Amount", "450,00");
        draft.param("daysAttended", "99");
        draft.param("action", "draft");

        MvcResult saved = send(draft, applicant);

        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(url() + "?draftSaved");
        assertNothingStored();
        // Another session: the page shows the draft.
        String page = page(applicant, "en");
        assertThat(page).contains("value=\"Flight Barcelona – Montreal\"", "value=\"450,00\"", "value=\"99\"",
                "flight.pdf is kept");

        MockMultipartHttpServletRequestBuilder finished = claimFields(Map.of());
        finished.file(new MockMultipartFile("attendanceProof", "boarding-pass.png", "image/png",
                ClaimFixtures.png("boarding " + Scenario.next())));
        assertThat(send(finished, applicant).getResponse().getStatus()).isEqualTo(302);
        assertThat(claims.draftOf(applicant, sme.application().getId())).isEmpty();
    }

    @Test
    void aKeptFileIsRemovedOnlyByItsCompanyWhileTheClaimCanBeChanged() throws Exception {
        MockMultipartHttpServletRequestBuilder draft = multipart(url());
        draft.file(pdfReceipt());
        draft.param("action", "draft");
        send(draft, applicant);
        Long kept = claims.keptFiles(applicant, sme.application().getId()).get(0).id();
        String stranger = Scenario.contactOf(scenario.memberCompany(sme.cluster()));

        MockMultipartHttpServletRequestBuilder byStranger = multipart(url());
        byStranger.param("remove", kept.toString());
        assertThat(send(byStranger, stranger).getResponse().getStatus()).isEqualTo(404);
        assertThat(claims.keptFiles(applicant, sme.application().getId())).hasSize(1);

        MockMultipartHttpServletRequestBuilder byApplicant = multipart(url());
        byApplicant.param("remove", kept.toString());
        byApplicant.param("item0Description", "Flight");
        MvcResult removed = send(byApplicant, applicant);
        assertThat(removed.getResponse().getStatus()).isEqualTo(200);
        assertThat(removed.getResponse().getContentAsString()).contains("value=\"Flight\"")
                .doesNotContain("flight.pdf is kept");
        assertThat(claims.keptFiles(applicant, sme.application().getId())).isEmpty();
    }

    @Test
    void theCompanysPersonalDataExportShowsTheDraftAndAForfeitedClaimLosesIt() throws Exception {
        MockMultipartHttpServletRequestBuilder draft = multipart(url());
        draft.file(pdfReceipt());
        draft.param("item0Description", "Flight booked by Jordi Vidal");
        draft.param("action", "draft");
        send(draft, applicant);

        JsonNode exported = ApiResponses.body(mvc.perform(get("/api/companies/{id}/personal-data",
                sme.application().getCompanyId()).with(httpBasic(applicant, Scenario.PASSWORD))).andReturn(), 200);
        JsonNode saved = exported.get("applications").get(0).get("expenseClaim").get("draft");
        assertThat(saved.get("savedBy").asText()).isEqualTo(applicant);
        assertThat(saved.get("values").asText()).contains("Flight booked by Jordi Vidal");
        assertThat(saved.get("files").get(0).get("fileName").asText()).isEqualTo("flight.pdf");

        ExpenseClaim claim = fixtures.claimOf(sme.application());
        claims.forfeit(claim.getId());

        assertThat(claims.draftOfClaim(claim.getId())).isEmpty();
        assertThat(documents.keptOfDraft(claim.getId())).isEmpty();
    }
}
