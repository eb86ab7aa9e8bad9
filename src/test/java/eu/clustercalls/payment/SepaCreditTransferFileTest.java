package eu.clustercalls.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.StaffWordsForTests;

/** pain.001.001.03 files checked against the official ISO 20022 schema, as the bank will check them. */
class SepaCreditTransferFileTest {

    private static final String DEBTOR_IBAN = "ES91 2100 0418 4502 0005 1332";
    private static final String CREDITOR_IBAN = "ES7921000813610123456789";



    private static CreditTransfer transfer(String debtorName, String creditorName, String creditorIban,
            String debtorBic, String creditorBic, String amount, String remittance) {
        return new CreditTransfer("CC-2026-0042", OffsetDateTime.parse("2026-02-27T10:15:30.123456+01:00"),
                LocalDate.parse("2026-03-02"), "Cluster Textil Catala", debtorName, DEBTOR_IBAN, debtorBic,
                creditorName, creditorIban, creditorBic, new BigDecimal(amount), "CC-AID-2026-017", remittance);
    }

    private static CreditTransfer transfer(String creditorIban, String debtorBic, String creditorBic, String amount) {
        return transfer("Cluster Textil Catala", "Filats Valles SA", creditorIban, debtorBic, creditorBic, amount,
                "Innovation voucher 2026, grant CC-AID-2026-017");
    }



