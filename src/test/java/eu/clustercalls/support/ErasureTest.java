package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

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
    void onlyWholeWordsAreReplacedAndVeryShortTextsNever() {
        assertThat(erasure.scrub("Victoria and ESADE; Vic, ES.")).isEqualTo("Victoria and ESADE; [city], ES.");
        assertThat(erasure.scrub(null)).isNull();
    }

    @Test
    void aKeptPhraseLosesWhatIdentifiesTheCompanyFromItsFactsAndStaysAPhrase() {
        // A name with quotes is written escaped in the phrase's JSON; its fact is scrubbed, not the JSON.
        Erasure quoted = new Erasure(Map.of(), Map.of("Teixits \"La Vall\" SL", "Anonymised company 8",
                "Vic", "[city]", "value", "[should not touch the JSON]"));
        String kept = Phrase.of("located").text("company", "Teixits \"La Vall\" SL").text("city", "Vic")
                .euros("amount", new BigDecimal("820.00")).stored() + "\n" + "Plain text of Vic.";

        String scrubbed = quoted.scrub(kept);

        assertThat(scrubbed).doesNotContain("La Vall", "Vic\"", "[should not");
        List<String> lines = scrubbed.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(english().phrase(lines.get(0))).isEqualTo("Anonymised company 8 of [city]: €820.00.");
        assertThat(lines.get(1)).isEqualTo("Plain text of [city].");
    }

    private static ViewWords english() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("phrase.located", Locale.ENGLISH, "{company} of {city}: {amount}.");
        return new ViewWords(messages, Locale.ENGLISH);
    }
}
