package eu.clustercalls.evaluation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.ViewWords;
import eu.clustercalls.support.FormView;

/** "Set the score by consensus": shows every evaluation and stores the call manager's score and reason. */
@Component("consensusTaskListener")
class ConsensusTaskListener extends FormTaskListener {

    private final EvaluationService evaluations;
    private final CurrentUser currentUser;
    private final StaffViewWords words;

    ConsensusTaskListener(EvaluationService evaluations, CurrentUser currentUser, StaffViewWords words) {
        super(ApplicationProcess::applicationId);
        this.evaluations = evaluations;
        this.currentUser = currentUser;
        this.words = words;
    }

    @Override
    protected FormView view(Long applicationId) {
        return evaluations.consensusView(applicationId);
    }

    @Override
    protected void complete(DelegateTask task, Long applicationId) {
        ViewWords staffWords = words.of(task.getTenantId());
        evaluations.recordConsensus(applicationId, currentUser.require(),
                FormValues.number(task, ApplicationProcess.FIELD_FINAL_SCORE),
                FormValues.text(task, ApplicationProcess.FIELD_CONSENSUS_REASON, staffWords));
        task.getExecution().removeVariables(List.of(ApplicationProcess.FIELD_FINAL_SCORE,
                ApplicationProcess.FIELD_CONSENSUS_REASON));
    }
}
