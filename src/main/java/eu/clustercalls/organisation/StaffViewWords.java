package eu.clustercalls.organisation;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import eu.clustercalls.support.ViewWords;

/**
 * The words a cluster's staff task views are written in: a group task is seen by several people before one claims
 * it, so its language is the cluster's staff language, not a reader's.
 */
@Component
public class StaffViewWords {

    private final ClusterOrganisationService organisations;
    private final MessageSource messages;

    StaffViewWords(ClusterOrganisationService organisations, MessageSource messages) {
        this.organisations = organisations;
        this.messages = messages;
    }

    /** The words of the cluster (the tenant whose staff see the task). */
    public ViewWords of(String clusterId) {
        return new ViewWords(messages, organisations.staffLanguage(clusterId));
    }
}
