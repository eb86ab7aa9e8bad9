package eu.clustercalls.reimbursement;

import static eu.clustercalls.ApiResponses.body;
import static eu.clustercalls.ApiResponses.fieldNames;
import static eu.clustercalls.reimbursement.ClaimFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.currency.ExchangeRate;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.payment.Iban;
import eu.clustercalls.support.Formats;

/**
 * The SME's expense claim through the JSON API (multipart: a part "claim" with the JSON and one part per file), and
 * the exchange-rate table finance maintains. A refused claim stores nothing and leaves the SME's task open.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
@ExtendWith(ProcessAssertions.class)
class ClaimControllerTest {

    private static final int MEGABYTE = 1024 * 1024;
    static final String NOT_MULTIPART =
            "Please send the claim as multipart/form-data: a part 'claim' with the JSON and one part per file.";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimService claims;
    @Autowired
    DocumentService documents;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    AuditService audit;

    /** A confirmed participant of an actual-costs call (grant €2,000) whose claim is open. */
    ClaimSetup.Participant sme;
    String applicant;
    LocalDate start;

    @BeforeEach
    void anOpenClaim() {
        sme = setup.openClaim(new BigDecimal("2000"));
        applicant = scenario.applicantOf(sme.application());
        start = sme.call().getActivityStart();
    }

    // --- requests ---

    private String url() {
        return "/api/applications/" + sme.application().getId() + "/expense-claim";
    }

    private MockMultipartFile claimPart(Object claim) throws Exception {
        return new MockMultipartFile("claim", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(claim));
    }

    private static MockMultipartFile pdfPart(String part, String fileName, byte[] content) {
        return new MockMultipartFile(part, fileName, MediaType.APPLICATION_PDF_VALUE, content);
    }

    /** A distinct PDF per receipt the input names and a PNG boarding pass, as a browser sends them. */
    private static List<MockMultipartFile> filesFor(ClaimInput input) {
        List<MockMultipartFile> files = new ArrayList<>();
        for (Upload upload : ClaimFixtures.filesFor(input)) {
            files.add(new MockMultipartFile(upload.part(), upload.fileName(),
                    upload.fileName().endsWith(".png") ? MediaType.IMAGE_PNG_VALUE : MediaType.APPLICATION_PDF_VALUE,
                    upload.content()));
        }
        return files;
    }

    private MockMultipartHttpServletRequestBuilder submit(String user, Object claim, List<MockMultipartFile> files)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(url());
        request.file(claimPart(claim));
        files.forEach(request::file);
        request.with(Scenario.signedIn(user));
        return request;
    }

    private JsonNode submitted(Object claim, List<MockMultipartFile> files, int status) throws Exception {
        return body(mvc.perform(submit(applicant, claim, files)).andReturn(), status);
    }

    /** The claim with the boarding pass and a valid flight receipt, but the flight's part replaced by this file. */
    private JsonNode submittedWithFlightReceipt(MockMultipartFile flight) throws Exception {
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start.minusDays(1), "flight"));
        List<MockMultipartFile> files = new ArrayList<>(filesFor(input).stream()
                .filter(file -> !file.getName().equals("flight")).toList());
        files.add(flight);
        return submitted(input, files, 400);
    }

    /** Nothing of a refused claim was kept: no file, no item, still open, and the SME's task still waits. */
    private void assertNothingStored() {
        ExpenseClaim claim = fixtures.claimOf(sme.application());
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.OPEN);
        assertThat(claim.getSubmittedAt()).isNull();
        assertThat(documents.ofClaim(claim.getId())).isEmpty();
        assertThat(claims.itemsOf(claim.getId())).isEmpty();
        assertThat(fixtures.task(sme.application(), ReimbursementProcess.TASK_SUBMIT_CLAIM)).isNotNull();
    }

    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.get("errors").fields().forEachRemaining(field -> errors.put(field.getKey(), field.getValue().asText()));
        return errors;
    }

    // --- submitting and reading the claim ---

    @Test
    void applicantSubmitsAClaimAndGetsItsItemsInEurosWithTheComputedAmount() throws Exception {
        ClaimInput input = ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "450.00", "EUR", start.minusDays(1), "flight"),
                item(ExpenseCategory.REGISTRATION_FEE, "120.00", "EUR", start, null));

        JsonNode view = submitted(input, filesFor(input), 201);

        ExpenseClaim claim = fixtures.claimOf(sme.application());
        assertThat(view.get("reference").asText()).isEqualTo(claim.reference());
        assertThat(view.get("application").asText()).isEqualTo(sme.application().reference());
        assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.get("items")).hasSize(2);
        JsonNode flight = view.get("items").get(0);
        assertThat(flight.get("number").asInt()).isEqualTo(1);
        assertThat(flight.get("category").asText()).isEqualTo("TRAVEL");
        assertThat(flight.get("amountEur").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(flight.get("receipt").asText()).isEqualTo("flight.pdf");
        assertThat(flight.get("eligible").asBoolean()).isTrue();
        assertThat(flight.has("ineligibleReason")).isFalse();
        JsonNode fee = view.get("items").get(1);
        assertThat(fee.get("eligible").asBoolean()).isFalse();
        assertThat(fee.get("ineligibleReason").asText()).isEqualTo("No receipt attached.");
        assertThat(view.get("computedAmount").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(view.get("claimedAmount").decimalValue()).isEqualByComparingTo("570.00");
        assertThat(view.get("attendanceProofs").get(0).asText()).isEqualTo("boarding-pass.png");
        assertThat(view.get("daysAttended").asInt()).isEqualTo(5);
        assertThat(view.get("account").asText()).isEqualTo("Test Company SL, " + Iban.formatted(ClaimFixtures.SME_IBAN));
        // Stored and handed to finance.
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(documents.ofClaim(claim.getId())).hasSize(2);
        assertThat(fixtures.task(sme.application(), ReimbursementProcess.TASK_SUBMIT_CLAIM)).isNull();
        assertThat(fixtures.task(sme.application(), ReimbursementProcess.TASK_VERIFY_CLAIM)).isNotNull();
    }

    @Test
    void applicantReadsTheClaimAsItWasAnswered() throws Exception {
        ClaimInput input = ClaimFixtures.input(4,
                item(ExpenseCategory.ACCOMMODATION, "610.40", "EUR", start, "hotel"));
        JsonNode answered = submitted(input, filesFor(input), 201);

        JsonNode read = body(mvc.perform(get(url()).with(Scenario.signedIn(applicant))).andReturn(), 200);

        assertThat(read).isEqualTo(answered);
        assertThat(read.get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void applicantReadsTheComputationAndWhyAnItemIsNotEligibleInTheLanguageItAsksFor() throws Exception {
        ClaimInput input = ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "450.00", "EUR", start.minusDays(1), "flight"),
                item(ExpenseCategory.REGISTRATION_FEE, "120.00", "EUR", start, null));
        submitted(input, filesFor(input), 201);

        JsonNode spanish = body(mvc.perform(get(url()).header("Accept-Language", "es-ES,es;q=0.9")
                .with(Scenario.signedIn(applicant))).andReturn(), 200);

        Locale es = Locale.forLanguageTag("es");
        assertThat(spanish.get("items").get(1).get("ineligibleReason").asText())
                .isEqualTo("No se ha adjuntado ningún justificante.");
        assertThat(spanish.get("computation")).extracting(JsonNode::asText).containsExactly("Gastos subvencionables: "
                + Formats.euros(new BigDecimal("450"), es) + " de " + Formats.euros(new BigDecimal("570"), es)
                + " solicitados (1 gasto no subvencionable).");
    }

    @Test
    void anotherSmeNeitherSeesNorSubmitsTheClaim() throws Exception {
        String stranger = Scenario.contactOf(scenario.memberCompany(sme.cluster()));
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight"));

        JsonNode read = body(mvc.perform(get(url()).with(Scenario.signedIn(stranger))).andReturn(), 404);
        JsonNode sent = body(mvc.perform(submit(stranger, input, filesFor(input))).andReturn(), 404);

        assertThat(read.get("detail").asText()).isEqualTo("You have no application " + sme.application().getId() + ".");
        assertThat(sent.get("detail").asText()).isEqualTo(read.get("detail").asText());
        assertNothingStored();
    }

    @Test
    void everyRefusalIsReportedAtOnceNamingItsExpenseInEnglishByDefault() throws Exception {
        ClaimInput input = ClaimFixtures.input(9, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight"),
                item(ExpenseCategory.ACCOMMODATION, "300.00", "EUR", scenario.today().plusDays(3), "hotel"));
        List<MockMultipartFile> files = new ArrayList<>(filesFor(input).stream()
                .filter(file -> !file.getName().equals("flight")).toList());
        files.add(pdfPart("flight", "fake.pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)));

        JsonNode problem = submitted(input, files, 400);

        assertThat(errors(problem)).containsOnly(
                Map.entry("files.flight", "Expense 1: fake.pdf is not a PDF, JPEG or PNG file (its content says so, "
                        + "whatever its name). Please send a scan or photo in one of these formats."),
                Map.entry("items[1].date", "Expense 2: the date of an expense cannot be in the future."),
                Map.entry("daysAttended", "Days attended: please give a number of days from 1 to "
                        + sme.call().activityDays() + ", the length of the activity."));
        assertNothingStored();
    }

    @Test
    void refusalsAreWrittenInTheLanguageTheRequestAccepts() throws Exception {
        ClaimInput valid = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "2500.00", "BRL", start, "flight"));
        ClaimInput input = new ClaimInput(valid.items(), valid.attendanceProofs(), " ", valid.daysAttended(),
                valid.iban(), valid.accountHolder());
        MockMultipartHttpServletRequestBuilder request = submit(applicant, input, filesFor(input));
        request.header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5");

        JsonNode problem = body(mvc.perform(request).andReturn(), 400);

        // Bean validation and the service's rules alike, in one answer, in Spanish.
        assertThat(errors(problem)).containsOnly(
                Map.entry("missionReport",
                        "Escriba un breve informe de la misión: con quién se reunió y qué resultados obtuvo."),
                Map.entry("items[0].currency", "Gasto 1: no hay ningún tipo de cambio para «BRL». Indique el importe "
                        + "en EUR o pida al equipo de finanzas del clúster que añada el tipo."));
        assertNothingStored();
    }

    @Test
    void aConflictIsWrittenInTheLanguageTheRequestAcceptsAndInEnglishForOthers() throws Exception {
        ClaimSetup.Participant early = setup.confirmed(new BigDecimal("2000"), form -> { });
        String user = scenario.applicantOf(early.application());
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR",
                scenario.today().minusDays(1), "flight"));
        String address = "/api/applications/" + early.application().getId() + "/expense-claim";

        MockMultipartHttpServletRequestBuilder catalan = multipart(address);
        catalan.file(claimPart(input));
        catalan.header("Accept-Language", "ca");
        MockMultipartHttpServletRequestBuilder german = multipart(address);
        german.file(claimPart(input));
        german.header("Accept-Language", "de-DE");

        assertThat(body(mvc.perform(catalan.with(Scenario.signedIn(user))).andReturn(), 409).get("detail").asText())
                .isEqualTo("Encara no hi ha cap sol·licitud de reemborsament per a " + early.application().reference()
                        + ": s’obre quan acaba l’activitat, per als participants confirmats.");
        assertThat(body(mvc.perform(german.with(Scenario.signedIn(user))).andReturn(), 409).get("detail").asText())
                .startsWith("There is no expense claim for " + early.application().reference());
    }

    @Test
    void claimBeforeTheActivityIsOverIsRefusedWithAConflict() throws Exception {
        ClaimSetup.Participant early = setup.confirmed(new BigDecimal("2000"), form -> { });
        String user = scenario.applicantOf(early.application());
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR",
                scenario.today().minusDays(1), "flight"));
        MockMultipartHttpServletRequestBuilder request = multipart(
                "/api/applications/" + early.application().getId() + "/expense-claim");
        request.file(claimPart(input));
        filesFor(input).forEach(request::file);

        JsonNode problem = body(mvc.perform(request.with(Scenario.signedIn(user))).andReturn(), 409);

        assertThat(problem.get("detail").asText()).isEqualTo("There is no expense claim for "
                + early.application().reference() + " yet: it opens when the activity is over, for confirmed participants.");
    }

    // --- files that are refused ---

    @Test
    void windowsProgramNamedLikeAPdfIsRefusedAndNothingIsStored() throws Exception {
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        program[2] = (byte) 0x90;

        JsonNode problem = submittedWithFlightReceipt(pdfPart("flight", "receipt.pdf", program));

        assertThat(errors(problem)).containsExactly(Map.entry("files.flight", "Expense 1: receipt.pdf is not a PDF, JPEG or PNG "
                + "file (its content says so, whatever its name). Please send a scan or photo in one of these formats."));
        assertNothingStored();
    }

    @Test
    void fileAboveTenMegabytesIsRefusedAndNothingIsStored() throws Exception {
        byte[] scan = new byte[10 * MEGABYTE + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 9);

        JsonNode problem = submittedWithFlightReceipt(pdfPart("flight", "scan.pdf", scan));

        assertThat(fieldNames(problem.get("errors"))).containsExactly("files.flight");
        // One byte over reads as more than the limit: the size is rounded up.
        assertThat(errors(problem)).containsEntry("files.flight", "Expense 1: scan.pdf is 10.1 MB; a file may be at most 10 MB.");
        assertNothingStored();
    }

    @Test
    void emptyFileIsRefusedAndNothingIsStored() throws Exception {
        JsonNode problem = submittedWithFlightReceipt(pdfPart("flight", "flight.pdf", new byte[0]));

        assertThat(errors(problem)).containsExactly(Map.entry("files.flight", "Expense 1: flight.pdf is empty."));
        assertNothingStored();
    }

    @Test
    void fileThatNothingNamesIsRefused() throws Exception {
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight"));
        List<MockMultipartFile> files = new ArrayList<>(filesFor(input));
        files.add(pdfPart("menu", "menu.pdf", ClaimFixtures.pdf("Dinner menu")));

        JsonNode problem = submitted(input, files, 400);

        assertThat(errors(problem)).containsExactly(Map.entry("files",
                "No expense or proof of attendance names menu; please name each file you send, or leave it out."));
        assertNothingStored();
    }

    @Test
    void receiptNamingAFileThatWasNotSentIsRefused() throws Exception {
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight"));
        List<MockMultipartFile> files = filesFor(input).stream().filter(file -> !file.getName().equals("flight")).toList();

        JsonNode problem = submitted(input, files, 400);

        assertThat(errors(problem)).containsExactly(
                Map.entry("items[0].receipt", "Expense 1: no file named \"flight\" was sent with the claim."));
        assertNothingStored();
    }

    @Test
    void claimWithoutProofOfAttendanceIsRefused() throws Exception {
        ClaimInput base = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight"));
        ClaimInput input = new ClaimInput(base.items(), List.of(), base.missionReport(), base.daysAttended(),
                base.iban(), base.accountHolder());

        JsonNode problem = submitted(input, filesFor(input), 400);

        assertThat(errors(problem)).containsExactly(Map.entry("attendanceProofs",
                "Please attach proof of attendance: a boarding pass, the attendance list or your badge."));
        assertNothingStored();
    }

    // --- claim fields that are refused ---

    @Test
    void ibanWithWrongCheckDigitsIsRefused() throws Exception {
        ClaimInput base = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight"));
        // SME_IBAN is ES79 2100 0813 6101 2345 6789; one digit mistyped.
        ClaimInput input = new ClaimInput(base.items(), base.attendanceProofs(), base.missionReport(),
                base.daysAttended(), "ES79 2100 0813 6101 2345 6798", base.accountHolder());

        JsonNode problem = submitted(input, filesFor(input), 400);

        assertThat(errors(problem)).containsExactly(Map.entry("iban",
                "This IBAN is not valid: its check digits do not match. Please check it for typing errors."));
        assertNothingStored();
    }

    @Test
    void currencyWithoutExchangeRateIsRefused() throws Exception {
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "2500.00", "BRL", start, "flight"));

        JsonNode problem = submitted(input, filesFor(input), 400);

        assertThat(errors(problem)).containsExactly(Map.entry("items[0].currency", "Expense 1: there is no exchange rate "
                + "for \"BRL\". Please give the amount in EUR, or ask the cluster's finance team to add the rate."));
        assertNothingStored();
    }

    @Test
    void claimWithMissingFieldsIsRefusedWithAMessagePerField() throws Exception {
        Map<String, Object> claim = Map.of(
                "items", List.of(Map.of("category", "TRAVEL", "receipt", "flight")),
                "attendanceProofs", List.of("boarding-pass"));
        List<MockMultipartFile> files = filesFor(ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight")));

        JsonNode problem = submitted(claim, files, 400);

        Map<String, String> errors = errors(problem);
        assertThat(errors).containsOnlyKeys("missionReport", "daysAttended", "iban", "accountHolder",
                "items[0].amount", "items[0].currency", "items[0].date", "items[0].description");
        assertThat(errors).containsEntry("iban", "Please enter the IBAN of the account the grant is paid to.")
                .containsEntry("daysAttended", "Please say on how many days of the activity your company was there.")
                .containsEntry("items[0].date", "Please enter the date of the expense.")
                .containsEntry("items[0].currency", "Please enter the currency of the receipt, such as EUR or USD.");
        assertThat(problem.get("detail").asText()).isEqualTo("Some fields need your attention.");
        assertNothingStored();
    }

    @Test
    void claimPartThatIsNotJsonIsRefused() throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(url());
        request.file(new MockMultipartFile("claim", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"items\": [".getBytes(StandardCharsets.UTF_8)));

        JsonNode problem = body(mvc.perform(request.with(Scenario.signedIn(applicant))).andReturn(), 400);

        assertThat(problem.get("detail").asText())
                .isEqualTo("The request body is missing, is not valid JSON, or a value has the wrong type.");
        assertNothingStored();
    }

    @Test
    void requestThatIsNotMultipartIsRefusedWithAReadableMessage() throws Exception {
        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "450.00", "EUR", start, "flight"));
        MockHttpServletRequestBuilder request = post(url()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(input)).with(Scenario.signedIn(applicant));

        JsonNode problem = body(mvc.perform(request).andReturn(), 400);

        assertThat(problem.get("detail").asText()).isEqualTo(NOT_MULTIPART);
        assertNothingStored();
    }

    @Test
    void multipartRequestWithoutTheClaimPartIsRefused() throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(url());
        request.file(pdfPart("flight", "flight.pdf", ClaimFixtures.pdf("Flight " + Scenario.next())));

        JsonNode problem = body(mvc.perform(request.with(Scenario.signedIn(applicant))).andReturn(), 400);

        assertThat(problem.get("detail").asText()).isEqualTo(NOT_MULTIPART);
        assertNothingStored();
    }

    // MockMvc hands the parts to the controller as they are and enforces no multipart limit (a 21 MB file reaches
    // the claim's own check): ClaimUploadLimitTest sends a request over the limit to a running server.

    // --- exchange rates ---

    @Test
    void exchangeRateTableListsTheSeededRatesNewestFirstPerCurrency() throws Exception {
        JsonNode table = body(mvc.perform(get("/api/exchange-rates").with(Scenario.signedIn(applicant)))
                .andReturn(), 200);

        List<String> seededUsd = new ArrayList<>();
        table.forEach(rate -> {
            if (rate.get("currency").asText().equals("USD")
                    && !LocalDate.parse(rate.get("validOn").asText()).isAfter(LocalDate.of(2026, 1, 2))) {
                seededUsd.add(rate.get("validOn").asText() + " " + rate.get("unitsPerEuro").decimalValue().stripTrailingZeros().toPlainString());
            }
        });
        assertThat(seededUsd).containsExactly("2026-01-02 1.1725", "2025-07-01 1.1788", "2025-01-02 1.035");
        List<String> currencies = new ArrayList<>();
        table.forEach(rate -> currencies.add(rate.get("currency").asText()));
        assertThat(currencies).contains("CAD", "CHF", "CNY", "GBP", "JPY", "MXN", "USD").isSorted();
    }

    @Test
    void financeSetsARateAndTheNextClaimUsesIt() throws Exception {
        LocalDate validOn = start.minusDays(3);
        // SEK is in no migration: this test brings it into the table.
        JsonNode rate = body(mvc.perform(put("/api/exchange-rates/SEK/" + validOn)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitsPerEuro\": 11.2, \"reason\": \"Riksbank rate of the day\"}")
                .with(Scenario.signedIn(sme.cluster().verifier()))).andReturn(), 200);
        assertThat(rate.get("currency").asText()).isEqualTo("SEK");
        assertThat(rate.get("validOn").asText()).isEqualTo(validOn.toString());
        assertThat(rate.get("unitsPerEuro").decimalValue()).isEqualByComparingTo("11.2");
        ExchangeRate set = rates.all().stream()
                .filter(r -> r.getCurrency().equals("SEK") && r.getValidOn().equals(validOn)).findFirst().orElseThrow();
        assertThat(audit.trailOf(set)).extracting(AuditEvent::getActor, AuditEvent::getAction, AuditEvent::getDecision,
                AuditEvent::getReason).containsExactly(tuple(sme.cluster().verifier(), "EXCHANGE_RATE_SET",
                        "1 EUR = 11.2 SEK from " + validOn, "Riksbank rate of the day"));

        ClaimInput input = ClaimFixtures.input(5, item(ExpenseCategory.TRAVEL, "1120.00", "SEK", start.minusDays(1), "train"));
        JsonNode view = submitted(input, filesFor(input), 201);

        JsonNode train = view.get("items").get(0);
        assertThat(train.get("currency").asText()).isEqualTo("SEK");
        assertThat(train.get("unitsPerEuro").decimalValue()).isEqualByComparingTo("11.2");
        assertThat(train.get("rateDate").asText()).isEqualTo(validOn.toString());
        assertThat(train.get("amountEur").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void smeMayNotSetExchangeRates() throws Exception {
        LocalDate validOn = start.minusDays(3);

        JsonNode problem = body(mvc.perform(put("/api/exchange-rates/USD/" + validOn)
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitsPerEuro\": 0.5}")
                .with(Scenario.signedIn(applicant))).andReturn(), 403);

        assertThat(problem.get("detail").asText()).isEqualTo("Only finance officers may set exchange rates.");
        assertThat(rates.all()).noneMatch(rate -> rate.getCurrency().equals("USD") && rate.getValidOn().equals(validOn));
    }

    @Test
    void rateThatIsNotAboveZeroIsRefused() throws Exception {
        LocalDate validOn = start.minusDays(3);
        for (String body : List.of("{\"unitsPerEuro\": 0}", "{\"unitsPerEuro\": -1.2}")) {
            JsonNode problem = body(mvc.perform(put("/api/exchange-rates/NOK/" + validOn)
                    .contentType(MediaType.APPLICATION_JSON).content(body)
                    .with(Scenario.signedIn(sme.cluster().verifier()))).andReturn(), 400);

            assertThat(errors(problem)).as(body).containsExactly(Map.entry("unitsPerEuro",
                    "Please give how many units of NOK one euro buys, a number above zero."));
        }
        JsonNode missing = body(mvc.perform(put("/api/exchange-rates/NOK/" + validOn)
                .contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(Scenario.signedIn(sme.cluster().verifier()))).andReturn(), 400);
        assertThat(errors(missing)).containsExactly(Map.entry("unitsPerEuro", "Please give unitsPerEuro, such as 1.0825."));
        assertThat(rates.all()).extracting(ExchangeRate::getCurrency).doesNotContain("NOK");
    }
}
