package eu.clustercalls.selection;

import java.util.Date;

import org.springframework.stereotype.Component;

/** The confirmation deadline of a selected application (as {@code ${participation.confirmationDue(applicationId)}}). */
@Component("participation")
public class ParticipationDeadline {

    private final SelectionService selection;

    ParticipationDeadline(SelectionService selection) {
        this.selection = selection;
    }

    public Date confirmationDue(Long applicationId) {
        return selection.confirmationDue(applicationId);
    }
}
