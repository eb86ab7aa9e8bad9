package eu.clustercalls.selection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import eu.clustercalls.call.ActivityType;
import eu.clustercalls.call.ReimbursementModel;

/** The facts of a confirmed application's award letter, for the message sent and for the letter's PDF. */
public record AwardLetter(String applicationReference, String organisationName, String companyName, String callTitle,
        String euProject, ActivityType activityType, String destinationCity, String destinationCountry,
        LocalDate activityStart, LocalDate activityEnd, BigDecimal grant, ReimbursementModel reimbursementModel,
        LocalDate claimBy, boolean deMinimis) {

    /** The letter's facts for the mail's template (templates/mail/award-letter.txt). */
    Map<String, Object> mailModel(Long applicationId) {
        return Map.ofEntries(Map.entry("reference", applicationReference), Map.entry("companyName", companyName),
                Map.entry("callTitle", callTitle), Map.entry("euProject", euProject),
                Map.entry("activityStart", activityStart), Map.entry("activityEnd", activityEnd),
                Map.entry("grant", grant), Map.entry("reimbursementModel", reimbursementModel.name()),
                Map.entry("claimBy", claimBy), Map.entry("deMinimis", deMinimis),
                Map.entry("path", "/portal/applications/" + applicationId));
    }
}
