package eu.clustercalls.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.call.Criterion;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.ViewWords;

/** Reads form_evaluate: one score field per criterion code (RELEVANCE → scoreRelevance). */
final class EvaluationForm {

    private static final List<String> CRITERIA = List.of(Criterion.RELEVANCE, Criterion.READINESS, Criterion.REPRESENTATION);

    /** More than any criterion has (a call sets 1 to 100 per criterion); the service checks the criterion's own. */
    private static final BigDecimal MOST_POINTS = BigDecimal.valueOf(1000);

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

    /** The evaluator's form; what she cannot send is refused in her cluster's staff words. */
    static EvaluationInput read(VariableScope form, ViewWords words) {
        Object conflict = form.getVariable(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST);
        if (!"YES".equals(conflict) && !"NO".equals(conflict)) {
            throw new InvalidInputException(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST,
                    words.get("refusal.evaluation.conflictDeclaration"));
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String code : CRITERIA) {
            Object value = form.getVariable(field(code));
            BigDecimal points = FormValues.decimal(value);
            if (points == null) {
                if (value != null && !value.toString().isBlank()) {
                    problems.put(field(code), words.get("refusal.evaluation.pointsNumber"));
                }
            } else if (FormValues.decimals(points) > 0) {
                problems.put(field(code), words.get("refusal.evaluation.wholePoints"));
            } else if (points.abs().compareTo(MOST_POINTS) > 0) {
                // Compared before converting: 4294967297 as an int is 1.
                problems.put(field(code), words.get("refusal.evaluation.pointsRange"));
            } else {
                scores.put(code, points.intValueExact());
            }
        }
        if ("NO".equals(conflict) && !problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new EvaluationInput("YES".equals(conflict),
                FormValues.text(form, ApplicationProcess.FIELD_CONFLICT_REASON, words), scores,
                FormValues.text(form, ApplicationProcess.FIELD_EVALUATION_COMMENT, words));
    }
}
