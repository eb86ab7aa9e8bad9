package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ErasureTest {

    private final Erasure erasure = new Erasure(Map.of("marta.puig", "anonymised-user-7-1"), Map.of(
            "Teixits Vallès", "[name]",
            "Teixits Vallès SL", "Anonymised company 7",
            "Vic", "[city]",
            "ES", "[too short to be told from a word]",
            "Marta Puig", "anonymised-user-7-1"));

    @Test
    void thePeopleOfTheCompanyGetTheirPseudonymsAndEveryoneElseStays() {
        assertThat(erasure.user("marta.puig")).isEqualTo("anonymised-user-7-1");
        assertThat(erasure.user("joan.riera")).isEqualTo("joan.riera");
        assertThat(erasure.user("system")).isEqualTo("system");
        assertThat(erasure.user(null)).isNull();
    }

    @Test
    void aTextTheSmeWroteIsGoneWhole() {
        assertThat(Erasure.erased("We met Marta's buyers in Vic.")).isEqualTo(Erasure.ERASED);
        assertThat(Erasure.erased(null)).isNull();
    }

    @Test
    void staffTextsLoseWhatIdentifiesTheCompanyTheLongestTextFirst() {
        assertThat(erasure.scrub("Teixits Vallès SL (Vic) called; Marta Puig confirmed. Teixits Vallès agrees."))
                .isEqualTo("Anonymised company 7 ([city]) called; anonymised-user-7-1 confirmed. [name] agrees.");
    }

    @Test
    void aKeptPhraseLosesTheCompanyInItsTextsAndKeepsItsFiguresAndItsForm() {
        Erasure quoted = new Erasure(Map.of(), Map.of("Teixits \"La Vall\" SL", "Anonymised company 7",
                "value", "[a name that is also a word of the JSON]"));
        String kept = Phrase.of("capped").text("company", "Teixits \"La Vall\" SL")
                .euros("grant", new BigDecimal("1500.00")).stored();

        String scrubbed = quoted.scrub(kept);

        assertThat(Phrase.read(scrubbed)).get().satisfies(phrase -> assertThat(phrase.facts()).containsExactly(
                Map.entry("company", new Phrase.Fact(Phrase.Kind.TEXT, "Anonymised company 7")),
                Map.entry("grant", new Phrase.Fact(Phrase.Kind.EUROS, "1500.00"))));
        assertThat(scrubbed).doesNotContain("La Vall");
    }

    @Test
    void onlyWholeWordsAreReplacedAndVeryShortTextsNever() {
        assertThat(erasure.scrub("Victoria and ESADE; Vic, ES.")).isEqualTo("Victoria and ESADE; [city], ES.");
        assertThat(erasure.scrub(null)).isNull();
    }
}
