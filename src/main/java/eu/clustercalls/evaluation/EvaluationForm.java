package eu.clustercalls.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.Criterion;
import eu.clustercalls.support.InvalidInputException;

/** Reads form_evaluate: one score field per criterion code (RELEVANCE → scoreRelevance). */
final class EvaluationForm {

    private static final List<String> CRITERIA = List.of(Criterion.RELEVANCE, Criterion.READINESS, Criterion.REPRESENTATION);

    private EvaluationForm() {
    }

    static String field(String criterionCode) {
        return "score" + criterionCode.charAt(0) + criterionCode.substring(1).toLowerCase();
    }

    /** The form's keys, removed from the process once the evaluation is stored. */
    static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST,
                ApplicationProcess.FIELD_CONFLICT_REASON, ApplicationProcess.FIELD_EVALUATION_COMMENT));
        CRITERIA.forEach(code -> fields.add(field(code)));
        return fields;
    }

    static EvaluationInput read(Map<String, Object> form) {
        Object conflict = form.get(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST);
        if (!"YES".equals(conflict) && !"NO".equals(conflict)) {
            throw new InvalidInputException(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST,
                    "Please declare whether you have a conflict of interest with this applicant.");
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String code : CRITERIA) {
            Object value = form.get(field(code));
            if (value instanceof Number number) {
                if (number.doubleValue() != Math.rint(number.doubleValue())) {
                    problems.put(field(code), "Please score in whole points.");
                } else {
                    scores.put(code, number.intValue());
                }
            } else if (value != null && !value.toString().isBlank()) {
                problems.put(field(code), "'" + value + "' is not a number of points.");
            }
        }
        if ("NO".equals(conflict) && !problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new EvaluationInput("YES".equals(conflict), (String) form.get(ApplicationProcess.FIELD_CONFLICT_REASON),
                scores, (String) form.get(ApplicationProcess.FIELD_EVALUATION_COMMENT));
    }
}
