package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.ViewWords;

/**
 * Dates and amounts in the reader's language, for the portal's and the dashboard's pages:
 * {@code ${@portalFormat.money(amount)}}. Times are shown in the installation's zone, in which calls close.
 */
@Component
public class PortalFormat {

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z");

    private final ZoneId zone;
    private final Clock clock;
    private final MessageSource messages;

    PortalFormat(ClusterCallsProperties properties, Clock clock, MessageSource messages) {
        this.zone = properties.timeZone();
        this.clock = clock;
        this.messages = messages;
    }

    public String money(BigDecimal amount) {
        return amount == null ? "–" : Formats.euros(amount, locale());
    }

    public String number(BigDecimal value) {
        return value == null ? "–" : Formats.number(value, locale());
    }

    /** An amount of another currency, with its cents and its code: "850,40 USD". */
    public String amount(BigDecimal value, String currency) {
        return value == null ? "–" : Formats.cents(value, locale()) + " " + currency;
    }

    public String date(LocalDate day) {
        return day == null ? "–" : Formats.date(day, locale());
    }

    /** A day that is a deadline, with the zone in which it ends: "31 March 2027 (Europe/Madrid)". */
    public String deadlineDay(LocalDate day) {
        return day == null ? "–" : Formats.deadlineDay(day, zone, locale());
    }

    /** The day of a deadline's last moment, with its zone. */
    public String deadlineDay(Instant lastMoment) {
        return lastMoment == null ? "–" : deadlineDay(lastMoment.atZone(zone).toLocalDate());
    }

    public String date(Instant at) {
        return at == null ? "–" : date(at.atZone(zone).toLocalDate());
    }

    /** A moment with the zone it is read in, as every deadline is shown: "6 Jan 2027, 23:59 CET". */
    public String dateTime(Instant at) {
        if (at == null) {
            return "–";
        }
        ZonedDateTime time = at.atZone(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Formats.figures(locale())).format(time) + " " + ZONE_NAME.withLocale(locale()).format(time);
    }

    /** "closes in 3 days", "closes in 5 hours", "closed", in the reader's language. */
    public String countdown(Instant closesAt) {
        Duration left = Duration.between(clock.instant(), closesAt);
        if (left.isNegative() || left.isZero()) {
            return message("countdown.closed");
        }
        if (left.toDays() >= 2) {
            return message("countdown.days", left.toDays());
        }
        return message("countdown.hours", Math.max(1, left.toHours()));
    }

    /** The words of kept texts (phrases) in the reader's language: {@code ${item.ineligibleReason(@portalFormat.words())}}. */
    public ViewWords words() {
        return new ViewWords(messages, locale());
    }

    /** The ISO date and time, for a {@code <time datetime>} attribute. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
