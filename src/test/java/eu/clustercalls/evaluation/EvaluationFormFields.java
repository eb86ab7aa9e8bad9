package eu.clustercalls.evaluation;

import java.util.List;

/** The keys of form_evaluate as {@link EvaluationForm} reads them, for tests outside this package. */
public final class EvaluationFormFields {

    private EvaluationFormFields() {
    }

    /** The score field of a criterion of the rubric: RELEVANCE → scoreRelevance. */
    public static String score(String criterionCode) {
        return EvaluationForm.field(criterionCode);
    }

    /** Every field of the form: the declaration, the scores and the comment. */
    public static List<String> all() {
        return EvaluationForm.fields();
    }
}
