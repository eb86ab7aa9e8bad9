package eu.clustercalls.support;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the anonymisation of a company replaces in the records that are kept: the ids of the people who acted for it
 * by pseudonyms, and the texts that identify it (its name, VAT number, participants, bank account, file names)
 * wherever staff or the system quoted them. A text the SME wrote itself is replaced whole by {@link #ERASED}.
 */
public final class Erasure {

    public static final String ERASED = "[anonymised]";
    /** Shorter texts would replace parts of ordinary words. */
    private static final int SHORTEST_IDENTIFYING_TEXT = 3;

    private final Map<String, String> pseudonyms;
    private final Map<Pattern, String> replacements = new LinkedHashMap<>();

    public Erasure(Map<String, String> pseudonyms, Map<String, String> identifyingTexts) {
        this.pseudonyms = Map.copyOf(pseudonyms);
        // Longest first, so that "Textil Puig SL" is replaced whole before "Textil Puig" could be; whole words only,
        // so that the city "Vic" stays in "Victoria".
        identifyingTexts.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().strip().length() >= SHORTEST_IDENTIFYING_TEXT)
                .sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed())
                .forEach(entry -> replacements.put(
                        Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(entry.getKey()) + "(?![\\p{L}\\p{N}])"),
                        Matcher.quoteReplacement(entry.getValue())));
    }

    /** The user id of each person who acted for the company, and the pseudonym that replaces it. */
    public Map<String, String> pseudonyms() {
        return pseudonyms;
    }

    /** The pseudonym of a person who acted for the company; anyone else (staff, "system") stays. */
    public String user(String userId) {
        return userId == null ? null : pseudonyms.getOrDefault(userId, userId);
    }

    /** A text the SME wrote: gone, or still none. */
    public static String erased(String text) {
        return text == null ? null : ERASED;
    }

    /**
     * A text staff or the system wrote, without what identifies the company. Of a {@link Phrase} (one a line) the
     * text facts are scrubbed, not its JSON, where a name may be written with escapes and keys could be hit.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(text.split("\n", -1))
                .map(line -> Phrase.read(line).map(phrase -> phrase.withTexts(this::scrubText).stored())
                        .orElseGet(() -> scrubText(line)))
                .collect(Collectors.joining("\n"));
    }

    private String scrubText(String text) {
        String scrubbed = text;
        for (Map.Entry<Pattern, String> replacement : replacements.entrySet()) {
            scrubbed = replacement.getKey().matcher(scrubbed).replaceAll(replacement.getValue());
        }
        return scrubbed;
    }
}
