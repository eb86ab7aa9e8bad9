package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.support.Phrase;
import org.springframework.stereotype.Component;

/**
 * The eligible amount of a claim under its call's reimbursement model, with each step explained. The steps and flags
 * are kept as {@link Phrase}s (messages/phrases, {@code phrase.claim.*}), read in each reader's language.
 */
@Component
class ClaimCalculator {

    /** Mean Earth radius (IUGG), as great-circle distances are usually computed. */
    private static final double EARTH_RADIUS_KM = 6371.0088;

    record Result(BigDecimal claimed, BigDecimal amount, List<String> lines, List<String> flags) {
    }

    private final ReimbursementRates rates;

    ClaimCalculator(ReimbursementRates rates) {
        this.rates = rates;
    }

    Result compute(FundingCall call, Company company, BigDecimal grant, int daysAttended, List<ExpenseItem> items) {
        BigDecimal claimed = items.stream().map(ExpenseItem::getAmountEur).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> lines = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        BigDecimal amount = switch (call.getReimbursementModel()) {
            case ACTUAL_COSTS_CAPPED -> actualCosts(items, claimed, lines);
            case UNIT_COST_DISTANCE_BAND -> unitCosts(call, company, daysAttended, lines, flags);
            case LUMP_SUM -> lumpSum(call, lines);
        };
        if (amount.compareTo(grant) > 0) {
            lines.add(Phrase.of("claim.capped").euros("grant", grant).stored());
            amount = grant;
        }
        return new Result(claimed, amount, lines, flags);
    }

    /** The accepted amount of the items, up to the grant; used again when finance reduces items. */
    static BigDecimal acceptedItems(List<ExpenseItem> items) {
        return items.stream().map(ExpenseItem::acceptedEur).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal actualCosts(List<ExpenseItem> items, BigDecimal claimed, List<String> lines) {
        BigDecimal eligible = acceptedItems(items);
        long ineligible = items.stream().filter(item -> !item.isEligible()).count();
        String key = ineligible == 0 ? "claim.items" : ineligible == 1 ? "claim.items.ineligible.one"
                : "claim.items.ineligible.many";
        lines.add(Phrase.of(key).euros("eligible", eligible).euros("claimed", claimed).number("count", ineligible)
                .stored());
        return eligible;
    }

    private BigDecimal unitCosts(FundingCall call, Company company, int daysAttended, List<String> lines,
            List<String> flags) {
        BigDecimal travel = BigDecimal.ZERO;
        if (company.getLatitude() == null || call.getDestinationLatitude() == null) {
            flags.add((company.getLatitude() == null
                    ? Phrase.of("claim.noLocation.company").text("company", company.getLegalName())
                    : Phrase.of("claim.noLocation.destination")).stored());
        } else {
            int km = distanceKm(company.getLatitude().doubleValue(), company.getLongitude().doubleValue(),
                    call.getDestinationLatitude().doubleValue(), call.getDestinationLongitude().doubleValue());
            ReimbursementRates.TravelBand band = rates.travel(km);
            travel = band.amount();
            // Kilometres as a text: "5898 km", not grouped; the band is named as the rate table names it.
            lines.add(Phrase.of("claim.travel").text("from", company.getCity()).text("to", call.getDestinationCity())
                    .text("km", km).text("band", band.band()).euros("amount", travel).stored());
        }
        int days = Math.min(daysAttended, call.activityDays());
        BigDecimal rate = rates.dailySubsistence(call.getDestinationCountry());
        BigDecimal subsistence = rate.multiply(BigDecimal.valueOf(days));
        String key = "claim.subsistence." + (days == 1 ? "one" : "many")
                + (days < call.activityDays() ? ".partial" : "");
        lines.add(Phrase.of(key).text("country", call.getDestinationCountry()).number("days", days)
                .number("activityDays", call.activityDays()).euros("rate", rate).euros("amount", subsistence).stored());
        return travel.add(subsistence);
    }

    private BigDecimal lumpSum(FundingCall call, List<String> lines) {
        BigDecimal lumpSum = rates.lumpSum(call.getActivityType());
        // A text for each type of activity: its name takes its own article in Spanish and Catalan.
        lines.add(Phrase.of("claim.lumpSum." + call.getActivityType().name()).euros("amount", lumpSum).stored());
        return lumpSum;
    }

    /** Great-circle (haversine) distance, cut to whole kilometres as the bands count them. */
    static int distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return (int) Math.floor(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a)));
    }
}
