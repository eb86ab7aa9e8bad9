package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import eu.clustercalls.call.Criterion;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;

/** A call as the portal shows it to anyone. */
record CallSummary(Long id, String reference, String clusterName, String euProject, String title, String description,
        String activityType, String destinationCity, String destinationCountry, LocalDate activityStart,
        LocalDate activityEnd, Instant closesAt, int slots, BigDecimal maxGrant, String reimbursementModel,
        boolean membersOnly, boolean deMinimisApplies, List<Criterion> criteria,
        List<ExpenseCategory> excludedExpenses) {

    static CallSummary of(FundingCall call, String clusterName) {
        return new CallSummary(call.getId(), call.reference(), clusterName, call.getEuProject(), call.getTitle(),
                call.getDescription(), call.getActivityType().name(), call.getDestinationCity(),
                call.getDestinationCountry(), call.getActivityStart(), call.getActivityEnd(), call.getClosesAt(),
                call.getSlots(), call.getMaxGrant(), call.getReimbursementModel().name(), call.isMembersOnly(),
                call.isDeMinimisApplies(), call.getCriteria(),
                call.getExcludedExpenses().stream().sorted().toList());
    }
}
