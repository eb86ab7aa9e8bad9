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
     * nothing is cut or rounded on the way in.
     */
    public static CallDraft fromForm(Map<String, Object> form) {
        FormReader in = new FormReader(form);
        CallDraft draft = new CallDraft(
                in.text("title", "the title", true, 200),
                in.text("euProject", "the EU project", true, 100),
                in.text("description", "the description", false, 4000),
                in.choice("activityType", ActivityType.class, "the activity type"),
                in.text("destinationCity", "the destination city", true, 100),
                in.country("destinationCountry"),
                in.coordinate("destinationLatitude", "The latitude", 90),
                in.coordinate("destinationLongitude", "The longitude", 180),
                in.date("activityStartDate", "the first day of the activity"),
                in.date("activityEndDate", "the last day of the activity"),
                in.date("opensOn", "the opening date"),
                in.date("closesOn", "the closing date"),
                in.whole("slots", "the number of slots", 1, MAX_SLOTS, "A call has between 1 and 1,000 slots."),
                in.money("maxGrant", "the maximum grant", true, THIRD_PARTY_CAP,
                        "The maximum grant must be more than €0 and at most €60,000 per SME."),
                in.choice("reimbursementModel", ReimbursementModel.class, "the reimbursement model"),
                in.flag("membersOnly", false),
                in.flag("deMinimisApplies", false),
                Criterion.rubric(in.points("maxRelevance", "relevance", 10),
                        in.points("maxReadiness", "readiness", 10),
                        in.points("maxRepresentation", "representation", 5)),
                in.threshold("scoreThreshold", BigDecimal.valueOf(15)),
                in.whole("evaluatorsPerApplication", "the number of evaluators", 1, 5, 2,
                        "Each application is scored by 1 to 5 evaluators."),
                in.money("budget", "the budget", false, MAX_BUDGET,
                        "The budget must be more than €0 and at most €60,000,000 (1,000 slots at €60,000)."),
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
        private final Map<String, String> problems = new LinkedHashMap<>();

        FormReader(Map<String, Object> form) {
            this.form = form;
        }

        /** The text of the field without surrounding blanks; null when blank (a problem if required) or no text. */
        String given(String key, String what, boolean required) {
            Object value = form.get(key);
            if (value != null && !(value instanceof String)) {
                problems.put(key, "Please enter " + what + " as text.");
                return null;
            }
            if (blank(key)) {
                if (required) {
                    problems.put(key, "Please enter " + what + ".");
                }
                return null;
            }
            return ((String) value).strip();
        }

        /** Text that fits its column (Java counts a character beyond the BMP as two: stricter, never longer). */
        String text(String key, String what, boolean required, int maxLength) {
            String text = given(key, what, required);
            if (text == null) {
                return null;
            }
            if (text.length() > maxLength) {
                problems.put(key, capitalised(what) + " can have at most " + maxLength + " characters.");
                return null;
            }
            if (FormValues.hasControlCharacter(text)) {
                problems.put(key, FormValues.NO_CONTROL_CHARACTERS);
                return null;
            }
            return text;
        }

        /** A country by its ISO 3166 code, which the form's list sends; any country, not only the listed ones. */
        String country(String key) {
            String code = given(key, "the destination country", true);
            if (code != null && !COUNTRIES.contains(code)) {
                problems.put(key, "Please choose the destination country from the list.");
                return null;
            }
            return code;
        }

        /** The number in the field, or null when it is blank (a problem if required) or no number. */
        BigDecimal decimal(String key, String what, boolean required) {
            if (blank(key)) {
                if (required) {
                    problems.put(key, "Please enter " + what + ".");
                }
                return null;
            }
            BigDecimal number = FormValues.decimal(form.get(key));
            if (number == null) {
                problems.put(key, "Please enter a number for " + what + ".");
            }
            return number;
        }

        /** Degrees north or east, up to the limit either way; numeric(9,6) would round more decimals away. */
        BigDecimal coordinate(String key, String what, int limit) {
            BigDecimal degrees = decimal(key, what.toLowerCase(), false);
            if (degrees == null) {
                return null;
            }
            if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                problems.put(key, what + " is between -" + limit + " and " + limit + " degrees.");
            } else if (FormValues.decimals(degrees) > COORDINATE_DECIMALS) {
                problems.put(key, what + " can have at most " + COORDINATE_DECIMALS + " decimals (about 10 cm).");
            } else {
                return degrees;
            }
            return null;
        }

        /** An amount in euros, more than 0 and at most the maximum, in cents at most. */
        BigDecimal money(String key, String what, boolean required, BigDecimal max, String rangeMessage) {
            BigDecimal amount = decimal(key, what, required);
            if (amount == null) {
                return null;
            }
            if (amount.signum() <= 0 || amount.compareTo(max) > 0) {
                problems.put(key, rangeMessage);
            } else if (FormValues.decimals(amount) > MONEY_DECIMALS) {
                problems.put(key, "Please enter " + what + " in euros and cents, with at most two decimals.");
            } else {
                return amount;
            }
            return null;
        }

        /** The points of a criterion, which the form pre-fills. */
        int points(String key, String criterion, int defaultValue) {
            return whole(key, "the points for " + criterion, 1, 100, defaultValue,
                    "The points for " + criterion + " are from 1 to 100.");
        }

        /** The threshold the form pre-fills; its upper bound, the rubric's total, is checked with the whole draft. */
        BigDecimal threshold(String key, BigDecimal defaultValue) {
            if (blank(key)) {
                return defaultValue;
            }
            BigDecimal threshold = decimal(key, "the threshold", true);
            if (threshold != null && FormValues.decimals(threshold) > MONEY_DECIMALS) {
                problems.put(key, "The threshold can have at most two decimals.");
                return null;
            }
            return threshold;
        }

        /** A whole number in the range; compared before converting, since 4294967297 as an int is 1. */
        int whole(String key, String what, int min, int max, String rangeMessage) {
            BigDecimal number = decimal(key, what, true);
            if (number == null) {
                return 0;
            }
            if (FormValues.decimals(number) > 0) {
                problems.put(key, "Please enter a whole number for " + what + ".");
            } else if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                problems.put(key, rangeMessage);
            } else {
                return number.intValueExact();
            }
            return 0;
        }

        /** A whole number the form pre-fills; the default stands where the field is left out. */
        int whole(String key, String what, int min, int max, int defaultValue, String rangeMessage) {
            return blank(key) ? defaultValue : whole(key, what, min, max, rangeMessage);
        }

        private boolean blank(String key) {
            Object value = form.get(key);
            return value == null || value instanceof String text && text.isBlank();
        }

        /** A day as the form's date field takes it, day/month/year (or YYYY-MM-DD from the engine's REST API). */
        LocalDate date(String key, String what) {
            String text = given(key, what, true);
            if (text == null) {
                return null;
            }
            LocalDate date = FormValues.day(text);
            if (date == null) {
                problems.put(key, "Please enter " + what + " as day/month/year, e.g. 14/09/2027.");
            } else if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                problems.put(key, "Please enter " + what + " between 2000 and 2099.");
            } else {
                return date;
            }
            return null;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, String what) {
            String text = given(key, what, true);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                problems.put(key, "Please choose one of the offered options for " + what + ".");
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
            problems.put(key, "Please tick or clear this box.");
            return defaultValue;
        }

        void failIfProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }

        private static String capitalised(String what) {
            return Character.toUpperCase(what.charAt(0)) + what.substring(1);
        }
    }
}
