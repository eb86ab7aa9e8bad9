package eu.clustercalls.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("notifyEligibilityResult")
class NotifyEligibilityResult implements JavaDelegate {

    private final EligibilityService eligibility;

    NotifyEligibilityResult(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        eligibility.notifyResult(ApplicationProcess.applicationId(execution));
    }
}
