package eu.clustercalls.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.clustercalls.dashboard.DashboardService.ApplicationRow;

/**
 * A call's applications as CSV (RFC 4180) for a spreadsheet: amounts as plain decimals with a dot, times in ISO.
 * A cell that a spreadsheet would read as a formula gets a leading apostrophe.
 */
final class ApplicationsCsv {

    static final List<String> HEADER = List.of("reference", "company", "vat_number", "status", "submitted_at",
            "requested", "awarded", "claimed", "paid", "process_instance_id");

    private ApplicationsCsv() {
    }

    static String write(List<ApplicationRow> rows) {
        StringBuilder csv = new StringBuilder(line(HEADER.stream()));
        for (ApplicationRow row : rows) {
            var application = row.line();
            csv.append(line(Stream.of(application.reference(), application.companyName(), application.vatNumber(),
                    application.status().name(), iso(application.submittedAt()), plain(application.requestedAmount()),
                    plain(row.awarded()), plain(row.claimed()), plain(row.paid()), application.processInstanceId())));
        }
        return csv.toString();
    }

    private static String line(Stream<String> cells) {
        return cells.map(ApplicationsCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
