package eu.clustercalls.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.security.CurrentUser;

/**
 * "Add an evaluator": tells the call managers who is out, and why; completing it (recorded with who did it) tries
 * the assignment again.
 */
@Component("addEvaluatorTaskListener")
class AddEvaluatorTaskListener implements TaskListener {

    private final EvaluationService evaluations;
    private final CurrentUser currentUser;

    AddEvaluatorTaskListener(EvaluationService evaluations, CurrentUser currentUser) {
        this.evaluations = evaluations;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long applicationId = ApplicationProcess.applicationId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                evaluations.missingEvaluatorView(applicationId).showIn(task);
                evaluations.askForEvaluator(applicationId);
            }
            case EVENTNAME_COMPLETE -> evaluations.recordEvaluatorAdded(applicationId, currentUser.require());
            default -> throw new IllegalStateException("Unexpected task event " + task.getEventName());
        }
    }
}
