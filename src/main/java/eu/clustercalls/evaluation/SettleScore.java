package eu.clustercalls.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

@Component("settleScore")
class SettleScore implements JavaDelegate {

    private final EvaluationService evaluations;

    SettleScore(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ApplicationProcess.VAR_CONSENSUS_NEEDED,
                evaluations.settle(ApplicationProcess.applicationId(execution)));
    }
}
