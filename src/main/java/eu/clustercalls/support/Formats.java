package eu.clustercalls.support;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** How figures read in messages, forms and the audit trail (English until the portal brings locales). */
public final class Formats {

    private static final Locale LOCALE = Locale.UK;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", LOCALE);

    private Formats() {
    }

    public static String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    public static String number(BigDecimal value) {
        return NumberFormat.getNumberInstance(LOCALE).format(value);
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String dateTime(ZonedDateTime time) {
        return DATE_TIME.format(time);
    }
}
