package eu.clustercalls.selection;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.evaluation.EvaluationService;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.Phrase;

/**
 * The SME withdraws an application until it is paid. Before the selection its process ends and the evaluators still
 * at work on it are released; a selected application gives its slot back to the reserve list, as a decline does, and
 * a running reimbursement ends with it. Once finance has the claim on its way to payment, nothing changes.
 */
@Service
public class Withdrawals {

    /** A claim verified, approved for payment or paid: the money is on its way. */
    private static final Set<ClaimStatus> ON_ITS_WAY_TO_PAYMENT = EnumSet.of(ClaimStatus.VERIFIED,
            ClaimStatus.APPROVED, ClaimStatus.PAID);

    private final ApplicationService applications;
    private final ClaimService claims;
    private final EvaluationService evaluations;

    Withdrawals(ApplicationService applications, ClaimService claims, EvaluationService evaluations) {
        this.applications = applications;
        this.claims = claims;
        this.evaluations = evaluations;
    }

    /** Why the application can no longer be withdrawn, as a stored phrase; empty while it can. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(Application application) {
        boolean paying = application.getStatus() == ApplicationStatus.REIMBURSED
                || claims.claimOfApplication(application.getId())
                        .filter(claim -> ON_ITS_WAY_TO_PAYMENT.contains(claim.getStatus())).isPresent();
        if (paying) {
            return Optional.of(Phrase.of("refusal.withdrawal.paid").text("reference", application.reference()).stored());
        }
        boolean open = ApplicationStatus.BEFORE_SELECTION.contains(application.getStatus())
                || ApplicationStatus.HOLDING_A_SLOT.contains(application.getStatus());
        return open ? Optional.empty()
                : Optional.of(Phrase.of("refusal.withdrawal.over").text("reference", application.reference()).stored());
    }

    /** Withdraws one of the user's applications with an optional reason, or refuses and changes nothing. */
    @Transactional
    public void withdraw(String username, Long applicationId, String reason) {
        Application application = applications.applicationOf(username, applicationId);
        refusal(application).ifPresent(refused -> {
            throw new ConflictException(refused);
        });
        evaluations.releaseOpen(application);
        claims.withdrawn(application.getId());
        applications.withdraw(application, username, reason);
    }
}
