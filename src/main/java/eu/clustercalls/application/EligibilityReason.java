package eu.clustercalls.application;

import jakarta.persistence.Embeddable;

/** A rule of the eligibility decision that the application fails, with the explanation shown to people. */
@Embeddable
public record EligibilityReason(String code, String message) {
}
