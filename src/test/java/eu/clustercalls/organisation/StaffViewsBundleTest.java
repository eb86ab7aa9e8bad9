package eu.clustercalls.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The staff views speak English, Spanish and Catalan: every text is in every language, and none loses a word. */
class StaffViewsBundleTest {

    @ParameterizedTest
    @ValueSource(strings = {"_es", "_ca"})
    void everyTextOfTheStaffViewsIsTranslated(String suffix) throws IOException {
        Properties english = bundle("");
        Properties translated = bundle(suffix);

        assertThat(translated.stringPropertyNames()).as("keys of staff-views" + suffix)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(translated.stringPropertyNames()).allSatisfy(key -> {
            assertThat(translated.getProperty(key)).as(key).isNotBlank();
            assertThat(arguments(translated.getProperty(key))).as(key + ": the same arguments as in English")
                    .isEqualTo(arguments(english.getProperty(key)));
        });
    }

    private static Set<String> arguments(String text) {
        return Pattern.compile("\\{\\d}").matcher(text).results().map(MatchResult::group).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_es", "_ca"})
    void everyTextKeepsItsApostrophesAndArguments(String suffix) throws IOException {
        Properties texts = bundle(suffix);

        // MessageFormat takes a single ' as a quote: the text after it would show without its arguments.
        assertThat(texts.stringPropertyNames()).allSatisfy(key -> {
            String text = texts.getProperty(key);
            assertThat(text.replace("''", "")).as(key).doesNotContain("'");
            Object[] arguments = {"A0", "A1", "A2", "A3", "A4", "A5"};
            String formatted = new MessageFormat(text, Locale.forLanguageTag("en")).format(arguments);
            for (int i = 0; i < arguments.length; i++) {
                assertThat(formatted.contains("A" + i)).as(key + " shows argument " + i)
                        .isEqualTo(text.contains("{" + i + "}"));
            }
        });
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = StaffViewsBundleTest.class.getResourceAsStream("/messages/staff-views" + suffix + ".properties")) {
            assertThat(in).as("staff-views" + suffix + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
