package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Execute payment": asynchronous, retried with back-off, and idempotent through the payment reference. */
@Component("executePayment")
class ExecutePayment implements JavaDelegate {

    private final ClaimPayment payment;

    ExecutePayment(ClaimPayment payment) {
        this.payment = payment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payment.pay((Long) execution.getVariable(ReimbursementProcess.VAR_CLAIM_ID));
    }
}
