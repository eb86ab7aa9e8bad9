package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.ClarificationRequest;
import eu.clustercalls.application.EligibilityService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ExpenseClaim;

/**
 * What waits for an SME user: an open clarification request, a place to confirm, an expense claim to send. Each
 * comes from the state its own service keeps; a to-do whose deadline passed is gone (its timer decides).
 */
@Component
class TodoList {

    enum Kind { CLARIFICATION, PARTICIPATION, CLAIM }

    /** One thing to do for one application, with its deadline and the last day it may be done. */
    record Todo(Kind kind, Long applicationId, String reference, String callTitle, String question,
            LocalDate activityStart, LocalDate activityEnd, BigDecimal grant, Instant due, LocalDate lastDay,
            long daysLeft, boolean returned, String returnReason) {
    }

    private final ApplicationService applications;
    private final EligibilityService eligibility;
    private final ClaimService claims;
    private final CallService calls;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    TodoList(ApplicationService applications, EligibilityService eligibility, ClaimService claims, CallService calls,
            ClusterCallsProperties properties, Clock clock) {
        this.applications = applications;
        this.eligibility = eligibility;
        this.claims = claims;
        this.calls = calls;
        this.properties = properties;
        this.clock = clock;
    }

    List<Todo> of(String username) {
        Instant now = clock.instant();
        List<Todo> todos = new ArrayList<>();
        for (Application application : applications.applicationsOf(username)) {
            FundingCall call = calls.get(application.getCallId());
            if (application.getStatus() == ApplicationStatus.CLARIFICATION_REQUESTED) {
                eligibility.clarificationsOf(application.getId()).stream()
                        .filter(request -> request.getAnswer() == null && !request.isExpired())
                        .filter(request -> request.getDueAt().isAfter(now))
                        .reduce((first, second) -> second)
                        .ifPresent(request -> todos.add(clarification(application, call, request)));
            }
            if (application.getStatus() == ApplicationStatus.SELECTED && application.getConfirmationDueAt() != null
                    && application.getConfirmationDueAt().isAfter(now)) {
                todos.add(todo(Kind.PARTICIPATION, application, call, null, application.getConfirmationDueAt(),
                        null));
            }
            claims.claimOfApplication(application.getId())
                    .filter(claim -> application.getStatus() != ApplicationStatus.WITHDRAWN)
                    .filter(claim -> claim.awaitsSubmission() && claim.getDueAt().isAfter(now))
                    .ifPresent(claim -> todos.add(todo(Kind.CLAIM, application, call, null, claim.getDueAt(), claim)));
        }
        todos.sort(Comparator.comparing(Todo::due));
        return todos;
    }

    private Todo clarification(Application application, FundingCall call, ClarificationRequest request) {
        return todo(Kind.CLARIFICATION, application, call, request.getQuestion(), request.getDueAt(), null);
    }

    private Todo todo(Kind kind, Application application, FundingCall call, String question, Instant due,
            ExpenseClaim claim) {
        // A deadline at midnight is the end of the day before, as the SME was told.
        LocalDate lastDay = due.minusSeconds(1).atZone(properties.timeZone()).toLocalDate();
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(properties.timeZone())), lastDay);
        boolean returned = claim != null && claim.getStatus() == ClaimStatus.RETURNED;
        return new Todo(kind, application.getId(), application.reference(), call.getTitle(), question,
                call.getActivityStart(), call.getActivityEnd(), application.grantAwarded(call.getMaxGrant()), due,
                lastDay, daysLeft, returned, returned ? claim.getVerificationReason() : null);
    }
}
