package eu.clustercalls.selection;

import java.util.Date;

import org.springframework.stereotype.Component;

/** The confirmation deadline of a selected application (as {@code ${participation.confirmationDue(applicationId)}}) and its reminder. */
@Component("participation")
public class ParticipationDeadline {

    private final SelectionService selection;

    ParticipationDeadline(SelectionService selection) {
        this.selection = selection;
    }

    public Date confirmationDue(Long applicationId) {
        return selection.confirmationDue(applicationId);
    }

    /** {@code ${participation.confirmationReminder(applicationId)}}: when an SME that has not answered is reminded. */
    public Date confirmationReminder(Long applicationId) {
        return selection.confirmationReminder(applicationId);
    }
}
