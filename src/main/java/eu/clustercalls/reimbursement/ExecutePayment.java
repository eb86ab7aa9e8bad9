package eu.clustercalls.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Execute payment": asynchronous, retried with back-off, and idempotent through the payment reference. */
@Component("executePayment")
class ExecutePayment implements JavaDelegate {

    private final ClaimPayment payment;
    private final ClaimOfInstance claimOf;

    ExecutePayment(ClaimPayment payment, ClaimOfInstance claimOf) {
        this.payment = payment;
        this.claimOf = claimOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payment.pay(claimOf.claimId(execution));
    }
}
