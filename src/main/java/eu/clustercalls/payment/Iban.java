package eu.clustercalls.payment;

import java.util.Locale;
import java.util.Map;

import eu.clustercalls.support.InvalidInputException;

/** International Bank Account Numbers (ISO 13616) of the countries that take part in SEPA. */
public final class Iban {

    private record Country(String adjective, int length) {
    }

    // SEPA geographical scope (EPC409): EU/EEA and the other scheme countries; the IBAN length each one uses.
    private static final Map<String, Country> SEPA = Map.ofEntries(
            Map.entry("AD", new Country("Andorran", 24)),
            Map.entry("AL", new Country("Albanian", 28)),
            Map.entry("AT", new Country("Austrian", 20)),
            Map.entry("BE", new Country("Belgian", 16)),
            Map.entry("BG", new Country("Bulgarian", 22)),
            Map.entry("CH", new Country("Swiss", 21)),
            Map.entry("CY", new Country("Cypriot", 28)),
            Map.entry("CZ", new Country("Czech", 24)),
            Map.entry("DE", new Country("German", 22)),
            Map.entry("DK", new Country("Danish", 18)),
            Map.entry("EE", new Country("Estonian", 20)),
            Map.entry("ES", new Country("Spanish", 24)),
            Map.entry("FI", new Country("Finnish", 18)),
            Map.entry("FR", new Country("French", 27)),
            Map.entry("GB", new Country("British", 22)),
            Map.entry("GI", new Country("Gibraltar", 23)),
            Map.entry("GR", new Country("Greek", 27)),
            Map.entry("HR", new Country("Croatian", 21)),
            Map.entry("HU", new Country("Hungarian", 28)),
            Map.entry("IE", new Country("Irish", 22)),
            Map.entry("IS", new Country("Icelandic", 26)),
            Map.entry("IT", new Country("Italian", 27)),
            Map.entry("LI", new Country("Liechtenstein", 21)),
            Map.entry("LT", new Country("Lithuanian", 20)),
            Map.entry("LU", new Country("Luxembourg", 20)),
            Map.entry("LV", new Country("Latvian", 21)),
            Map.entry("MC", new Country("Monegasque", 27)),
            Map.entry("MD", new Country("Moldovan", 24)),
            Map.entry("ME", new Country("Montenegrin", 22)),
            Map.entry("MK", new Country("North Macedonian", 19)),
            Map.entry("MT", new Country("Maltese", 31)),
            Map.entry("NL", new Country("Dutch", 18)),
            Map.entry("NO", new Country("Norwegian", 15)),
            Map.entry("PL", new Country("Polish", 28)),
            Map.entry("PT", new Country("Portuguese", 25)),
            Map.entry("RO", new Country("Romanian", 24)),
            Map.entry("RS", new Country("Serbian", 22)),
            Map.entry("SE", new Country("Swedish", 24)),
            Map.entry("SI", new Country("Slovenian", 19)),
            Map.entry("SK", new Country("Slovak", 24)),
            Map.entry("SM", new Country("San Marino", 27)),
            Map.entry("VA", new Country("Vatican", 22)));

    private Iban() {
    }

    /** As people type or paste it (spaces of any kind, lower case) to the electronic form; null stays null. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("(?U)\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Refuses a normalised IBAN that a bank would reject, saying why in words the applicant understands. */
    /** Whether the IBAN passes {@link #check} (formatting aside), for pages that say so in the reader's language. */
    public static boolean isValid(String raw) {
        try {
            check("iban", normalise(raw));
            return true;
        } catch (InvalidInputException invalid) {
            return false;
        }
    }

    public static void check(String field, String iban) {
        if (iban == null || iban.isBlank()) {
            throw new InvalidInputException(field, "Please enter an IBAN.");
        }
        if (!iban.matches("[A-Z]{2}.*")) {
            throw new InvalidInputException(field,
                    "An IBAN starts with a two-letter country code, such as ES91 2100 0418 4502 0005 1332.");
        }
        String code = iban.substring(0, 2);
        Country country = SEPA.get(code);
        if (country == null) {
            throw new InvalidInputException(field,
                    "IBANs of country " + code + " are not accepted for SEPA transfers.");
        }
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]*")) {
            throw new InvalidInputException(field, "An IBAN has only letters and digits, and two digits after the "
                    + "country code, such as ES91 2100 0418 4502 0005 1332.");
        }
        if (iban.length() != country.length()) {
            String article = "AEIOU".indexOf(country.adjective().charAt(0)) >= 0 ? "An " : "A ";
            throw new InvalidInputException(field, article + country.adjective() + " IBAN (" + code + ") has "
                    + country.length() + " characters; this one has " + iban.length() + ".");
        }
        if (mod97(iban) != 1) {
            throw new InvalidInputException(field,
                    "This IBAN is not valid: its check digits do not match. Please check it for typing errors.");
        }
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
