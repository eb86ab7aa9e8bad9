package eu.clustercalls.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

/** Assigns the evaluation slot to an evaluator, or leaves {@code evaluator} empty when nobody is left. */
@Component("pickEvaluator")
class PickEvaluator implements JavaDelegate {

    private final EvaluationService evaluations;

    PickEvaluator(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ApplicationProcess.VAR_EVALUATOR, evaluations.assign(
                ApplicationProcess.applicationId(execution),
                (Integer) execution.getVariable(ApplicationProcess.VAR_EVALUATION_SLOT)));
    }
}
