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

    /** One step: its name (submitted, eligibility, …), its state (done, current, failed or "") and when it happened. */
    record Step(String name, String state, Instant at) {
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

    /** A claim past these is with finance: the SME's step is done. */
    private static final Set<ClaimStatus> CLAIM_SUBMITTED = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.VERIFIED,
            ClaimStatus.APPROVED, ClaimStatus.PAID);
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
            case CONFIRMED -> claim.filter(c -> CLAIM_SUBMITTED.contains(c.getStatus())).isPresent() ? 6 : 5;
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
            steps.add(new Step(name, state, at == null && i == 0 ? application.getSubmittedAt() : at));
        }
        return steps;
    }

    /** The badge's tone of a status: good, bad or neutral (""). */
    static String tone(ApplicationStatus status) {
        return GOOD.contains(status) ? "good" : BAD.contains(status) ? "bad" : "";
    }

    private static Instant lastOf(List<AuditEvent> trail, Set<String> actions) {
        return trail.stream().filter(event -> actions.contains(event.getAction())).map(AuditEvent::getOccurredAt)
                .reduce((first, second) -> second).orElse(null);
    }
}
