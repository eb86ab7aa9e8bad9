package eu.clustercalls.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.MessageSource;

import eu.clustercalls.support.Formats;
import eu.clustercalls.support.ViewWords;

/**
 * Amounts and dates in a mail's language ({@code ${fmt.money(grant)}} in templates/mail). Deadlines carry their time
 * zone: a mail is read wherever the recipient is. English is written the British way, as in the rest of Europe.
 */
final class MailFormat {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;
    private final ViewWords words;

    MailFormat(Locale language, ZoneId zone, MessageSource messages) {
        this.locale = language.getLanguage().equals("en") ? Locale.UK : language;
        this.zone = zone;
        this.date = locale == Locale.UK ? DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm z", locale);
        this.words = new ViewWords(messages, locale);
    }

    /**
     * A sentence kept as a {@link eu.clustercalls.support.Phrase} in the mail's language; a plain text stays as it is.
     */
    public String phrase(String kept) {
        return words.phrase(kept);
    }

    public String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    public String number(BigDecimal value) {
        return NumberFormat.getNumberInstance(locale).format(value);
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    public String date(Instant at) {
        return date(at.atZone(zone).toLocalDate());
    }

    /** A day that is a deadline, with the zone in which it ends. */
    public String deadline(LocalDate day) {
        return Formats.deadlineDay(day, zone, locale);
    }

    public String dateTime(Instant at) {
        return date(at) + ", " + time.format(at.atZone(zone));
    }
}
