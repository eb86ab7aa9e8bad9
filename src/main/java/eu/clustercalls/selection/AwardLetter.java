package eu.clustercalls.selection;

import java.math.BigDecimal;
import java.time.LocalDate;

import eu.clustercalls.call.ReimbursementModel;
import eu.clustercalls.support.Formats;

/** The facts of a confirmed application's award letter, for the message sent and for the portal's printable page. */
public record AwardLetter(String applicationReference, String companyName, String callTitle, String euProject,
        LocalDate activityStart, LocalDate activityEnd, BigDecimal grant, ReimbursementModel reimbursementModel,
        LocalDate claimBy, boolean deMinimis) {

    /** The letter as the outbox sends it (in English). */
    String text() {
        return "Your company is awarded a grant of up to " + Formats.euros(grant) + " for " + callTitle + " ("
                + Formats.date(activityStart) + " – " + Formats.date(activityEnd) + "), "
                + euProject + ". Reimbursement: " + reimbursementModel.label() + ". "
                + "Keep your receipts, boarding passes and the attendance list: after the activity you claim "
                + "your costs with them, by the end of " + Formats.date(claimBy) + "."
                + (deMinimis ? " This grant is de minimis aid under Regulation (EU) 2023/2831." : "");
    }
}
