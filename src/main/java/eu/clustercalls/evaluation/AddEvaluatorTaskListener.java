package eu.clustercalls.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;

/** "Add an evaluator": tells the call managers who is out, and why; completing it tries the assignment again. */
@Component("addEvaluatorTaskListener")
class AddEvaluatorTaskListener implements TaskListener {

    private final EvaluationService evaluations;

    AddEvaluatorTaskListener(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateTask task) {
        Long applicationId = (Long) task.getVariable(ApplicationProcess.VAR_APPLICATION_ID);
        task.setVariablesLocal(evaluations.missingEvaluatorView(applicationId));
        evaluations.askForEvaluator(applicationId);
    }
}
