package eu.clustercalls.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A sentence kept for readers of several languages: the key of its text in messages/phrases and the facts it names,
 * each with its kind, so that a reader's language writes the figures and dates its own way. Kept in a text column as
 * {@code §} and JSON; a text kept before phrases existed is plain English and is shown as it is.
 */
public final class Phrase {

    private static final String MARK = "§";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How a fact is written: as it is, as euros, as a figure, as a day, as a moment with its zone, or as another
     * phrase in the same language (a refusal of a file, told of the expense it belongs to).
     */
    enum Kind { TEXT, EUROS, NUMBER, DATE, DATE_TIME, PHRASE }

    record Fact(Kind kind, String value) {
    }

    private record Stored(String key, Map<String, Fact> facts) {
    }

    private final String key;
    private final Map<String, Fact> facts;

    private Phrase(String key, Map<String, Fact> facts) {
        this.key = key;
        this.facts = facts;
    }

    public static Phrase of(String key) {
        return new Phrase(key, new LinkedHashMap<>());
    }

    public Phrase text(String name, Object value) {
        return with(name, Kind.TEXT, value == null ? null : value.toString());
    }

    public Phrase euros(String name, BigDecimal amount) {
        return with(name, Kind.EUROS, amount == null ? null : amount.toPlainString());
    }

    public Phrase number(String name, Number value) {
        return with(name, Kind.NUMBER, value == null ? null : new BigDecimal(value.toString()).toPlainString());
    }

    public Phrase date(String name, LocalDate date) {
        return with(name, Kind.DATE, date == null ? null : date.toString());
    }

    public Phrase dateTime(String name, ZonedDateTime time) {
        return with(name, Kind.DATE_TIME, time == null ? null : time.toString());
    }

    /** Another phrase in its stored form; a plain text is written as it is. */
    public Phrase phrase(String name, String stored) {
        return with(name, Kind.PHRASE, stored);
    }

    private Phrase with(String name, Kind kind, String value) {
        facts.put(name, new Fact(kind, value));
        return this;
    }

    /** Several phrases said of one field, one after the other, each in the reader's language. */
    public static String joined(List<String> stored) {
        return stored.stream().reduce((first, second) -> of("joined").phrase("first", first).phrase("second", second)
                .stored()).orElse("");
    }

    public String key() {
        return key;
    }

    Map<String, Fact> facts() {
        return Collections.unmodifiableMap(facts);
    }

    /** This phrase with each text fact changed (figures and days stay as they are): how erasure scrubs a name. */
    Phrase withTexts(UnaryOperator<String> change) {
        Map<String, Fact> changed = new LinkedHashMap<>();
        facts.forEach((name, fact) -> changed.put(name, fact.kind() == Kind.TEXT && fact.value() != null
                ? new Fact(Kind.TEXT, change.apply(fact.value())) : fact));
        return new Phrase(key, changed);
    }

    /** The form kept in the database. */
    public String stored() {
        try {
            return MARK + JSON.writeValueAsString(new Stored(key, facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A phrase could not be written: " + key, e);
        }
    }

    @Override
    public String toString() {
        return stored();
    }

    /** The phrase kept in {@code text}, or empty for a plain text (kept before phrases, or typed by a person). */
    public static Optional<Phrase> read(String text) {
        if (text == null || !text.startsWith(MARK + "{")) {
            return Optional.empty();
        }
        try {
            Stored stored = JSON.readValue(text.substring(MARK.length()), new TypeReference<Stored>() { });
            return Optional.of(new Phrase(stored.key(), new LinkedHashMap<>(stored.facts())));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static BigDecimal decimal(Fact fact) {
        return new BigDecimal(fact.value());
    }

    static LocalDate day(Fact fact) {
        return LocalDate.parse(fact.value());
    }

    static ZonedDateTime moment(Fact fact) {
        return ZonedDateTime.parse(fact.value());
    }
}
