package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.payment.Iban;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.payment.PaymentOrder;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pays an approved claim once: the transfer file, the de minimis ledger, the SME told, all in one transaction. */
@Service
public class ClaimPayment {

    /** An item finance reduced, as the payment mail lists it under finance's reason (one for the verification). */
    public record Reduction(int number, String category, BigDecimal claimed, BigDecimal accepted) {
    }

    private final ExpenseClaimRepository claims;
    private final ExpenseItemRepository items;
    private final ApplicationRepository applications;
    private final CallService calls;
    private final CompanyService companies;
    private final ClusterOrganisationService organisations;
    private final PaymentService payments;
    private final AuditService audit;
    private final NotificationService notifications;
    private final ClusterCallsProperties properties;

    ClaimPayment(ExpenseClaimRepository claims, ExpenseItemRepository items, ApplicationRepository applications, CallService calls,
            CompanyService companies, ClusterOrganisationService organisations, PaymentService payments,
            AuditService audit, NotificationService notifications, ClusterCallsProperties properties) {
        this.claims = claims;
        this.items = items;
        this.applications = applications;
        this.calls = calls;
        this.companies = companies;
        this.organisations = organisations;
        this.payments = payments;
        this.audit = audit;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** The payment reference of a claim: the idempotency key of its transfer. */
    static String referenceOf(ExpenseClaim claim) {
        return "PAY-" + claim.reference();
    }

    /** Executes the payment of an approved claim; a claim already paid pays nothing more. */
    @Transactional
    public void pay(Long claimId) {
        ExpenseClaim claim = claims.lock(claimId)
                .orElseThrow(() -> new NotFoundException("There is no expense claim " + claimId + "."));
        if (claim.getStatus() == ClaimStatus.PAID) {
            return;
        }
        if (claim.getStatus() != ClaimStatus.APPROVED) {
            throw new IllegalStateException(claim.reference() + " is " + claim.getStatus() + ", not approved for payment.");
        }
        Application application = applications.findById(claim.getApplicationId()).orElseThrow();
        FundingCall call = calls.get(claim.getCallId());
        String clusterName = organisations.get(claim.tenantId()).getName();
        Payment payment = payments.execute(new PaymentOrder(referenceOf(claim), claimId, claim.tenantId(),
                claim.getVerifiedAmount(), claim.getAccountHolder(), claim.getIban(),
                "Grant " + application.reference() + " " + call.getTitle(), claim.getVerifiedBy(), claim.getApprovedBy(),
                claim.getApprovedAt().atZone(properties.timeZone()).toLocalDate()));
        if (call.isDeMinimisApplies()) {
            companies.recordGrantedAid(claim.getCompanyId(), payment.getExecutionDate(), payment.getAmount(),
                    clusterName + " (" + call.getEuProject() + ")", payment.getReference());
        }
        claim.paid();
        application.settleGrant(true);
        audit.record(application, "system", "GRANT_PAID", Formats.euros(payment.getAmount()), payment.getReference());
        audit.record(claim, "system", "PAYMENT_EXECUTED", Formats.euros(payment.getAmount()),
                payment.getReference() + ", file " + payment.getFileName()
                        + (call.isDeMinimisApplies() ? "; entered in the de minimis ledger" : ""));
        Map<String, Object> mail = new HashMap<>(Map.of("amount", payment.getAmount(),
                "accountHolder", claim.getAccountHolder(), "iban", Iban.formatted(claim.getIban()),
                "executionDate", payment.getExecutionDate(), "paymentReference", payment.getReference(),
                "deMinimis", call.isDeMinimisApplies(), "clusterName", clusterName,
                "path", "/portal/applications/" + claim.getApplicationId()));
        if (claim.getVerificationDecision() == ExpenseClaim.Verification.REDUCE) {
            mail.putAll(Map.of("computedAmount", claim.getComputedAmount(), "reductionReason",
                    claim.getVerificationReason(), "reductions", reductions(claimId)));
        }
        notifications.queue(companies.get(claim.getCompanyId()).getContacts(), NotificationType.PAYMENT_EXECUTED, claim,
                mail);
    }

    private List<Reduction> reductions(Long claimId) {
        return items.findByClaimIdOrderByPosition(claimId).stream().filter(item -> item.getVerifiedAmountEur() != null)
                .map(item -> new Reduction(item.number(), item.getCategory().name(), item.getAmountEur(),
                        item.getVerifiedAmountEur()))
                .toList();
    }
}
