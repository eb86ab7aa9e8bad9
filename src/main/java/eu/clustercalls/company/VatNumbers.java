package eu.clustercalls.company;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * EU VAT identification numbers: the country prefix and the national format used by VIES, and the check
 * digit where the national rule is public and simple (Italy, Germany).
 */
final class VatNumbers {

    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DE", Pattern.compile("\\d{9}")),
            Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("EL", Pattern.compile("\\d{9}")),
            Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("\\d{8}")),
            Map.entry("FR", Pattern.compile("[A-HJ-NP-Z0-9]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")),
            Map.entry("IE", Pattern.compile("\\d[A-Z0-9+*]\\d{5}[A-Z]{1,2}")),
            Map.entry("IT", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
            Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("MT", Pattern.compile("\\d{8}")),
            Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")),
            Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("\\d{2,10}")),
            Map.entry("SE", Pattern.compile("\\d{12}")),
            Map.entry("SI", Pattern.compile("\\d{8}")),
            Map.entry("SK", Pattern.compile("\\d{10}")));

    private VatNumbers() {
    }

    /** The member states whose VAT numbers are known, by their ISO country code (Greece as GR, not EL). */
    static SortedSet<String> countries() {
        SortedSet<String> countries = new TreeSet<>(FORMATS.keySet());
        countries.remove("EL");
        countries.add("GR");
        return countries;
    }

    /** The number in its canonical form (upper case, no spaces, dots or dashes). */
    static String normalise(String vatNumber) {
        return vatNumber == null ? "" : vatNumber.replaceAll("[\\s.\\-]", "").toUpperCase();
    }

    /** Why the number is not a valid VAT number of that country, or empty if it is. */
    static Optional<String> problem(String country, String vatNumber) {
        if (country == null || country.isBlank()) {
            return Optional.of("Please choose the company's country first: its VAT number is checked against it.");
        }
        String prefix = "GR".equals(country) ? "EL" : country;
        Pattern format = FORMATS.get(prefix);
        if (format == null) {
            return Optional.of("VAT numbers of country " + country + " are not supported: only EU member states.");
        }
        String number = normalise(vatNumber);
        if (!number.startsWith(prefix)) {
            return Optional.of("The VAT number must start with the country code " + prefix + ".");
        }
        String national = number.substring(prefix.length());
        if (!format.matcher(national).matches()) {
            return Optional.of("The VAT number " + number + " does not have the format of " + prefix + " VAT numbers.");
        }
        boolean checkDigitOk = switch (prefix) {
            case "IT" -> italianCheckDigitOk(national);
            case "DE" -> germanCheckDigitOk(national);
            default -> true;
        };
        return checkDigitOk ? Optional.empty() : Optional.of("The VAT number " + number + " has a wrong check digit.");
    }

    /** Partita IVA: Luhn over the eleven digits. */
    private static boolean italianCheckDigitOk(String digits) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** USt-IdNr: ISO 7064 MOD 11,10 over the first eight digits gives the ninth. */
    private static boolean germanCheckDigitOk(String digits) {
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        if (check == 10) {
            check = 0;
        }
        return check == digits.charAt(8) - '0';
    }
}
