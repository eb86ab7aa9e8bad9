package eu.clustercalls.payment;

import java.util.Locale;
import java.util.Map;

import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.Phrase;

/** International Bank Account Numbers (ISO 13616) of the countries that take part in SEPA. */
public final class Iban {

    // SEPA geographical scope (EPC409): EU/EEA and the other scheme countries; the IBAN length each one uses.
    private static final Map<String, Integer> SEPA = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("CH", 21),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DK", 18),
            Map.entry("EE", 20),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GI", 23),
            Map.entry("GR", 27),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MT", 31),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("PL", 28),
            Map.entry("PT", 25),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("VA", 22));

    private Iban() {
    }

    /** As people type or paste it (spaces of any kind, lower case) to the electronic form; null stays null. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("(?U)\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Refuses a normalised IBAN that a bank would reject, saying why in words the applicant understands (a
     * {@link Phrase}, written in the reader's language).
     */
    public static void check(String field, String iban) {
        if (iban == null || iban.isBlank()) {
            throw refused(field, Phrase.of("refusal.iban.missing"));
        }
        if (!iban.matches("[A-Z]{2}.*")) {
            throw refused(field, Phrase.of("refusal.iban.noCountry"));
        }
        String code = iban.substring(0, 2);
        Integer length = SEPA.get(code);
        if (length == null) {
            throw refused(field, Phrase.of("refusal.iban.notSepa").text("country", code));
        }
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]*")) {
            throw refused(field, Phrase.of("refusal.iban.characters"));
        }
        if (iban.length() != length) {
            throw refused(field, Phrase.of("refusal.iban.length").text("country", code).number("length", length)
                    .number("actual", iban.length()));
        }
        if (mod97(iban) != 1) {
            throw refused(field, Phrase.of("refusal.iban.checkDigits"));
        }
    }

    private static InvalidInputException refused(String field, Phrase why) {
        return new InvalidInputException(field, why.stored());
    }

    /** In groups of four, as printed on bank statements; for display only. */
    public static String formatted(String iban) {
        if (iban == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(iban.length() + iban.length() / 4);
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(iban, i, Math.min(i + 4, iban.length()));
        }
        return out.toString();
    }

    // ISO 13616: country code and check digits moved to the end, letters as 10..35, the number taken mod 97
    // digit by digit so that no big integer is needed.
    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
            remainder %= 97;
        }
        return remainder;
    }
}
