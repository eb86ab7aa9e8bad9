package eu.clustercalls.support;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * The words of a staff task's view in one language (messages/staff-views), with dates and amounts as that language
 * writes them. Every text goes through {@link MessageFormat}, with or without arguments, so an apostrophe in the
 * bundles is always written twice (or as ’).
 */
public final class ViewWords {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final MessageSource messages;
    private final Locale locale;

    public ViewWords(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code view.<key>} with its arguments (figures given already formatted). */
    public String get(String key, Object... arguments) {
        return new MessageFormat(messages.getMessage("view." + key, null, locale), locale).format(arguments);
    }

    /**
     * A {@link Phrase} kept in the database, in this language: its text from messages/phrases with each named fact
     * written as this language writes it. A plain text (kept before phrases, or typed by a person) is shown as it is.
     */
    public String phrase(String stored) {
        return Phrase.read(stored).map(this::render).orElse(stored);
    }

    private String render(Phrase phrase) {
        // Phrases name their facts ({grant}) and are not MessageFormat patterns: an apostrophe is written once.
        Matcher matcher = PLACEHOLDER.matcher(messages.getMessage("phrase." + phrase.key(), null, locale));
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            Phrase.Fact fact = phrase.facts().get(matcher.group(1));
            matcher.appendReplacement(text, Matcher.quoteReplacement(fact == null ? matcher.group() : written(fact)));
        }
        return matcher.appendTail(text).toString();
    }

    private String written(Phrase.Fact fact) {
        if (fact.value() == null) {
            return get("none");
        }
        return switch (fact.kind()) {
            case TEXT -> fact.value();
            case EUROS -> euros(Phrase.decimal(fact));
            case NUMBER -> number(Phrase.decimal(fact));
            case DATE -> date(Phrase.day(fact));
            case DATE_TIME -> dateTime(Phrase.moment(fact));
            case PHRASE -> phrase(fact.value());
        };
    }

    /** The label of a value of an enum: {@code view.<EnumName>.<CONSTANT>}. */
    public String label(Enum<?> value) {
        return get(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public String yesNo(boolean yes) {
        return get(yes ? "yes" : "no");
    }

    public String date(LocalDate date) {
        return english() ? Formats.date(date) : Formats.date(date, locale);
    }

    public String dateTime(ZonedDateTime time) {
        return english() ? Formats.dateTime(time) : Formats.dateTime(time, locale);
    }

    public String euros(BigDecimal amount) {
        return Formats.euros(amount, locale);
    }

    public String number(BigDecimal value) {
        return Formats.number(value, locale);
    }

    /**
     * An amount in another currency as on its receipt, without grouping: "USD 890.00" in English, "890,00 USD" in
     * Spanish and Catalan (where "890.00" would read as a thousand-separated figure).
     */
    public String amount(BigDecimal value, String currency) {
        String figure = plain(value, 2, 2);
        return english() ? currency + " " + figure : figure + " " + currency;
    }

    /** An exchange rate as stored, up to six decimals, without grouping: "1.163", in Spanish and Catalan "1,163". */
    public String rate(BigDecimal value) {
        return plain(value, 0, 6);
    }

    private String plain(BigDecimal value, int minDecimals, int maxDecimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        return format.format(value);
    }

    /** {@link Formats#markdownList} with "(none)" and "… and n more" in this language. */
    public String list(List<String> lines, int total) {
        return Formats.markdownList(lines, total, get("none"), more -> get("more", more));
    }

    /** Ours are written in English as {@link Formats} writes it ("5 February 2027"), not as America does. */
    private boolean english() {
        return "en".equals(locale.getLanguage());
    }
}
