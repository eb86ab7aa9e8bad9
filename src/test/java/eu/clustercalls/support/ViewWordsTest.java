package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A staff view's words, dates and amounts in the cluster's language; English keeps the day before the month. */
class ViewWordsTest {

    private static final LocalDate DAY = LocalDate.of(2027, 2, 5);
    private static final BigDecimal AMOUNT = new BigDecimal("480.00");

    @Test
    void englishWritesTheDayFirstAndTheEuroSignBefore() {
        ViewWords words = words("en");

        assertThat(words.date(DAY)).isEqualTo("5 February 2027");
        assertThat(words.euros(AMOUNT)).isEqualTo("€480.00");
        assertThat(words.get("claim.document.receiptOfItem", "2")).isEqualTo("receipt of item 2");
        assertThat(words.list(List.of(), 0)).isEqualTo("(none)");
    }

    @Test
    void spanishAndCatalanWriteTheirMonthsAndTheEuroSignAfter() {
        assertThat(words("es").date(DAY)).isEqualTo("5 de febrero de 2027");
        assertThat(words("es").euros(AMOUNT)).isEqualTo("480,00\u00a0€");
        assertThat(words("ca").date(DAY)).isEqualTo("5 de febrer de 2027");
        assertThat(words("ca").euros(AMOUNT)).isEqualTo("480,00\u00a0€");
        assertThat(words("ca").dateTime(DAY.atTime(14, 0).atZone(ZoneId.of("Europe/Madrid"))))
                .isEqualTo("5 de febrer de 2027, 14:00 CET");
        assertThat(words("ca").get("claim.document.receiptOfItem", "2")).isEqualTo("justificant de la partida 2");
        assertThat(words("es").list(List.of("a", "b"), 3)).isEqualTo("- a\n- b\n- … y 1 más");
    }

    @Test
    void aReceiptsAmountAndItsRateReadAsTheLanguageWritesDecimals() {
        BigDecimal rate = new BigDecimal("1.163000");
        BigDecimal receipt = new BigDecimal("15890.00");

        assertThat(words("en").amount(receipt, "USD")).isEqualTo("USD 15890.00");
        assertThat(words("en").rate(rate)).isEqualTo("1.163");
        assertThat(words("ca").amount(receipt, "USD")).as("not 15.890,00, nor 15890.00").isEqualTo("15890,00 USD");
        assertThat(words("ca").rate(rate)).as("1.163 would read as a thousand").isEqualTo("1,163");
        assertThat(words("es").rate(new BigDecimal("0.856742"))).as("all six decimals").isEqualTo("0,856742");
    }

    @Test
    void anApostropheWrittenTwiceInTheBundleShowsOnce() {
        assertThat(words("en").get("evaluation.rubricTotal", "25", "15")).contains("The call's rubric");
    }

    private static ViewWords words(String language) {
        return StaffWordsForTests.in(language);
    }
}
