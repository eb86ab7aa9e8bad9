package eu.clustercalls.reimbursement;

import static eu.clustercalls.reimbursement.ClaimFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.security.FormTexts;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;

/**
 * What finance reads in "Verify claim" and "Approve payment": every file as a link to open it in the Tasklist session,
 * with what it is, its type and size, and a warning when its content came with another claim; every foreign item with
 * the rate used, its date and the amount in euros. An SME's file name stays text.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
class ClaimVerificationViewTest {

    /** A file name an SME could send (a name is never a path, so no slash), trying a link, a tag and addresses. */
    private static final String HOSTILE_NAME = "[pay](evil.example) <b>x<b onclick=x> *flight* www.evil.example boss@evil.example.pdf";

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimVerification verification;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    DocumentService documents;
    @Autowired
    ClusterOrganisationService organisations;

    private final FormTexts forms = new FormTexts();

    @Test
    void everyFileIsALinkWithItsTypeAndSizeAndAReceiptSeenInAnotherClaimIsFlagged() {
        ClaimSetup.Participant first = setup.openClaim(new BigDecimal("2000"));
        LocalDate day = first.call().getActivityStart();
        byte[] ticket = ClaimFixtures.pdf("ticket " + Scenario.next());
        ExpenseClaim earlier = fixtures.submit(first.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "300.00", "EUR", day, "flight")),
                List.of(new Upload("flight", "ticket.pdf", ticket),
                        new Upload("boarding-pass", "pass.png", ClaimFixtures.png("pass " + Scenario.next()))));
        ClaimSetup.Participant second = setup.openClaim(new BigDecimal("2000"));
        byte[] hotelBill = ClaimFixtures.pdf("hotel " + Scenario.next());

        ExpenseClaim claim = fixtures.submit(second.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "300.00", "EUR", second.call().getActivityStart(), "flight"),
                item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", second.call().getActivityStart(), "hotel")),
                List.of(new Upload("flight", HOSTILE_NAME, ticket), new Upload("hotel", "hotel.pdf", hotelBill),
                        new Upload("boarding-pass", "pass.png", ClaimFixtures.png("pass " + Scenario.next()))));
        FormView view = verification.verificationView(claim.getId());

        List<DocumentSummary> files = documents.ofClaim(claim.getId());
        assertThat(files).extracting(DocumentSummary::getFileName).containsExactlyInAnyOrder(HOSTILE_NAME, "hotel.pdf", "pass.png");
        assertThat(((String) view.texts().get("documentsText")).lines()).containsExactlyInAnyOrder(
                "- [" + Formats.markdownText(HOSTILE_NAME) + "](" + link(claim, files, HOSTILE_NAME)
                        + ") — receipt of item 1, PDF, " + ticket.length + " bytes — **USED ELSEWHERE:** also handed in with "
                        + earlier.reference(),
                "- [hotel.pdf](" + link(claim, files, "hotel.pdf") + ") — receipt of item 2, PDF, " + hotelBill.length + " bytes",
                "- [pass.png](" + link(claim, files, "pass.png") + ") — proof of attendance, PNG, "
                        + sizeOf(files, "pass.png") + " bytes");
        assertThat(forms.markupIn("form_verify_claim", view)).as("markup other than our links").isEmpty();
        assertThat(forms.markupIn("form_approve_payment", view)).isEmpty();
    }

    @Test
    void aForeignItemShowsItsAmountTheRateItsDateAndTheEuros() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate day = sme.call().getActivityStart();
        // ISK is set by this test only.
        rates.set(sme.cluster().verifier(), "ISK", day.minusDays(3), new BigDecimal("150.000000"), "Central bank");

        ExpenseClaim claim = fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.ACCOMMODATION, "15000", "ISK", day, "hotel"),
                item(ExpenseCategory.TRAVEL, "200.00", "EUR", day, "train")));
        String items = (String) verification.verificationView(claim.getId()).texts().get("itemsText");

        assertThat(items.lines()).hasSize(2);
        assertThat(items.lines().toList().get(0)).contains("— ISK 15000.00 at 150 ISK per euro (rate of "
                + Formats.date(day.minusDays(3)) + ") = €100.00 — receipt hotel.pdf");
        assertThat(items.lines().toList().get(1)).contains("— EUR 200.00 — receipt train.pdf").doesNotContain("per euro");
    }

    @Test
    void aCatalanClustersFinanceReadsItemsRatesAndDocumentsInCatalan() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        organisations.useStaffLanguage(sme.cluster().id(), "ca");
        LocalDate day = sme.call().getActivityStart();
        // ISK is set by this test class only.
        rates.set(sme.cluster().verifier(), "ISK", day.minusDays(2), new BigDecimal("150.000000"), "Central bank");
        Locale catalan = Locale.forLanguageTag("ca");

        ExpenseClaim claim = fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.ACCOMMODATION, "15000", "ISK", day, "hotel"),
                item(ExpenseCategory.TRAVEL, "200.00", "EUR", day, "train")));
        FormView view = verification.verificationView(claim.getId());

        List<String> items = ((String) view.texts().get("itemsText")).lines().toList();
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).startsWith("- Partida 1: Allotjament, " + Formats.date(day, catalan) + ": ")
                .endsWith("— 15000,00 ISK a 150 ISK per euro (tipus de canvi del "
                        + Formats.date(day.minusDays(2), catalan) + ") = " + Formats.euros(new BigDecimal("100"), catalan)
                        + " — justificant hotel.pdf");
        assertThat(items.get(1)).startsWith("- Partida 2: Viatge, ").endsWith("— 200,00 EUR — justificant train.pdf");
        assertThat(((String) view.texts().get("documentsText")).lines()).hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("— justificant de la partida 1, PDF, "))
                .anySatisfy(line -> assertThat(line).contains("— justificant de la partida 2, PDF, "))
                .anySatisfy(line -> assertThat(line).contains("— justificant d’assistència, PNG, "));
        assertThat((String) view.texts().get("callTitle"))
                .endsWith("— Costos reals fins al límit, ajut concedit " + Formats.euros(new BigDecimal("2000"), catalan));
        assertThat((String) view.texts().get("computedAmount")).isEqualTo(Formats.euros(new BigDecimal("300"), catalan));
        assertThat(forms.markupIn("form_verify_claim", view)).isEmpty();
    }

    @Test
    void anEnglishClustersFinanceReadsTheSameClaimInEnglish() {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate day = sme.call().getActivityStart();

        ExpenseClaim claim = fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", day, "hotel")));
        FormView view = verification.verificationView(claim.getId());

        assertThat((String) view.texts().get("itemsText")).startsWith("- Item 1: Accommodation, " + Formats.date(day) + ": ")
                .contains("— EUR 450.00 — receipt hotel.pdf");
        assertThat((String) view.texts().get("documentsText")).contains("— receipt of item 1, PDF, ",
                "— proof of attendance, PNG, ");
        assertThat((String) view.texts().get("computedAmount")).isEqualTo("€450.00");
    }

    private static String link(ExpenseClaim claim, List<DocumentSummary> files, String name) {
        return "/staff/claims/" + claim.getId() + "/documents/" + files.stream()
                .filter(file -> file.getFileName().equals(name)).findFirst().orElseThrow().getId();
    }

    private static long sizeOf(List<DocumentSummary> files, String name) {
        return files.stream().filter(file -> file.getFileName().equals(name)).findFirst().orElseThrow().getSizeBytes();
    }
}
