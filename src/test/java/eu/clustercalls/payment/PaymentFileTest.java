package eu.clustercalls.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.StaffWordsForTests;

/**
 * The SEPA file a paid claim leaves for the cluster's bank: valid pain.001.001.03, paying the amount finance
 * verified from the cluster's account to the account the SME gave.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
@ExtendWith(ProcessAssertions.class)
class PaymentFileTest {

    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClusterCallsProperties properties;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    PaymentService payments;


    @Test
    void paidClaimLeavesAValidTransferOfTheVerifiedAmountFromTheClusterToTheSme() throws Exception {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        LocalDate start = sme.call().getActivityStart();
        fixtures.submit(sme.application(), ClaimFixtures.input(5,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "1200.00", "EUR", start.minusDays(1), "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", start, "hotel")));
        assertThat(fixtures.claimOf(sme.application()).getComputedAmount()).isEqualByComparingTo("1650.00");

        // Finance pays less than computed, so the file must carry the verified amount, not the computed one.
        fixtures.verify(sme.cluster().verifier(), sme.application(), "REDUCE", "total = 1487.35",
                "The minibar on the hotel bill is not covered.");
        fixtures.decidePayment(sme.cluster().approver(), sme.application(), "APPROVE", null);
        ExpenseClaim approved = fixtures.claimOf(sme.application());
        scenario.runJobsOf(approved.getProcessInstanceId());

        ExpenseClaim paid = fixtures.claimOf(sme.application());
        assertThat(paid.getStatus()).isEqualTo(ClaimStatus.PAID);
        String reference = "PAY-" + paid.reference();
        Path path = properties.paymentDirectory().resolve(sme.cluster().id()).resolve(reference + ".xml");
        assertThat(path).exists();
        byte[] file = Files.readAllBytes(path);

        SepaFiles.validate(file);
        assertThat(SepaFiles.xpath(file, "/p:Document/p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs")).isEqualTo("1");
        assertThat(SepaFiles.xpath(file, "/p:Document/p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum")).isEqualTo("1487.35");
        String transfer = "/p:Document/p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf";
        assertThat(SepaFiles.xpath(file, transfer + "/p:Amt/p:InstdAmt")).isEqualTo("1487.35");
        assertThat(SepaFiles.xpath(file, transfer + "/p:Amt/p:InstdAmt/@Ccy")).isEqualTo("EUR");
        assertThat(SepaFiles.xpath(file, transfer + "/p:PmtId/p:EndToEndId")).isEqualTo(reference);
        assertThat(SepaFiles.xpath(file, transfer + "/p:Cdtr/p:Nm")).isEqualTo("Test Company SL");
        assertThat(SepaFiles.xpath(file, transfer + "/p:CdtrAcct/p:Id/p:IBAN")).isEqualTo(ClaimFixtures.SME_IBAN);
        String batch = "/p:Document/p:CstmrCdtTrfInitn/p:PmtInf";
        assertThat(SepaFiles.xpath(file, batch + "/p:Dbtr/p:Nm")).isEqualTo(sme.cluster().name());
        assertThat(SepaFiles.xpath(file, batch + "/p:DbtrAcct/p:Id/p:IBAN")).isEqualTo(Scenario.CLUSTER_IBAN);
        assertThat(SepaFiles.xpath(file, batch + "/p:DbtrAgt/p:FinInstnId/p:BIC")).isEqualTo("CAIXESBBXXX");
        // The payment record says the same.
        Payment payment = payments.find(reference).orElseThrow();
        assertThat(payment.getAmount()).isEqualByComparingTo("1487.35");
        assertThat(payment.getCreditorIban()).isEqualTo(ClaimFixtures.SME_IBAN);
        assertThat(payment.getFileName()).isEqualTo(reference + ".xml");
        assertThat(SepaFiles.xpath(file, batch + "/p:ReqdExctnDt")).isEqualTo(payment.getExecutionDate().toString());
    }

    @Test
    void clusterBankAccountWithWrongCheckDigitsIsRefusedAndTheOldOneKept() {
        Scenario.Cluster cluster = scenario.cluster();

        // Scenario.CLUSTER_IBAN with its last digit mistyped.
        assertThatThrownBy(() -> organisations.useBankAccount(cluster.id(), cluster.name(),
                "ES91 2100 0418 4502 0005 1333", "CAIXESBBXXX"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(english(e.fieldErrors())).containsExactly(
                        entry("iban", "This IBAN is not valid: its check digits do not match. Please check it for typing errors.")));

        assertThat(organisations.get(cluster.id()).getIban()).isEqualTo(Scenario.CLUSTER_IBAN);
    }

    @Test
    void clusterBankAccountIsStoredAsTheBankWritesIt() {
        Scenario.Cluster cluster = scenario.cluster();

        // As copied from a statement: grouped, lower case; DE89 3704 0044 0532 0130 00 is a valid German IBAN.
        organisations.useBankAccount(cluster.id(), cluster.name(), "de89 3704 0044 0532 0130 00", " COBADEFFXXX ");

        assertThat(organisations.get(cluster.id()).getIban()).isEqualTo("DE89370400440532013000");
        assertThat(organisations.get(cluster.id()).getBic()).isEqualTo("COBADEFFXXX");
    }

    /** The refusals as an English reader reads them (they are kept as phrases). */
    private static Map<String, String> english(Map<String, String> errors) {
        Map<String, String> english = new LinkedHashMap<>();
        errors.forEach((field, message) -> english.put(field, StaffWordsForTests.in("en").phrase(message)));
        return english;
    }
}
