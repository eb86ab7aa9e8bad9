package eu.clustercalls.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("expireClarification")
class ExpireClarification implements JavaDelegate {

    private final EligibilityService eligibility;

    ExpireClarification(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        eligibility.expireClarification(ApplicationProcess.applicationId(execution));
        execution.setVariable(ApplicationProcess.VAR_ELIGIBLE, false);
    }
}
