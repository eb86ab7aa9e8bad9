package eu.clustercalls.reimbursement;

/** Names shared by processes/travel-reimbursement.bpmn and the code that drives it. */
public final class ReimbursementProcess {

    public static final String KEY = "travel-reimbursement";

    public static final String DECISION_TRAVEL_DISTANCE_BAND = "travel-distance-band";
    public static final String DECISION_DAILY_SUBSISTENCE_RATE = "daily-subsistence-rate";
    public static final String DECISION_LUMP_SUM = "lump-sum";

    public static final String VAR_APPLICATION_ID = "applicationId";
    public static final String VAR_CALL_ID = "callId";
    public static final String VAR_CLAIM_ID = "claimId";
    public static final String VAR_CLAIM_RETURNED = "claimReturned";
    public static final String VAR_PAYMENT_APPROVED = "paymentApproved";

    /** Fields of form_verify_claim and form_approve_payment. */
    public static final String FIELD_VERIFICATION = "verification";
    public static final String FIELD_ITEM_REDUCTIONS = "itemReductions";
    public static final String FIELD_VERIFICATION_REASON = "verificationReason";
    public static final String FIELD_PAYMENT_DECISION = "paymentDecision";
    public static final String FIELD_PAYMENT_COMMENT = "paymentComment";

    public static final String START_REIMBURSEMENT = "start_reimbursement";
    public static final String TASK_OPEN_CLAIM = "task_open_claim";
    public static final String TASK_SUBMIT_CLAIM = "task_submit_claim";
    public static final String TIMER_CLAIM_REMINDER = "timer_claim_reminder";
    public static final String TASK_REMIND_CLAIM = "task_remind_claim";
    public static final String END_REMINDER_SENT = "end_reminder_sent";
    public static final String TIMER_CLAIM_DEADLINE = "timer_claim_deadline";
    public static final String TASK_FORFEIT_GRANT = "task_forfeit_grant";
    public static final String END_GRANT_FORFEITED = "end_grant_forfeited";
    public static final String TASK_COMPUTE_AMOUNT = "task_compute_amount";
    public static final String TASK_VERIFY_CLAIM = "task_verify_claim";
    public static final String TASK_APPROVE_PAYMENT = "task_approve_payment";
    public static final String TASK_EXECUTE_PAYMENT = "task_execute_payment";
    public static final String END_CLAIM_PAID = "end_claim_paid";

    /** Answers offered by form_approve_payment. */
    public enum PaymentDecision { APPROVE, SEND_BACK }

    private ReimbursementProcess() {
    }
}
