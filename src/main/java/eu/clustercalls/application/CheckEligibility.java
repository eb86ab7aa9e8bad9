package eu.clustercalls.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkEligibility")
class CheckEligibility implements JavaDelegate {

    private final EligibilityService eligibility;

    CheckEligibility(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean eligible = eligibility.assess(ApplicationProcess.applicationId(execution));
        execution.setVariable(ApplicationProcess.VAR_AUTO_ELIGIBLE, eligible);
    }
}
