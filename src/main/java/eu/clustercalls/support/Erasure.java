package eu.clustercalls.support;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final Map<String, String> identifyingTexts = new LinkedHashMap<>();

    public Erasure(Map<String, String> pseudonyms, Map<String, String> identifyingTexts) {
        this.pseudonyms = Map.copyOf(pseudonyms);
        // Longest first, so that "Textil Puig SL" is replaced whole before "Textil Puig" could be.
        identifyingTexts.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().strip().length() >= SHORTEST_IDENTIFYING_TEXT)
                .sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed())
                .forEach(entry -> this.identifyingTexts.putIfAbsent(entry.getKey(), entry.getValue()));
    }

    /** The user id of each person who acted for the company, and the pseudonym that replaces it. */
    public Map<String, String> pseudonyms() {
        return pseudonyms;
    }

    /** Each text that identifies the company and what replaces it, longest first. */
    public Map<String, String> identifyingTexts() {
        return Collections.unmodifiableMap(identifyingTexts);
    }

    /** The pseudonym of a person who acted for the company; anyone else (staff, "system") stays. */
    public String user(String userId) {
        return userId == null ? null : pseudonyms.getOrDefault(userId, userId);
    }

    /** A text the SME wrote: gone, or still none. */
    public static String erased(String text) {
        return text == null ? null : ERASED;
    }

    /** A text staff or the system wrote, without what identifies the company. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (Map.Entry<String, String> replacement : identifyingTexts.entrySet()) {
            scrubbed = scrubbed.replace(replacement.getKey(), replacement.getValue());
        }
        return scrubbed;
    }
}
