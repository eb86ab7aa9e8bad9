package eu.clustercalls.support;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How figures read in messages, forms and the audit trail (in English), and in a reader's language where one is given
 * (the portal's pages, letters).
 */
public final class Formats {

    private static final Locale LOCALE = Locale.UK;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", LOCALE);

    private Formats() {
    }

    public static String euros(BigDecimal amount) {
        return euros(amount, LOCALE);
    }

    /**
     * How figures are written for a reader of the language: English the British way, as in the rest of Europe
     * ("6 Jan 2027, 23:59"), not the American one; every other language as it is.
     */
    public static Locale figures(Locale language) {
        return language.getLanguage().equals("en") ? LOCALE : language;
    }

    /** An amount in euros as the language writes it: "€1,500.00", "1.500,00 €". */
    public static String euros(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(figures(locale));
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** A day as the language writes it in full: "21 November 2026", "21 de noviembre de 2026". */
    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(figures(locale)).format(date);
    }

    public static String number(BigDecimal value) {
        return number(value, LOCALE);
    }

    /** An amount with its two decimals, without a currency: "850,40". */
    public static String cents(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(figures(locale));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    public static String number(BigDecimal value, Locale locale) {
        return NumberFormat.getNumberInstance(figures(locale)).format(value);
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String dateTime(ZonedDateTime time) {
        return DATE_TIME.format(time);
    }

    /** A day in full and the time of day with its zone, as the language writes them: "21 de noviembre de 2026, 14:00 CET". */
    public static String dateTime(ZonedDateTime time, Locale locale) {
        return date(time.toLocalDate(), locale) + ", " + DateTimeFormatter.ofPattern("HH:mm z", locale).format(time);
    }

    /** A day that is a deadline, with the zone in which it ends: "31 March 2027 (Europe/Madrid)". */
    public static String deadlineDay(LocalDate day, ZoneId zone, Locale locale) {
        return date(day, locale) + " (" + zone.getId() + ")";
    }

    /**
     * Characters that start markup anywhere in a line: emphasis, code, links and images, HTML, tables, and the @ of
     * an e-mail address, which form-js's markdown (marked, with GitHub's extensions) would make a mailto: link.
     */
    private static final String INLINE_MARKUP = "\\`*_[]<>&|~@";
    /** What starts a heading, a list or a rule at the beginning of a line (numbers: "1." or "1)"). */
    private static final Pattern BLOCK_START = Pattern.compile("(?m)^( {0,3})([#+=-]|\\d{1,9}(?=[.)]))");

    /**
     * Text a person typed, for the markdown of a task form (form-js shows it as HTML): it shows as typed, and nothing
     * in it becomes a tag, a link, an image, a heading or a list; nor does an address (https://…, www.…, a@b.example),
     * which the markdown would otherwise make a live link.
     */
    public static String markdownText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (INLINE_MARKUP.indexOf(c) >= 0 || startsAutolink(text, i)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return BLOCK_START.matcher(escaped).replaceAll(start -> Matcher.quoteReplacement(start.group(1)
                + (Character.isDigit(start.group(2).charAt(0)) ? start.group(2) + "\\" : "\\" + start.group(2))));
    }

    /**
     * Whether the character is the ':' of "://" or the '.' of "www." (in any case): the markdown links an address
     * from there (ftp://, http://, https://, www.), and a backslash before that character keeps it text.
     */
    private static boolean startsAutolink(String text, int i) {
        char c = text.charAt(i);
        return c == ':' && text.startsWith("//", i + 1)
                || c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3);
    }

    /**
     * The lines as a markdown list; when they are the first of a longer list, of that many, followed by how many more.
     * The lines are text (see {@link #markdownText}).
     */
    public static String markdownList(List<String> lines, int total) {
        return markdownList(lines, total, "(none)", more -> "… and " + more + " more");
    }

    /** {@link #markdownList(List, int)} in words of a language: for no line, and for how many more there are. */
    public static String markdownList(List<String> lines, int total, String none, IntFunction<String> more) {
        if (total == 0) {
            return none;
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append("- ").append(markdownText(line)).append('\n'));
        return lines.size() < total ? text.append("- ").append(more.apply(total - lines.size())).toString()
                : text.toString();
    }
}
