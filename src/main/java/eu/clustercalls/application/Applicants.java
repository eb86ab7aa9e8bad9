package eu.clustercalls.application;

import java.util.List;

import org.springframework.stereotype.Component;

/** The SME users who may work on an application's tasks (as {@code ${applicants.contactUsers(applicationId)}}). */
@Component("applicants")
public class Applicants {

    private final EligibilityService eligibility;

    Applicants(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    public List<String> contactUsers(Long applicationId) {
        return eligibility.contactUsers(applicationId);
    }
}
