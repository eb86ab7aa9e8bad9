package eu.clustercalls.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reading what a person typed or chose in a task form or a request. A task form's values arrive as whatever types
 * the client sent (Tasklist sends text and numbers; the engine's REST API takes any type), so each is read as the
 * type its field has, and anything else is refused naming the field.
 */
public final class FormValues {

    /** Nobody types a control character other than tab and line breaks, and PostgreSQL cannot store NUL at all. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    public static final String NO_CONTROL_CHARACTERS = "Please remove the control characters (such as NUL) from this "
            + "text; they cannot be stored.";
    /** A day as people in the clusters write it (14/09/2027, 4/9/2027); strict, so 31/02/2027 is no day. */
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Longer than any number a person types; parsing a number of a million digits takes seconds. */
    private static final int LONGEST_NUMBER = 50;

    private FormValues() {
    }

    /** The text without surrounding blanks, or null when nothing was typed. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** One of the offered choices, or a refusal naming the field. */
    public static <E extends Enum<E>> E choice(Class<E> type, Object value, String field, String message) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, message);
        }
    }

    /**
     * The text of a staff form's field as sent (null when left out); a number, a list or a control character is
     * refused, a control character (pasted with the text) in the cluster's staff words.
     */
    public static String text(VariableScope form, String field, ViewWords staffWords) {
        return text(form, field, staffWords.get("refusal.controlCharacters"));
    }

    /** {@link #text(VariableScope, String, ViewWords)} for an SME's task, completed through the portal: in English. */
    public static String text(VariableScope form, String field) {
        return text(form, field, NO_CONTROL_CHARACTERS);
    }

    private static String text(VariableScope form, String field, String noControlCharacters) {
        Object value = form.getVariable(field);
        if (value != null && !(value instanceof String)) {
            // Tasklist sends a text field as text, and the engine door refuses any other kind: only a forged
            // request gets here, so this stays English.
            throw new InvalidInputException(field, "Please enter text in this field.");
        }
        String text = (String) value;
        if (text != null && hasControlCharacter(text)) {
            throw new InvalidInputException(field, noControlCharacters);
        }
        return text;
    }

    /** The number in a form field, or null when it was left out; anything but a number is refused. */
    public static BigDecimal number(VariableScope form, String field) {
        Object value = form.getVariable(field);
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        BigDecimal number = decimal(value);
        if (number == null) {
            // Tasklist's number field sends a number: like a text's wrong kind, only a forged request gets here.
            throw new InvalidInputException(field, "Please enter a number.");
        }
        return number;
    }

    /**
     * The exact value of a number, or of text such as "1500.00"; null for anything else, NaN and infinity included.
     * The value can still be huge or tiny ({@code 1e999999999}): check its range and decimals with {@code compareTo}
     * and {@code scale()} before {@code intValue()} or {@code setScale}, which would compute every digit.
     */
    public static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger number) {
            return new BigDecimal(number);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? new BigDecimal(value.toString()) : null;
        }
        if (value instanceof String text && text.strip().length() <= LONGEST_NUMBER) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The day in a text typed as day/month/year (the forms' date fields), or as YYYY-MM-DD (what the engine's REST
     * API and our own services send); null for anything else, including days that do not exist.
     */
    public static LocalDate day(String text) {
        String day = text == null ? "" : text.strip();
        if (day.isEmpty() || day.length() > 10) {
            return null;
        }
        try {
            return day.contains("/") ? LocalDate.parse(day, DAY_MONTH_YEAR)
                    : LocalDate.parse(day, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Its count of decimals without trailing zeros (1500.50 has 1, 1500.00 none); cheap for any exponent. */
    public static int decimals(BigDecimal number) {
        return number.signum() == 0 ? 0 : Math.max(0, number.stripTrailingZeros().scale());
    }

    public static boolean hasControlCharacter(String text) {
        return CONTROL.matcher(text).find();
    }
}
