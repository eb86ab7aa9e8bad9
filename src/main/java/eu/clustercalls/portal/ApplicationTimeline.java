package eu.clustercalls.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ExpenseClaim;

/**
 * The seven steps of an application as its SME follows them, from submission to payment: each done, current, failed
 * or still ahead, with the time it was done taken from the audit trail.
 */
final class ApplicationTimeline {

    /**
     * One step: its name (submitted, eligibility, …), its state (done, current, failed or ""), when it happened, and
     * where the claim stands when that says more than "in progress" (a message key, or null).
     */
    record Step(String name, String state, Instant at, String note) {
    }

    /** What the badge of an application says (a message key) and its tone. */
    record Badge(String key, String tone) {
    }

    static final List<String> STEPS = List.of("submitted", "eligibility", "evaluation", "result", "confirmation",
            "claim", "paid");

    /** The audit events that complete each step (or end it, for a failed one). */
    private static final Map<String, Set<String>> EVENTS = Map.of(
            "submitted", Set.of("APPLICATION_SUBMITTED"),
            "eligibility", Set.of("ELIGIBILITY_CONFIRMED", "ELIGIBILITY_OVERRIDDEN"),
            "evaluation", Set.of("SCORE_SETTLED", "SCORE_SET_BY_CONSENSUS"),
            "result", Set.of("RESULT_PUBLISHED", "PROMOTED_FROM_RESERVE", "RESERVE_RELEASED"),
            "confirmation", Set.of("PARTICIPATION_CONFIRMED", "PARTICIPATION_DECLINED", "CONFIRMATION_LAPSED"),
            "claim", Set.of("CLAIM_SUBMITTED", "GRANT_FORFEITED"),
            "paid", Set.of("GRANT_PAID", "PAYMENT_EXECUTED"));

    /** A claim in these has been checked by finance: the claim step is done and the payment is under way. */
    private static final Set<ClaimStatus> CLAIM_VERIFIED = EnumSet.of(ClaimStatus.VERIFIED, ClaimStatus.APPROVED,
            ClaimStatus.PAID);
    /** The claim states the badge and the current step name instead of the application's status. */
    private static final Set<ClaimStatus> CLAIM_NOTES = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.RETURNED,
            ClaimStatus.VERIFIED, ClaimStatus.APPROVED);
    private static final Set<ApplicationStatus> GOOD = EnumSet.of(ApplicationStatus.ELIGIBLE,
            ApplicationStatus.SELECTED, ApplicationStatus.CONFIRMED, ApplicationStatus.REIMBURSED);
    private static final Set<ApplicationStatus> BAD = EnumSet.of(ApplicationStatus.INELIGIBLE,
            ApplicationStatus.NOT_SELECTED, ApplicationStatus.DECLINED, ApplicationStatus.LAPSED,
            ApplicationStatus.GRANT_FORFEITED, ApplicationStatus.WITHDRAWN);

    private ApplicationTimeline() {
    }

    static List<Step> of(Application application, Optional<ExpenseClaim> claim, List<AuditEvent> trail) {
        int reached = switch (application.getStatus()) {
            case SUBMITTED, IN_REVIEW, CLARIFICATION_REQUESTED, INELIGIBLE -> 1;
            case ELIGIBLE, IN_EVALUATION -> 2;
            case EVALUATED, RESERVE, NOT_SELECTED -> 3;
            case SELECTED, DECLINED, LAPSED -> 4;
            case CONFIRMED -> claim.filter(c -> CLAIM_VERIFIED.contains(c.getStatus())).isPresent() ? 6 : 5;
            case GRANT_FORFEITED -> 5;
            case REIMBURSED -> STEPS.size();
            // Withdrawn: the step after the last one the trail shows done did not go ahead.
            case WITHDRAWN -> IntStream.range(0, STEPS.size()).filter(i -> lastOf(trail, EVENTS.get(STEPS.get(i))) != null)
                    .max().orElse(0) + 1;
        };
        boolean failed = BAD.contains(application.getStatus());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            String name = STEPS.get(i);
            String state = i < reached ? "done" : i > reached ? "" : failed ? "failed" : "current";
            Instant at = state.equals("done") || state.equals("failed") ? lastOf(trail, EVENTS.get(name)) : null;
            String note = state.equals("current") ? claimNote(application, claim) : null;
            steps.add(new Step(name, state, at == null && i == 0 ? application.getSubmittedAt() : at, note));
        }
        return steps;
    }

    /**
     * The badge of an application: its status, except that a confirmed application whose claim is past "open" says
     * where the claim stands (submitted, returned, verified, approved), not "Confirmed".
     */
    static Badge badge(Application application, Optional<ExpenseClaim> claim) {
        Optional<ClaimStatus> standing = claimStanding(application, claim);
        if (standing.isPresent()) {
            return new Badge("applications.badge." + standing.get(), standing.get() == ClaimStatus.RETURNED ? "" : "good");
        }
        ApplicationStatus status = application.getStatus();
        return new Badge("applications.status." + status, GOOD.contains(status) ? "good" : BAD.contains(status) ? "bad" : "");
    }

    /** What the current step of a confirmed application says: no claim until the activity is over, or its state. */
    private static String claimNote(Application application, Optional<ExpenseClaim> claim) {
        if (application.getStatus() == ApplicationStatus.CONFIRMED && claim.isEmpty()) {
            return "NOT_OPEN";
        }
        return claimStanding(application, claim).map(Enum::name).orElse(null);
    }

    /** Where the claim of a confirmed application stands, once the SME has sent it and until it is paid. */
    private static Optional<ClaimStatus> claimStanding(Application application, Optional<ExpenseClaim> claim) {
        return claim.filter(c -> application.getStatus() == ApplicationStatus.CONFIRMED)
                .map(ExpenseClaim::getStatus).filter(CLAIM_NOTES::contains);
    }

    private static Instant lastOf(List<AuditEvent> trail, Set<String> actions) {
        return trail.stream().filter(event -> actions.contains(event.getAction())).map(AuditEvent::getOccurredAt)
                .reduce((first, second) -> second).orElse(null);
    }
}
