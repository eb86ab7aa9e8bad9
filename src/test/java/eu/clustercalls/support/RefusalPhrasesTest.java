package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Refusals reach SMEs in their language: every phrase the code names has its text in the three bundles, and the
 * services the portal reaches refuse with phrases, not with English sentences.
 */
class RefusalPhrasesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * The services whose refusals the portal shows an SME, by source file. Add a class here once its refusals are
     * phrases.
     */
    private static final List<String> PORTAL_REACHABLE = List.of(
            "eu/clustercalls/reimbursement/ClaimService.java",
            "eu/clustercalls/document/DocumentService.java",
            "eu/clustercalls/payment/Iban.java",
            "eu/clustercalls/portal/ClaimPages.java",
            "eu/clustercalls/application/ApplicationService.java",
            "eu/clustercalls/selection/Withdrawals.java",
            "eu/clustercalls/company/ColleagueService.java",
            "eu/clustercalls/company/CompanyService.java",
            "eu/clustercalls/security/PasswordResets.java",
            "eu/clustercalls/portal/CompanyPages.java",
            "eu/clustercalls/portal/ColleaguePages.java",
            "eu/clustercalls/portal/PasswordPages.java",
            "eu/clustercalls/portal/ApplicationPages.java",
            "eu/clustercalls/portal/ApplyPages.java",
            "eu/clustercalls/portal/TodoPages.java");

    /** {@code Phrase.of("refusal.claim.none")}: a key written out whole (one built by concatenation is not seen). */
    private static final Pattern PHRASE_KEY = Pattern.compile("Phrase\\.of\\(\\s*\"([^\"]+)\"\\s*\\)");
    /** A bean validation message read from the phrases: {@code message = "{phrase.refusal.claimInput.iban}"}. */
    private static final Pattern VALIDATION_KEY = Pattern.compile("\"\\{(phrase\\.[\\w.]+)}\"");
    /** The start of a message that is, or is built from, a string literal: English whoever reads it. */
    private static final String SENTENCE = "(?:\"|[\\w.()]+\\s*\\+\\s*\")";
    /** A refusal with such a message: a conflict's first argument, an invalid input's second (after its field). */
    private static final Pattern LITERAL_REFUSAL = Pattern.compile("new ConflictException\\(\\s*" + SENTENCE
            + "|new InvalidInputException\\(\\s*(?:\"[^\"]*\"|[\\w.()]+)\\s*,\\s*" + SENTENCE);

    @Test
    void everyPhraseTheCodeNamesHasItsTextInEnglishSpanishAndCatalan() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path source : sources()) {
            String text = Files.readString(source);
            PHRASE_KEY.matcher(text).results().forEach(key -> keys.add("phrase." + key.group(1)));
            VALIDATION_KEY.matcher(text).results().forEach(key -> keys.add(key.group(1)));
        }
        assertThat(keys).as("phrase keys found in src/main/java").contains("phrase.refusal.claim.none");

        for (String bundle : List.of("phrases", "phrases_es", "phrases_ca")) {
            Properties texts = bundle(bundle);
            assertThat(keys.stream().filter(key -> !texts.containsKey(key)).toList())
                    .as("keys without a text in messages/" + bundle + ".properties").isEmpty();
        }
    }

    @Test
    void theServicesThePortalReachesRefuseWithPhrases() throws IOException {
        for (String file : PORTAL_REACHABLE) {
            String text = Files.readString(SOURCES.resolve(file));
            Matcher literal = LITERAL_REFUSAL.matcher(text);
            if (literal.find()) {
                throw new AssertionError(file + " refuses with an English sentence: "
                        + text.substring(literal.start(), Math.min(text.length(), literal.end() + 60)));
            }
        }
    }

    @Test
    void aRefusalWithASentenceIsFound() {
        // The check above can fail: these are the forms it must find.
        assertThat(LITERAL_REFUSAL.matcher("throw new ConflictException(\"It is too late.\");").find()).isTrue();
        assertThat(LITERAL_REFUSAL.matcher("new InvalidInputException(\"iban\", \"Please enter an IBAN.\")").find())
                .isTrue();
        assertThat(LITERAL_REFUSAL.matcher("new InvalidInputException(field, \"x is \" + y)").find()).isTrue();
        assertThat(LITERAL_REFUSAL.matcher("new InvalidInputException(field, Phrase.of(\"a\").stored())").find())
                .isFalse();
        assertThat(LITERAL_REFUSAL.matcher("new ConflictException(Phrase.of(\"a\").stored())").find()).isFalse();
        assertThat(LITERAL_REFUSAL.matcher("new ConflictException(claim.reference() + \" is closed.\")").find())
                .isTrue();
        assertThat(LITERAL_REFUSAL.matcher("new InvalidInputException(\"draft\", Phrase.of(\"a\").stored())").find())
                .isFalse();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RefusalPhrasesTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
