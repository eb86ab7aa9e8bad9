package eu.clustercalls.application;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

/** What the application process asks about its applicant (as {@code ${applicants.…}} in application.bpmn). */
@Component("applicants")
public class Applicants {

    private final EligibilityService eligibility;

    Applicants(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    /** The SME users who may work on the application's tasks. */
    public List<String> contactUsers(Long applicationId) {
        return eligibility.contactUsers(applicationId);
    }

    /** The deadline of the open clarification request, as stored and as told to the SME. */
    public Date clarificationDue(Long applicationId) {
        return eligibility.clarificationDue(applicationId);
    }
}
