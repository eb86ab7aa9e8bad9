package eu.clustercalls.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** EU VAT numbers: country prefix, national format, and the Italian and German check digits. */
class VatNumbersTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ES, ESB08123456",
            "ES, ESA08234567",
            "ES, ESX1234567L",
            "IT, IT01234567897",
            "IT, IT00743110157",
            "DE, DE136695976",
            "DE, DE811907980",
            "SK, SK2020317068",
            "CZ, CZ25123891",
            "CZ, CZ7103192745",
            "GR, EL094259216"})
    void validNumbersOfMemberStatesAreAccepted(String country, String vatNumber) {
        assertThat(VatNumbers.problem(country, vatNumber)).isEmpty();
    }

    @Test
    void aNumberWithoutACountryIsRefusedAskingForTheCountry() {
        assertThat(VatNumbers.problem(null, "ESB12345674")).hasValueSatisfying(problem -> assertThat(problem)
                .contains("choose the company's country"));
        assertThat(VatNumbers.problem(" ", "ESB12345674")).isPresent();
    }

    @Test
    void aNumberWithAnotherCountrysPrefixIsRefused() {
        assertThat(VatNumbers.problem("ES", "FRB08123456"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("must start with the country code ES"));
    }

    @Test
    void aNumberWithoutPrefixIsRefused() {
        assertThat(VatNumbers.problem("IT", "01234567897"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("country code IT"));
    }

    @Test
    void aGreekNumberUsesThePrefixEl() {
        assertThat(VatNumbers.problem("GR", "GR094259216"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("country code EL"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ES, ESB0812345",
            "ES, ESB081234567",
            "IT, IT0123456789",
            "DE, DE13669597",
            "DE, DE13669597A",
            "SK, SK202031706",
            "CZ, CZ1234567",
            "CZ, CZ12345678901"})
    void aNumberWithTheWrongFormatIsRefused(String country, String vatNumber) {
        assertThat(VatNumbers.problem(country, vatNumber))
                .hasValueSatisfying(problem -> assertThat(problem).contains("does not have the format"));
    }

    @Test
    void anItalianNumberWithAWrongCheckDigitIsRefused() {
        assertThat(VatNumbers.problem("IT", "IT01234567890"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("wrong check digit"));
    }

    @Test
    void aGermanNumberWithAWrongCheckDigitIsRefused() {
        assertThat(VatNumbers.problem("DE", "DE136695977"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("wrong check digit"));
    }

    @ParameterizedTest
    @CsvSource({"CH, CHE123456789", "GB, GB123456789", "US, US123456789", "NO, NO123456789"})
    void aNumberOfACountryOutsideTheEuIsRefused(String country, String vatNumber) {
        assertThat(VatNumbers.problem(country, vatNumber))
                .hasValueSatisfying(problem -> assertThat(problem).contains("only EU member states"));
    }

    @Test
    void spacesDotsAndDashesAreRemovedAndLettersUpperCased() {
        assertThat(VatNumbers.normalise(" es b08.123-456 ")).isEqualTo("ESB08123456");
        assertThat(VatNumbers.normalise("IT 012 345 678 97")).isEqualTo("IT01234567897");
    }

    @Test
    void aNumberWrittenWithSpacesAndDotsIsCheckedInItsCanonicalForm() {
        assertThat(VatNumbers.problem("DE", "DE 136.695.976")).isEmpty();
        assertThat(VatNumbers.problem("IT", "it 01234 5678 97")).isEmpty();
    }

    @Test
    void aMissingNumberIsRefused() {
        assertThat(VatNumbers.problem("ES", null)).isPresent();
        assertThat(VatNumbers.problem("ES", "   ")).isPresent();
    }
}
