package eu.clustercalls.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormView;

/**
 * "Declare conflict of interest and evaluate": shows the application and the rubric (never the other scores),
 * and stores the declaration or the scores; the form's fields do not stay in the process.
 */
@Component("evaluateTaskListener")
class EvaluateTaskListener extends FormTaskListener {

    private final EvaluationService evaluations;
    private final CurrentUser currentUser;
    private final StaffViewWords words;

    EvaluateTaskListener(EvaluationService evaluations, CurrentUser currentUser, StaffViewWords words) {
        super(ApplicationProcess::applicationId);
        this.evaluations = evaluations;
        this.currentUser = currentUser;
        this.words = words;
    }

    @Override
    protected FormView view(Long applicationId) {
        return evaluations.evaluationView(applicationId);
    }

    @Override
    protected void complete(DelegateTask task, Long applicationId) {
        boolean conflict = evaluations.record(applicationId,
                (Integer) task.getVariable(ApplicationProcess.VAR_EVALUATION_SLOT), currentUser.require(),
                EvaluationForm.read(task, words.of(task.getTenantId())));
        task.getExecution().removeVariables(EvaluationForm.fields());
        task.getExecution().setVariable(ApplicationProcess.VAR_CONFLICT_DECLARED, conflict);
    }
}
