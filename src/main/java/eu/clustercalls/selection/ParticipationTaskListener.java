package eu.clustercalls.selection;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.FormView;

/** "Confirm participation": shows the activity and the deadline, and records the SME's answer. */
@Component("participationTaskListener")
class ParticipationTaskListener extends FormTaskListener {

    private final SelectionService selection;
    private final CurrentUser currentUser;

    ParticipationTaskListener(SelectionService selection, CurrentUser currentUser) {
        super(ApplicationProcess::applicationId);
        this.selection = selection;
        this.currentUser = currentUser;
    }

    @Override
    protected FormView view(Long applicationId) {
        return selection.participationView(applicationId);
    }

    @Override
    protected void complete(DelegateTask task, Long applicationId) {
        boolean confirmed = selection.recordParticipation(applicationId, currentUser.require(),
                FormValues.text(task, ApplicationProcess.FIELD_PARTICIPATION),
                FormValues.text(task, ApplicationProcess.FIELD_DECLINE_REASON));
        task.getExecution().removeVariables(List.of(ApplicationProcess.FIELD_PARTICIPATION,
                ApplicationProcess.FIELD_DECLINE_REASON));
        task.getExecution().setVariable(ApplicationProcess.VAR_PARTICIPATION_CONFIRMED, confirmed);
    }
}
