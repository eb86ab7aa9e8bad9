package eu.clustercalls.evaluation;

import java.util.Map;

/**
 * What an evaluator gives: a conflict of interest with its reason, or scores per criterion code of the call's
 * rubric with an optional comment.
 */
public record EvaluationInput(boolean conflict, String conflictReason, Map<String, Integer> scores, String comment) {
}
