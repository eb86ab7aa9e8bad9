package eu.clustercalls.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.util.StreamUtils;

import eu.clustercalls.reporting.ReportColumn.Kind;

/**
 * Writes a {@link CallReport} as CSV or as XLSX, both from {@link ReportColumn}: the same columns, the same values.
 * Times are local to the installation's zone (a spreadsheet has none): with their offset in the CSV, as date-times
 * in the XLSX. Amounts are plain decimals with a dot in the CSV, numbers in the XLSX.
 */
final class ApplicationsTable {

    private static final String MONEY_FORMAT = "#,##0.00";
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final String DATE_FORMAT = "yyyy-mm-dd";

    private ApplicationsTable() {
    }

    static void csv(CallReport report, ZoneId zone, OutputStream out) {
        List<ReportColumn> columns = ReportColumn.of(report.call().getCriteria());
        CsvWriter csv = new CsvWriter(out).row(columns.stream().map(ReportColumn::header).toList());
        for (ReportRow row : report.rows()) {
            csv.row(columns.stream().map(column -> text(column.value().apply(row), zone)).toList());
        }
        csv.finish();
    }

    /** The stream is left open (a ZIP writes its next entry to it). */
    static void xlsx(CallReport report, ZoneId zone, OutputStream out) {
        List<ReportColumn> columns = ReportColumn.of(report.call().getCriteria());
        try {
            Workbook workbook = new Workbook(StreamUtils.nonClosing(out), "ClusterCalls", "1.0");
            Worksheet sheet = workbook.newWorksheet("Applications");
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c).header());
                sheet.style(0, c).bold().set();
                sheet.width(c, columns.get(c).kind() == Kind.TEXT ? 24 : 16);
            }
            sheet.freezePane(0, 1);
            for (int r = 0; r < report.rows().size(); r++) {
                ReportRow row = report.rows().get(r);
                for (int c = 0; c < columns.size(); c++) {
                    cell(sheet, r + 1, c, columns.get(c).kind(), columns.get(c).value().apply(row), zone);
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Worksheet sheet, int r, int c, Kind kind, Object value, ZoneId zone) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case TEXT -> sheet.value(r, c, (String) value);
            case NUMBER -> sheet.value(r, c, (Number) value);
            case MONEY -> {
                sheet.value(r, c, (Number) value);
                sheet.style(r, c).format(MONEY_FORMAT).set();
            }
            case DATE_TIME -> {
                sheet.value(r, c, ((Instant) value).atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS));
                sheet.style(r, c).format(DATE_TIME_FORMAT).set();
            }
            case DATE -> {
                sheet.value(r, c, (LocalDate) value);
                sheet.style(r, c).format(DATE_FORMAT).set();
            }
        }
    }

    private static String text(Object value, ZoneId zone) {
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Instant at) {
            return timestamp(at, zone);
        }
        return value == null ? null : value.toString();
    }

    /** A moment at the cluster's offset, always with its seconds (OffsetDateTime's own text drops ":00"). */
    static String timestamp(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS));
    }
}
