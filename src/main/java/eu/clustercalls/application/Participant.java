package eu.clustercalls.application;

import jakarta.persistence.Embeddable;

/** A person the SME sends to the activity. */
@Embeddable
public record Participant(String fullName, String jobTitle) {
}
