package eu.clustercalls.call;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Reads the submitted form; every missing or malformed field is reported at once. */
    public static CallDraft fromForm(Map<String, Object> form) {
        FormReader in = new FormReader(form);
        CallDraft draft = new CallDraft(
                in.text("title", "the title", true),
                in.text("euProject", "the EU project", true),
                in.text("description", "the description", false),
                in.choice("activityType", ActivityType.class, "the activity type"),
                in.text("destinationCity", "the destination city", true),
                in.text("destinationCountry", "the destination country", true),
                in.decimal("destinationLatitude", "the latitude", false),
                in.decimal("destinationLongitude", "the longitude", false),
                in.date("activityStartDate", "the first day of the activity"),
                in.date("activityEndDate", "the last day of the activity"),
                in.date("opensOn", "the opening date"),
                in.date("closesOn", "the closing date"),
                in.whole("slots", "the number of slots"),
                in.decimal("maxGrant", "the maximum grant", true),
                in.choice("reimbursementModel", ReimbursementModel.class, "the reimbursement model"),
                in.flag("membersOnly"),
                in.flag("deMinimisApplies"),
                Criterion.rubric(in.wholeOr("maxRelevance", "the points for relevance", 10),
                        in.wholeOr("maxReadiness", "the points for readiness", 10),
                        in.wholeOr("maxRepresentation", "the points for representation", 5)),
                in.decimalOr("scoreThreshold", "the threshold", BigDecimal.valueOf(15)),
                in.wholeOr("evaluatorsPerApplication", "the number of evaluators", 2),
                in.decimal("budget", "the budget", false),
                excluded(in));
        in.failIfProblems();
        return draft;
    }

    private static Set<ExpenseCategory> excluded(FormReader in) {
        Set<ExpenseCategory> excluded = EnumSet.noneOf(ExpenseCategory.class);
        COST_FIELDS.forEach((category, key) -> {
            if (!in.flagOr(key, true)) {
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

    private static final class FormReader {

        private final Map<String, Object> form;
        private final Map<String, String> problems = new LinkedHashMap<>();

        FormReader(Map<String, Object> form) {
            this.form = form;
        }

        String text(String key, String what, boolean required) {
            Object value = form.get(key);
            String text = value == null ? null : value.toString().strip();
            if ((text == null || text.isEmpty()) && required) {
                problems.put(key, "Please enter " + what + ".");
            }
            return text == null || text.isEmpty() ? null : text;
        }

        BigDecimal decimal(String key, String what, boolean required) {
            Object value = form.get(key);
            if (value == null || value.toString().isBlank()) {
                if (required) {
                    problems.put(key, "Please enter " + what + ".");
                }
                return null;
            }
            try {
                return new BigDecimal(value.toString().strip());
            } catch (NumberFormatException e) {
                problems.put(key, "'" + value + "' is not a number.");
                return null;
            }
        }

        int whole(String key, String what) {
            BigDecimal value = decimal(key, what, true);
            if (value == null) {
                return 0;
            }
            if (value.stripTrailingZeros().scale() > 0) {
                problems.put(key, "Please enter a whole number for " + what + ".");
                return 0;
            }
            return value.intValue();
        }

        /** A whole number the form pre-fills; the default stands where the field is left out. */
        int wholeOr(String key, String what, int defaultValue) {
            return blank(key) ? defaultValue : whole(key, what);
        }

        BigDecimal decimalOr(String key, String what, BigDecimal defaultValue) {
            return blank(key) ? defaultValue : decimal(key, what, true);
        }

        private boolean blank(String key) {
            return form.get(key) == null || form.get(key).toString().isBlank();
        }

        LocalDate date(String key, String what) {
            String text = text(key, what, true);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                problems.put(key, "'" + text + "' is not a date (expected YYYY-MM-DD).");
                return null;
            }
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, String what) {
            String text = text(key, what, true);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                problems.put(key, "'" + text + "' is not one of the choices for " + what + ".");
                return null;
            }
        }

        boolean flag(String key) {
            Object value = form.get(key);
            return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
        }

        /** A checkbox the form pre-ticks: left out, the default stands. */
        boolean flagOr(String key, boolean defaultValue) {
            return blank(key) ? defaultValue : flag(key);
        }

        void failIfProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
