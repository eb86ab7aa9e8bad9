package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A sentence kept once and read in each reader's language, its figures and days written that language's way. */
class PhraseTest {

    private static final String KEPT = Phrase.of("capped").euros("grant", new BigDecimal("1500.00"))
            .date("day", LocalDate.of(2027, 2, 5)).text("company", "Teixits d'Olot SL").stored();

    @Test
    void aKeptPhraseIsWrittenInEachLanguageWithItsOwnFiguresAndDays() {
        assertThat(words("en").phrase(KEPT)).isEqualTo("Capped at €1,500.00 on 5 February 2027 for Teixits d'Olot SL.");
        assertThat(words("es").phrase(KEPT))
                .isEqualTo("Limitado a 1.500,00\u00a0€ el 5 de febrero de 2027 para Teixits d'Olot SL.");
        assertThat(words("ca").phrase(KEPT)).startsWith("Limitat a 1.500,00\u00a0€ el 5 de febrer de 2027");
    }

    @Test
    void aTextKeptBeforePhrasesOrTypedByAPersonIsShownAsItIs() {
        assertThat(words("ca").phrase("No receipt attached.")).isEqualTo("No receipt attached.");
        assertThat(words("ca").phrase("§ not a phrase")).isEqualTo("§ not a phrase");
        assertThat(words("ca").phrase(null)).isNull();
    }

    @Test
    void aMissingFactReadsAsNoneRatherThanAnEmptyGap() {
        String kept = Phrase.of("capped").euros("grant", null).date("day", null).text("company", "X").stored();
        assertThat(words("en").phrase(kept)).isEqualTo("Capped at (none) on (none) for X.");
    }

    private static ViewWords words(String language) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("phrase.capped", Locale.ENGLISH, "Capped at {grant} on {day} for {company}.");
        messages.addMessage("phrase.capped", Locale.forLanguageTag("es"), "Limitado a {grant} el {day} para {company}.");
        messages.addMessage("phrase.capped", Locale.forLanguageTag("ca"), "Limitat a {grant} el {day} per a {company}.");
        messages.addMessage("view.none", Locale.ENGLISH, "(none)");
        return new ViewWords(messages, Locale.forLanguageTag(language));
    }
}
