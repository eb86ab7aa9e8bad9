package eu.clustercalls.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

/** The evaluation slots of an application, one per evaluator (as {@code ${evaluationSlots.of(applicationId)}}). */
@Component("evaluationSlots")
public class EvaluationSlots {

    private final EvaluationService evaluations;

    EvaluationSlots(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    public List<Integer> of(Long applicationId) {
        return evaluations.slots(applicationId);
    }
}
