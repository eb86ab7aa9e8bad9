package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every kept phrase can be read in English, Spanish and Catalan: each {@code phrase.*} key is in all three bundles,
 * and each language names the same facts, so that none is left as "{grant}" nor silently dropped.
 */
class PhrasesBundleTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyPhraseIsInSpanishAndCatalanAndEveryTranslationIsInEnglish() {
        Map<String, String> english = phrases("");
        assertThat(english).isNotEmpty();
        for (String language : new String[] {"_es", "_ca"}) {
            assertThat(phrases(language).keySet()).as("phrases" + language).isEqualTo(english.keySet());
        }
    }

    @Test
    void eachLanguageNamesTheSameFactsAsEnglish() {
        Map<String, String> english = phrases("");
        for (String language : new String[] {"_es", "_ca"}) {
            phrases(language).forEach((key, text) -> {
                if (english.containsKey(key)) {
                    assertThat(facts(text)).as(key + " in phrases" + language).isEqualTo(facts(english.get(key)));
                }
            });
        }
    }

    @Test
    void anApostropheIsWrittenOnceAsPhrasesAreNoMessageFormatPatterns() {
        for (String language : new String[] {"", "_es", "_ca"}) {
            phrases(language).forEach((key, text) -> assertThat(text).as(key + " in phrases" + language)
                    .doesNotContain("''").isNotBlank());
        }
    }

    private static Set<String> facts(String text) {
        Set<String> facts = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            facts.add(matcher.group(1));
        }
        return facts;
    }

    /** The {@code phrase.*} texts of messages/phrases{language}.properties, read as Spring reads them (UTF-8). */
    private static Map<String, String> phrases(String language) {
        String path = "/messages/phrases" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = PhrasesBundleTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
        Map<String, String> phrases = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("phrase."))
                .forEach(key -> phrases.put(key, properties.getProperty(key)));
        return phrases;
    }
}
