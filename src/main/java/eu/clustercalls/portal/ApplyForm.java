package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;

import eu.clustercalls.application.ApplyCommand;
import eu.clustercalls.application.Declarations;
import eu.clustercalls.application.Participant;
import eu.clustercalls.support.Amounts;

/**
 * The apply form's answers as the SME typed them (a wrong amount comes back as written), with the checks that give
 * a message next to each field in the reader's language. The service checks the rules of the call again.
 */
final class ApplyForm {

    static final String MOTIVATION = "motivation";
    static final String TARGET_MARKETS = "targetMarkets";
    static final String EXPORT_EXPERIENCE = "exportExperience";
    static final String REQUESTED_AMOUNT = "requestedAmount";
    static final String COMPANY_ID = "companyId";
    static final List<String> DECLARATIONS = List.of("smeStatus", "deMinimis", "noDoubleFunding", "dataProtection");
    static final int PARTICIPANT_ROWS = ApplyCommand.PARTICIPANTS_MAX;
    /** The longest amount kept as typed: 9 digits, the separators and the cents. */
    private static final int AMOUNT_TEXT_MAX = 20;

    /** Every answer the form carries, declarations excepted. */
    static final List<String> ANSWERS;

    static {
        List<String> answers = new ArrayList<>(List.of(COMPANY_ID, MOTIVATION, TARGET_MARKETS, EXPORT_EXPERIENCE,
                REQUESTED_AMOUNT));
        for (int row = 0; row < PARTICIPANT_ROWS; row++) {
            answers.add(fullName(row));
            answers.add(jobTitle(row));
        }
        ANSWERS = List.copyOf(answers);
    }

    /** A message to show next to a field: its key in the applications bundle and the values it quotes. */
    record Problem(String key, Object... arguments) {
    }

    private final Map<String, String> answers = new LinkedHashMap<>();

    private ApplyForm() {
    }

    /** The known answers among these values (request parameters or a draft); anything else is left out. */
    static ApplyForm of(Map<String, ?> values) {
        ApplyForm form = new ApplyForm();
        for (String field : ANSWERS) {
            Object value = values.get(field);
            form.answers.put(field, value == null ? "" : value.toString());
        }
        return form;
    }

    static String fullName(int row) {
        return "participant" + row + "FullName";
    }

    static String jobTitle(int row) {
        return "participant" + row + "JobTitle";
    }

    static int maxLength(String field) {
        return switch (field) {
            case MOTIVATION -> ApplyCommand.MOTIVATION_MAX;
            case TARGET_MARKETS -> ApplyCommand.TARGET_MARKETS_MAX;
            case EXPORT_EXPERIENCE -> ApplyCommand.EXPORT_EXPERIENCE_MAX;
            case REQUESTED_AMOUNT -> AMOUNT_TEXT_MAX;
            default -> ApplyCommand.PARTICIPANT_TEXT_MAX;
        };
    }

    /** Every answer by field name, as typed; for the templates and the draft. */
    Map<String, String> getAnswers() {
        return answers;
    }

    String get(String field) {
        return answers.getOrDefault(field, "");
    }

    Long companyId() {
        String value = get(COMPANY_ID).strip();
        return value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
    }

    /** The participant rows with something written in them; the first row always. */
    List<Integer> filledRows() {
        List<Integer> rows = new ArrayList<>(List.of(0));
        for (int row = 1; row < PARTICIPANT_ROWS; row++) {
            if (!get(fullName(row)).isBlank() || !get(jobTitle(row)).isBlank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** What a draft may not keep: answers longer than the form allows. Nothing is required yet. */
    Map<String, Problem> draftProblems() {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (String field : ANSWERS) {
            if (!field.equals(COMPANY_ID) && get(field).strip().length() > maxLength(field)) {
                problems.put(field, new Problem("apply.error.tooLong", maxLength(field)));
            }
        }
        return problems;
    }

    /** What stops the answers from being submitted, field by field, in the order of the form. */
    Map<String, Problem> problems(BigDecimal maxGrant, boolean companyRequired) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        if (companyRequired && companyId() == null) {
            problems.put(COMPANY_ID, new Problem("apply.error.companyId.required"));
        }
        text(problems, MOTIVATION, "apply.error.motivation.required");
        text(problems, TARGET_MARKETS, "apply.error.targetMarkets.required");
        text(problems, EXPORT_EXPERIENCE, "apply.error.exportExperience.required");
        amountProblem(maxGrant).ifPresent(problem -> problems.put(REQUESTED_AMOUNT, problem));
        for (int row : filledRows()) {
            text(problems, fullName(row), "apply.error.fullName.required");
            text(problems, jobTitle(row), "apply.error.jobTitle.required");
        }
        return problems;
    }

    /** The declarations not ticked on the preview. */
    static Map<String, Problem> declarationProblems(Map<String, String> values) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        DECLARATIONS.stream().filter(name -> !"true".equals(values.get(name)))
                .forEach(name -> problems.put(name, new Problem("apply.error.declaration.required")));
        return problems;
    }

    private void text(Map<String, Problem> problems, String field, String requiredKey) {
        String value = get(field).strip();
        if (value.isEmpty()) {
            problems.put(field, new Problem(requiredKey));
        } else if (value.length() > maxLength(field)) {
            problems.put(field, new Problem("apply.error.tooLong", maxLength(field)));
        }
    }

    private Optional<Problem> amountProblem(BigDecimal maxGrant) {
        String value = get(REQUESTED_AMOUNT).strip();
        if (value.isEmpty()) {
            return Optional.of(new Problem("apply.error.requestedAmount.required"));
        }
        Optional<BigDecimal> typed = Amounts.parse(value, LocaleContextHolder.getLocale());
        if (typed.isEmpty() || typed.get().precision() - typed.get().scale() > ApplyCommand.AMOUNT_INTEGER_DIGITS) {
            return Optional.of(new Problem("apply.error.requestedAmount.format"));
        }
        BigDecimal amount = typed.get();
        if (amount.signum() <= 0) {
            return Optional.of(new Problem("apply.error.requestedAmount.positive"));
        }
        if (amount.compareTo(maxGrant) > 0) {
            return Optional.of(new Problem("apply.error.requestedAmount.max", maxGrant));
        }
        return Optional.empty();
    }

    /** The amount requested, as written in the reader's language; only once {@link #problems} found nothing wrong with it. */
    BigDecimal amount() {
        return Amounts.parse(get(REQUESTED_AMOUNT), LocaleContextHolder.getLocale()).orElseThrow();
    }

    /** The answers as the service takes them; only once {@link #problems} and the declarations found nothing wrong. */
    ApplyCommand command() {
        List<Participant> participants = filledRows().stream()
                .map(row -> new Participant(get(fullName(row)).strip(), get(jobTitle(row)).strip())).toList();
        return new ApplyCommand(companyId(), get(MOTIVATION).strip(), get(TARGET_MARKETS).strip(),
                get(EXPORT_EXPERIENCE).strip(), amount(), participants, new Declarations(true, true, true, true));
    }
}
