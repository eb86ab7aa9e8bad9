package eu.clustercalls.reporting;

import java.time.Instant;
import java.util.List;

import eu.clustercalls.call.FundingCall;

/** A call's applications as one table, the rows in the order the applications came in. */
record CallReport(FundingCall call, String clusterName, Instant generatedAt, List<ReportRow> rows) {
}
