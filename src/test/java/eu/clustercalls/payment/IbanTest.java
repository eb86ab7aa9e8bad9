package eu.clustercalls.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.StaffWordsForTests;

/** IBAN checks of ISO 13616 (country, length, mod-97), with messages an applicant can act on. */
class IbanTest {

    /** The refusals as an English reader reads them. */
    private static Map<String, String> errorsOf(String iban) {
        return errorsOf(iban, "en");
    }

    private static Map<String, String> errorsOf(String iban, String language) {
        try {
            Iban.check("iban", iban);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> errors.put(field,
                    StaffWordsForTests.in(language).phrase(message)));
            return errors;
        }
        throw new AssertionError(iban + " was accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES9121000418450200051332", "DE89370400440532013000", "FR1420041010050500013M02606",
            "IT60X0542811101000000123456", "SK3112000000198742637541", "BE68539007547034"})
    void validIbansOfSeveralCountriesAreAccepted(String iban) {
        assertThatCode(() -> Iban.check("iban", iban)).doesNotThrowAnyException();
    }

    @Test
    void spacesAndLowerCaseAreNormalisedAway() {
        String iban = Iban.normalise(" es91 2100 0418\t4502 0005 1332 ");

        assertThat(iban).isEqualTo("ES9121000418450200051332");
        assertThatCode(() -> Iban.check("iban", iban)).doesNotThrowAnyException();
        assertThat(Iban.normalise("fr14\u00a02004 1010 0505 0001 3m02 606")).isEqualTo("FR1420041010050500013M02606");
        assertThat(Iban.normalise(null)).isNull();
    }

    @Test
    void aChangedDigitIsRefusedBecauseTheCheckDigitsDoNotMatch() {
        assertThat(errorsOf("ES9121000418450200051333")).containsExactly(Map.entry("iban",
                "This IBAN is not valid: its check digits do not match. Please check it for typing errors."));
        assertThat(errorsOf("DE89370400440532013001")).containsKey("iban");
    }

    @Test
    void aWrongLengthIsRefusedNamingTheCountryAndBothLengths() {
        assertThat(errorsOf("ES91210004184502000513"))
                .containsEntry("iban", "An IBAN of ES has 24 characters; this one has 22.");
        assertThat(errorsOf("IT60X05428111010000001234567"))
                .containsEntry("iban", "An IBAN of IT has 27 characters; this one has 28.");
    }

    @Test
    void aRefusalIsWrittenInTheReadersLanguage() {
        assertThat(errorsOf("ES91210004184502000513", "es"))
                .containsEntry("iban", "Un IBAN de ES tiene 24 caracteres; este tiene 22.");
        assertThat(errorsOf("ES9121000418450200051333", "ca")).containsEntry("iban",
                "Aquest IBAN no és vàlid: els dígits de control no coincideixen. Reviseu si hi ha errors d’escriptura.");
    }

    @Test
    void aCountryOutsideSepaIsRefused() {
        assertThat(errorsOf("US64SVBKUS6S3300958879"))
                .containsEntry("iban", "IBANs of country US are not accepted for SEPA transfers.");
        assertThat(errorsOf("XX9121000418450200051332"))
                .containsEntry("iban", "IBANs of country XX are not accepted for SEPA transfers.");
    }

    @Test
    void anIbanWithoutCountryCodeIsRefusedWithAnExample() {
        assertThat(errorsOf("9121000418450200051332")).containsEntry("iban",
                "An IBAN starts with a two-letter country code, such as ES91 2100 0418 4502 0005 1332.");
    }

    @Test
    void aBlankIbanIsAskedFor() {
        assertThat(errorsOf("")).containsEntry("iban", "Please enter an IBAN.");
        assertThat(errorsOf(null)).containsEntry("iban", "Please enter an IBAN.");
    }

    @Test
    void charactersOtherThanLettersAndDigitsAreRefused() {
        assertThat(errorsOf("ES91-2100-0418-4502-0005")).hasEntrySatisfying("iban",
                message -> assertThat(message).contains("only letters and digits"));
    }

    @Test
    void formattedShowsGroupsOfFour() {
        assertThat(Iban.formatted("ES9121000418450200051332")).isEqualTo("ES91 2100 0418 4502 0005 1332");
        assertThat(Iban.formatted("FR1420041010050500013M02606")).isEqualTo("FR14 2004 1010 0505 0001 3M02 606");
        assertThat(Iban.formatted("BE68539007547034")).isEqualTo("BE68 5390 0754 7034");
        assertThat(Iban.formatted(null)).isNull();
    }
}
