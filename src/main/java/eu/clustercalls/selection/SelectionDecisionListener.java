package eu.clustercalls.selection;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.CurrentUser;
import eu.clustercalls.support.FormTaskListener;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.ViewWords;
import eu.clustercalls.support.FormView;

/** "Selection decision": shows the proposed lists and records the call managers' approval or moves. */
@Component("selectionDecisionListener")
class SelectionDecisionListener extends FormTaskListener {

    private static final List<String> FIELDS = List.of(FundingCallProcess.FIELD_SELECTION_DECISION,
            FundingCallProcess.FIELD_SELECTION_MOVES, FundingCallProcess.FIELD_SELECTION_REASON);

    private final SelectionService selection;
    private final CurrentUser currentUser;
    private final StaffViewWords words;

    SelectionDecisionListener(SelectionService selection, CurrentUser currentUser, StaffViewWords words) {
        super(FundingCallProcess::callId);
        this.selection = selection;
        this.currentUser = currentUser;
        this.words = words;
    }

    @Override
    protected FormView view(Long callId) {
        return selection.decisionView(callId);
    }

    @Override
    protected void complete(DelegateTask task, Long callId) {
        ViewWords staffWords = words.of(task.getTenantId());
        selection.decide(callId, currentUser.require(),
                FormValues.text(task, FundingCallProcess.FIELD_SELECTION_DECISION, staffWords),
                FormValues.text(task, FundingCallProcess.FIELD_SELECTION_MOVES, staffWords),
                FormValues.text(task, FundingCallProcess.FIELD_SELECTION_REASON, staffWords));
        task.getExecution().removeVariables(FIELDS);
    }
}
