package eu.clustercalls.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import eu.clustercalls.call.Criterion;

/** A column of the applications' table, the same in the CSV and the XLSX; a value may be null. */
record ReportColumn(String header, Kind kind, Function<ReportRow, Object> value) {

    /** What a cell holds: the XLSX gives each kind its own cell type and format. */
    enum Kind { TEXT, NUMBER, MONEY, DATE_TIME, DATE }

    /** The columns for a call: one per criterion of its rubric, between eligibility and the total. */
    static List<ReportColumn> of(List<Criterion> criteria) {
        List<ReportColumn> columns = new ArrayList<>(List.of(
                text("reference", ReportRow::reference),
                text("company", ReportRow::company),
                text("vat_number", ReportRow::vatNumber),
                text("country", ReportRow::country),
                text("sme_size", row -> row.smeSize() == null ? null : row.smeSize().name()),
                new ReportColumn("submitted_at", Kind.DATE_TIME, ReportRow::submittedAt),
                text("status", row -> row.status().name()),
                text("eligible", row -> row.eligible() == null ? null : row.eligible() ? "yes" : "no"),
                text("eligibility_reasons", row -> String.join("; ", row.eligibilityReasons())),
                text("eligibility_decision_reason", ReportRow::eligibilityDecisionReason)));
        for (Criterion criterion : criteria) {
            columns.add(new ReportColumn("score_" + criterion.code().toLowerCase() + "_of_" + criterion.maxPoints(),
                    Kind.NUMBER, row -> row.scores().get(criterion.code())));
        }
        columns.addAll(List.of(
                new ReportColumn("final_score", Kind.NUMBER, ReportRow::finalScore),
                new ReportColumn("ranking", Kind.NUMBER, ReportRow::ranking),
                text("selection", row -> row.selection() == null ? null : row.selection().name()),
                new ReportColumn("requested", Kind.MONEY, ReportRow::requested),
                new ReportColumn("grant_awarded", Kind.MONEY, ReportRow::awarded),
                text("claim", ReportRow::claimReference),
                new ReportColumn("claimed", Kind.MONEY, ReportRow::claimed),
                new ReportColumn("approved", Kind.MONEY, ReportRow::approved),
                new ReportColumn("paid", Kind.MONEY, ReportRow::paid),
                new ReportColumn("payment_date", Kind.DATE, ReportRow::paymentDate),
                text("payment_reference", ReportRow::paymentReference)));
        return columns;
    }

    private static ReportColumn text(String header, Function<ReportRow, Object> value) {
        return new ReportColumn(header, Kind.TEXT, value);
    }
}
