package eu.clustercalls.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.format.Formatter;

/**
 * Amounts as a person types and reads them in a language: "1.500,50", "1500,50", "2.000" in Spanish and Catalan;
 * "1,500.50", "1500.50", "2,000" in English. What could mean two things in the language ("1500.50" in Spanish,
 * "1,5" in English) or is malformed ("1.50.0", "12,3456") is refused rather than guessed. The browser's twin is
 * {@code PortalAmounts} in portal.js; AmountsParityBrowserTest runs the same cases through both.
 */
public final class Amounts {

    /** For a form's BigDecimal fields: {@code binder.addCustomFormatter(Amounts.FIELD)}; a refusal is a binding failure. */
    public static final Formatter<BigDecimal> FIELD = new Formatter<>() {
        @Override
        public BigDecimal parse(String text, Locale locale) throws ParseException {
            return Amounts.parse(text, locale).orElseThrow(() -> new ParseException(text, 0));
        }

        @Override
        public String print(BigDecimal amount, Locale locale) {
            return format(amount, locale);
        }
    };

    /** The languages that write a decimal comma and group thousands with a point; every other writes "1,500.50". */
    private static final Set<String> DECIMAL_COMMA = Set.of("es", "ca");
    private static final String SPACES = "[ \u00a0\u202f]";

    private Amounts() {
    }

    /** The amount the text says in the language, or empty when it is not an amount written that language's way. */
    public static Optional<BigDecimal> parse(String text, Locale locale) {
        if (text == null) {
            return Optional.empty();
        }
        char group = group(locale);
        char decimal = decimal(locale);
        // A space between groups of thousands reads as the language's separator: "1 500,50".
        String value = text.strip().replaceAll(SPACES, String.valueOf(group));
        String g = Pattern.quote(String.valueOf(group));
        String d = Pattern.quote(String.valueOf(decimal));
        if (!value.matches("([1-9]\\d{0,2}(" + g + "\\d{3})+|\\d+)(" + d + "\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.replace(String.valueOf(group), "").replace(decimal, '.')));
    }

    /** The amount as a form shows it for editing, read back by {@link #parse}: "1.500,50", "1,500", "12,5". */
    public static String format(BigDecimal amount, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(group(locale));
        symbols.setDecimalSeparator(decimal(locale));
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (amount.stripTrailingZeros().scale() > 0) {
            format.setMinimumFractionDigits(2);
        }
        return format.format(amount);
    }

    private static char decimal(Locale locale) {
        return DECIMAL_COMMA.contains(locale.getLanguage()) ? ',' : '.';
    }

    private static char group(Locale locale) {
        return DECIMAL_COMMA.contains(locale.getLanguage()) ? '.' : ',';
    }
}
