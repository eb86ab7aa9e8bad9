package eu.clustercalls.call;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.ViewWords;

/** What a call manager enters in the start form of a funding call (form_draft_call). */
public record CallDraft(
        String title,
        String euProject,
        String description,
        ActivityType activityType,
        String destinationCity,
        String destinationCountry,
        BigDecimal destinationLatitude,
        BigDecimal destinationLongitude,
        LocalDate activityStart,
        LocalDate activityEnd,
        LocalDate opensOn,
        LocalDate closesOn,
        int slots,
        BigDecimal maxGrant,
        ReimbursementModel reimbursementModel,
        boolean membersOnly,
        boolean deMinimisApplies,
        List<Criterion> criteria,
        BigDecimal scoreThreshold,
        int evaluatorsPerApplication,
        BigDecimal budget,
        Set<ExpenseCategory> excludedExpenses) {

    /** The form's "costs reimbursed" checkboxes, one per category, ticked unless the call excludes it. */
    private static final Map<ExpenseCategory, String> COST_FIELDS = costFields();

    /** Keys of the start form's fields; they are removed from the process once the call is stored. */
    public static final List<String> FORM_FIELDS = List.of("title", "euProject", "description", "activityType",
            "destinationCity", "destinationCountry", "destinationLatitude", "destinationLongitude",
            "activityStartDate", "activityEndDate", "opensOn", "closesOn", "slots", "maxGrant",
            "reimbursementModel", "membersOnly", "deMinimisApplies", "maxRelevance", "maxReadiness",
            "maxRepresentation", "scoreThreshold", "evaluatorsPerApplication", "budget", "costsTravel",
            "costsAccommodation", "costsRegistrationFee", "costsStand", "costsSubsistence");

    /** Financial support to third parties: at most €60,000 per third party (EU grant rules). */
    static final BigDecimal THIRD_PARTY_CAP = BigDecimal.valueOf(60_000);
    private static final int MAX_SLOTS = 1000;
    /** Every slot at the highest maximum grant: no call can give away more. */
    private static final BigDecimal MAX_BUDGET = THIRD_PARTY_CAP.multiply(BigDecimal.valueOf(MAX_SLOTS));
    /** A call's dates fall in this century; a year such as 300000 does not even fit PostgreSQL's timestamps. */
    private static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);

    /**
     * Reads the submitted form; every missing, malformed or out-of-range field is reported at once, before anything
     * is stored. The lengths, ranges and decimals are those the columns of funding_call hold (V1, V2), so that
     * nothing is cut or rounded on the way in. The problems are written in the drafter's cluster staff words.
     */
    public static CallDraft fromForm(Map<String, Object> form, ViewWords words) {
        FormReader in = new FormReader(form, words);
        CallDraft draft = new CallDraft(
                in.text("title", true, 200),
                in.text("euProject", true, 100),
                in.text("description", false, 4000),
                in.choice("activityType", ActivityType.class),
                in.text("destinationCity", true, 100),
                in.country("destinationCountry"),
                in.coordinate("destinationLatitude", 90),
                in.coordinate("destinationLongitude", 180),
                in.date("activityStartDate"),
                in.date("activityEndDate"),
                in.date("opensOn"),
                in.date("closesOn"),
                in.whole("slots", 1, MAX_SLOTS, "slots"),
                in.money("maxGrant", true, THIRD_PARTY_CAP, "maxGrant"),
                in.choice("reimbursementModel", ReimbursementModel.class),
                in.flag("membersOnly", false),
                in.flag("deMinimisApplies", false),
                Criterion.rubric(in.points("maxRelevance", 10), in.points("maxReadiness", 10),
                        in.points("maxRepresentation", 5)),
                in.threshold("scoreThreshold", BigDecimal.valueOf(15)),
                in.whole("evaluatorsPerApplication", 1, 5, 2, "evaluators"),
                in.money("budget", false, MAX_BUDGET, "budget"),
                excluded(in));
        in.failIfProblems();
        return draft;
    }

    private static Set<ExpenseCategory> excluded(FormReader in) {
        Set<ExpenseCategory> excluded = EnumSet.noneOf(ExpenseCategory.class);
        COST_FIELDS.forEach((category, key) -> {
            if (!in.flag(key, true)) {
                excluded.add(category);
            }
        });
        return excluded;
    }

    private static Map<ExpenseCategory, String> costFields() {
        Map<ExpenseCategory, String> fields = new EnumMap<>(ExpenseCategory.class);
        fields.put(ExpenseCategory.TRAVEL, "costsTravel");
        fields.put(ExpenseCategory.ACCOMMODATION, "costsAccommodation");
        fields.put(ExpenseCategory.REGISTRATION_FEE, "costsRegistrationFee");
        fields.put(ExpenseCategory.STAND, "costsStand");
        fields.put(ExpenseCategory.SUBSISTENCE, "costsSubsistence");
        return fields;
    }

    /** Reads each field as the type its form field has; whatever else was sent is noted as a problem of that field. */
    private static final class FormReader {

        private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
        /** The precision of the columns destination_latitude and destination_longitude: numeric(9,6), about 10 cm. */
        private static final int COORDINATE_DECIMALS = 6;
        /** Euros and cents, as numeric(15,2) and numeric(6,2) keep them. */
        private static final int MONEY_DECIMALS = 2;

        private final Map<String, Object> form;
        private final ViewWords words;
        private final Map<String, String> problems = new LinkedHashMap<>();

        FormReader(Map<String, Object> form, ViewWords words) {
            this.form = form;
            this.words = words;
        }

        /**
         * A problem of the field, {@code refusal.draft.<refusal>}: its {0} names the field within a sentence ("the
         * closing date"), {1} at its start ("The closing date"), and {2} is the figure it gives, if any.
         */
        private void refuse(String key, String refusal, int... figure) {
            String what = words.get("refusal.draft.field." + key);
            String atStart = what.substring(0, 1).toUpperCase(words.locale()) + what.substring(1);
            problems.put(key, words.get("refusal.draft." + refusal, what, atStart,
                    figure.length == 0 ? null : String.valueOf(figure[0])));
        }

        /** The text of the field without surrounding blanks; null when blank (a problem if required) or no text. */
        String given(String key, boolean required) {
            Object value = form.get(key);
            if (value != null && !(value instanceof String)) {
                refuse(key, "asText");
                return null;
            }
            if (blank(key)) {
                if (required) {
                    refuse(key, "missing");
                }
                return null;
            }
            return ((String) value).strip();
        }

        /** Text that fits its column (Java counts a character beyond the BMP as two: stricter, never longer). */
        String text(String key, boolean required, int maxLength) {
            String text = given(key, required);
            if (text == null) {
                return null;
            }
            if (text.length() > maxLength) {
                refuse(key, "tooLong", maxLength);
                return null;
            }
            if (FormValues.hasControlCharacter(text)) {
                problems.put(key, words.get("refusal.controlCharacters"));
                return null;
            }
            return text;
        }

        /** A country by its ISO 3166 code, which the form's list sends; any country, not only the listed ones. */
        String country(String key) {
            String code = given(key, true);
            if (code != null && !COUNTRIES.contains(code)) {
                refuse(key, "country");
                return null;
            }
            return code;
        }

        /** The number in the field, or null when it is blank (a problem if required) or no number. */
        BigDecimal decimal(String key, boolean required) {
            if (blank(key)) {
                if (required) {
                    refuse(key, "missing");
                }
                return null;
            }
            BigDecimal number = FormValues.decimal(form.get(key));
            if (number == null) {
                refuse(key, "number");
            }
            return number;
        }

        /** Degrees north or east, up to the limit either way; numeric(9,6) would round more decimals away. */
        BigDecimal coordinate(String key, int limit) {
            BigDecimal degrees = decimal(key, false);
            if (degrees == null) {
                return null;
            }
            if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                refuse(key, "coordinateRange", limit);
            } else if (FormValues.decimals(degrees) > COORDINATE_DECIMALS) {
                refuse(key, "coordinateDecimals", COORDINATE_DECIMALS);
            } else {
                return degrees;
            }
            return null;
        }

        /** An amount in euros, more than 0 and at most the maximum (else {@code refusal.draft.<range>}), in cents. */
        BigDecimal money(String key, boolean required, BigDecimal max, String range) {
            BigDecimal amount = decimal(key, required);
            if (amount == null) {
                return null;
            }
            if (amount.signum() <= 0 || amount.compareTo(max) > 0) {
                refuse(key, range);
            } else if (FormValues.decimals(amount) > MONEY_DECIMALS) {
                refuse(key, "eurosAndCents");
            } else {
                return amount;
            }
            return null;
        }

        /** The points of a criterion, which the form pre-fills. */
        int points(String key, int defaultValue) {
            return whole(key, 1, 100, defaultValue, "pointsRange");
        }

        /** The threshold the form pre-fills; its upper bound, the rubric's total, is checked with the whole draft. */
        BigDecimal threshold(String key, BigDecimal defaultValue) {
            if (blank(key)) {
                return defaultValue;
            }
            BigDecimal threshold = decimal(key, true);
            if (threshold != null && FormValues.decimals(threshold) > MONEY_DECIMALS) {
                refuse(key, "thresholdDecimals");
                return null;
            }
            return threshold;
        }

        /**
         * A whole number in the range ({@code refusal.draft.<range>}); compared before converting, since 4294967297
         * as an int is 1.
         */
        int whole(String key, int min, int max, String range) {
            BigDecimal number = decimal(key, true);
            if (number == null) {
                return 0;
            }
            if (FormValues.decimals(number) > 0) {
                refuse(key, "wholeNumber");
            } else if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                refuse(key, range);
            } else {
                return number.intValueExact();
            }
            return 0;
        }

        /** A whole number the form pre-fills; the default stands where the field is left out. */
        int whole(String key, int min, int max, int defaultValue, String range) {
            return blank(key) ? defaultValue : whole(key, min, max, range);
        }

        private boolean blank(String key) {
            Object value = form.get(key);
            return value == null || value instanceof String text && text.isBlank();
        }

        /** A day as the form's date field takes it, day/month/year (or YYYY-MM-DD from the engine's REST API). */
        LocalDate date(String key) {
            String text = given(key, true);
            if (text == null) {
                return null;
            }
            LocalDate date = FormValues.day(text);
            if (date == null) {
                refuse(key, "dateFormat");
            } else if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                refuse(key, "dateRange");
            } else {
                return date;
            }
            return null;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            String text = given(key, true);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                refuse(key, "choice");
                return null;
            }
        }

        /** A checkbox: true or false (or that as text, from a client other than Tasklist); left out, the default. */
        boolean flag(String key, boolean defaultValue) {
            Object value = form.get(key);
            if (blank(key)) {
                return defaultValue;
            }
            if (value instanceof Boolean ticked) {
                return ticked;
            }
            if ("true".equals(value) || "false".equals(value)) {
                return Boolean.parseBoolean((String) value);
            }
            problems.put(key, words.get("refusal.draft.flag"));
            return defaultValue;
        }

        void failIfProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