    @Test
    void fileValidatesAgainstThePain00100103Schema() throws Exception {
        byte[] file = SepaCreditTransferFile.write(transfer(CREDITOR_IBAN, null, null, "1234.5"));

        assertThatCode(() -> SepaFiles.validate(file)).doesNotThrowAnyException();
        assertThat(new String(file, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        String tx = "/p:Document/p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf";
        assertThat(SepaFiles.xpath(file, tx + "/p:Amt/p:InstdAmt")).isEqualTo("1234.50");
        assertThat(SepaFiles.xpath(file, tx + "/p:Amt/p:InstdAmt/@Ccy")).isEqualTo("EUR");
        assertThat(SepaFiles.xpath(file, tx + "/p:PmtId/p:EndToEndId")).isEqualTo("CC-AID-2026-017");
        assertThat(SepaFiles.xpath(file, tx + "/p:CdtrAcct/p:Id/p:IBAN")).isEqualTo(CREDITOR_IBAN);
        assertThat(SepaFiles.xpath(file, "//p:DbtrAcct/p:Id/p:IBAN")).isEqualTo("ES9121000418450200051332");
        assertThat(SepaFiles.xpath(file, "//p:PmtInf/p:ReqdExctnDt")).isEqualTo("2026-03-02");
        assertThat(SepaFiles.xpath(file, "//p:GrpHdr/p:CreDtTm")).isEqualTo("2026-02-27T10:15:30+01:00");
        assertThat(SepaFiles.xpath(file, "//p:GrpHdr/p:CtrlSum")).isEqualTo("1234.50");
        assertThat(SepaFiles.xpath(file, "//p:GrpHdr/p:NbOfTxs")).isEqualTo("1");
        assertThat(SepaFiles.xpath(file, "//p:PmtTpInf/p:SvcLvl/p:Cd")).isEqualTo("SEPA");
        assertThat(SepaFiles.xpath(file, "//p:PmtInf/p:ChrgBr")).isEqualTo("SLEV");
    }

    @Test
    void accentedNamesAreTransliteratedAndTheFileStillValidates() throws Exception {
        byte[] file = SepaCreditTransferFile.write(transfer("Tèxtils Rubí", "Filats\u00a0Vallès SA", CREDITOR_IBAN,
                null, null, "500", "Ajuda clúster 2026: façana, ñandú & Straße № 5"));

        assertThatCode(() -> SepaFiles.validate(file)).doesNotThrowAnyException();
        assertThat(SepaFiles.xpath(file, "//p:Dbtr/p:Nm")).isEqualTo("Textils Rubi");
        assertThat(SepaFiles.xpath(file, "//p:Cdtr/p:Nm")).isEqualTo("Filats Valles SA");
        assertThat(SepaFiles.xpath(file, "//p:RmtInf/p:Ustrd")).isEqualTo("Ajuda cluster 2026: facana, nandu + Strasse 5");
    }

    @Test
    void longTextsAreCutToTheSepaLengthsAndTheFileStillValidates() throws Exception {
        CreditTransfer longOne = new CreditTransfer("M".repeat(40), OffsetDateTime.parse("2026-02-27T10:15:30Z"),
                LocalDate.parse("2026-03-02"), "I".repeat(80), "D".repeat(80), DEBTOR_IBAN, null, "C".repeat(80),
                CREDITOR_IBAN, null, new BigDecimal("10.00"), "E".repeat(40), "R".repeat(200));

        byte[] file = SepaCreditTransferFile.write(longOne);

        assertThatCode(() -> SepaFiles.validate(file)).doesNotThrowAnyException();
        assertThat(SepaFiles.xpath(file, "//p:Cdtr/p:Nm")).hasSize(70);
        assertThat(SepaFiles.xpath(file, "//p:InitgPty/p:Nm")).hasSize(70);
        assertThat(SepaFiles.xpath(file, "//p:GrpHdr/p:MsgId")).hasSize(35);
        assertThat(SepaFiles.xpath(file, "//p:EndToEndId")).hasSize(35);
        assertThat(SepaFiles.xpath(file, "//p:RmtInf/p:Ustrd")).hasSize(140);
    }

    @Test
    void aWrongCreditorIbanIsRefusedWithTheCheckDigitMessage() {
        assertThatThrownBy(() -> SepaCreditTransferFile.write(
                transfer("ES7921000813610123456788", null, null, "100")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(english(e.fieldErrors()))
                        .containsExactly(entry("creditorIban", "This IBAN is not valid: its check digits do not "
                                + "match. Please check it for typing errors.")));
    }

    @Test
    void withoutBicTheDebtorAgentIsNotProvidedAndTheFileValidates() throws Exception {
        byte[] file = SepaCreditTransferFile.write(transfer(CREDITOR_IBAN, null, null, "100"));

        assertThatCode(() -> SepaFiles.validate(file)).doesNotThrowAnyException();
        assertThat(SepaFiles.xpath(file, "//p:DbtrAgt/p:FinInstnId/p:Othr/p:Id")).isEqualTo("NOTPROVIDED");
        assertThat(SepaFiles.xpath(file, "count(//p:CdtrAgt)")).isEqualTo("0");
    }

    @Test
    void withBicsBothAgentsCarryThemAndTheFileValidates() throws Exception {
        byte[] file = SepaCreditTransferFile.write(transfer(CREDITOR_IBAN, "CAIXESBBXXX", "bsab esbb", "100"));

        assertThatCode(() -> SepaFiles.validate(file)).doesNotThrowAnyException();
        assertThat(SepaFiles.xpath(file, "//p:DbtrAgt/p:FinInstnId/p:BIC")).isEqualTo("CAIXESBBXXX");
        assertThat(SepaFiles.xpath(file, "//p:CdtrAgt/p:FinInstnId/p:BIC")).isEqualTo("BSABESBB");
        assertThat(SepaFiles.xpath(file, "count(//p:Othr)")).isEqualTo("0");
    }

    @Test
    void aMalformedBicIsRefused() {
        assertThatThrownBy(() -> SepaCreditTransferFile.write(transfer(CREDITOR_IBAN, null, "CAIX-ES", "100")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(english(e.fieldErrors())).containsOnlyKeys("creditorBic"));
    }

    @Test
    void aNegativeOrZeroAmountIsRefused() {
        assertThatThrownBy(() -> SepaCreditTransferFile.write(transfer(CREDITOR_IBAN, null, null, "-5.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 0 euros")
                .hasMessageContaining("-5.00");
        assertThatThrownBy(() -> SepaCreditTransferFile.write(transfer(CREDITOR_IBAN, null, null, "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAmountWithFractionsOfACentIsRefused() {
        assertThatThrownBy(() -> SepaCreditTransferFile.write(transfer(CREDITOR_IBAN, null, null, "10.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimals");
    }

    /** The refusals as an English reader reads them (they are kept as phrases). */
    private static Map<String, String> english(Map<String, String> errors) {
        Map<String, String> english = new LinkedHashMap<>();
        errors.forEach((field, message) -> english.put(field, StaffWordsForTests.in("en").phrase(message)));
        return english;
    }
}
