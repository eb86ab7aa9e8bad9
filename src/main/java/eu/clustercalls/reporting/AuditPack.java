package eu.clustercalls.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StreamUtils;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationPdf;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.audit.Audited;
import eu.clustercalls.call.Criterion;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.CompanyFigures;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.evaluation.Evaluation;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reporting.PackDocuments.PackDocument;

/**
 * A call's audit pack for a monitoring visit, as one ZIP: an index.html to start from, the applications' table,
 * every decision with its author and reason, the evaluations, per application its award letter and its claim's
 * receipts and attendance proofs, and the SEPA files of its payments. Written as it is read, entry by entry.
 */
@Service
class AuditPack {

    private final ApplicationReports reports;
    private final PackDocuments documents;
    private final ApplicationRepository applications;
    private final ClaimService claims;
    private final AuditService audit;
    private final PaymentService payments;
    private final ZoneId zone;
    private final ApplicationPdf applicationPdf;

    AuditPack(ApplicationReports reports, PackDocuments documents, ApplicationRepository applications,
            ClaimService claims, AuditService audit, PaymentService payments, ClusterCallsProperties properties,
            ApplicationPdf applicationPdf) {
        this.reports = reports;
        this.documents = documents;
        this.applications = applications;
        this.claims = claims;
        this.audit = audit;
        this.payments = payments;
        this.zone = properties.timeZone();
        this.applicationPdf = applicationPdf;
    }

    /** A payment and where its file is in the pack, or null if the file is gone (see {@link PaymentService#fileOf}). */
    private record PaymentFile(Payment payment, Path file, String entry) {
    }

    @Transactional(readOnly = true)
    public void write(FundingCall call, String user, OutputStream out) {
        CallReport report = reports.of(call);
        Map<Long, CompanyFigures> figures = reports.figuresOfCall(call.getId());
        Map<Long, String> referenceOf = report.rows().stream()
                .collect(Collectors.toMap(ReportRow::id, ReportRow::reference));
        List<Audited> audited = new ArrayList<>();
        audited.add(call);
        List<Application> applied = applications.findByCallIdOrderById(call.getId());
        audited.addAll(applied);
        audited.addAll(claims.claimsOfCall(call.getId()));
        List<AuditEvent> trail = audit.trailOf(audited);
        List<Evaluation> evaluations = documents.evaluations(call.getId());
        Map<Long, List<PackDocument>> documentsOf = new LinkedHashMap<>();
        documents.awardLetters(call.getId()).forEach((id, letters) -> documentsOf.put(id, new ArrayList<>(letters)));
        documents.claimDocuments(call.getId()).forEach((id, claimed) -> documentsOf
                .computeIfAbsent(id, any -> new ArrayList<>()).addAll(claimed));
        Map<Long, String> entryOf = new LinkedHashMap<>();
        documentsOf.values().stream().flatMap(List::stream).forEach(document -> entryOf.put(document.id(),
                "applications/" + referenceOf.get(document.applicationId()) + "/" + document.folder() + "/"
                        + document.id() + "-" + safeName(document.fileName())));
        List<PaymentFile> paymentFiles = reports.payments(call.getId()).stream().map(payment -> {
            Path file = payments.fileOf(payment);
            return new PaymentFile(payment, file, Files.isRegularFile(file)
                    ? "payments/" + safeName(payment.getFileName()) : null);
        }).toList();

        ZipOutputStream zip = new ZipOutputStream(StreamUtils.nonClosing(out), StandardCharsets.UTF_8);
        entry(zip, "index.html", stream -> stream.write(index(report, user, trail.size(), evaluations,
                documentsOf, entryOf, paymentFiles, figures).getBytes(StandardCharsets.UTF_8)));
        entry(zip, "applications.csv", stream -> ApplicationsTable.csv(report, zone, stream));
        entry(zip, "applications.xlsx", stream -> ApplicationsTable.xlsx(report, zone, stream));
        entry(zip, "decisions.csv", stream -> decisions(trail, stream));
        entry(zip, "evaluations.csv", stream -> evaluations(call, evaluations, referenceOf, stream));
        for (Map.Entry<Long, String> document : entryOf.entrySet()) {
            entry(zip, document.getValue(), stream -> stream.write(documents.content(document.getKey())));
        }
        // Each application as submitted, in English like the rest of the pack.
        for (Application application : applied) {
            entry(zip, submittedEntry(application.reference()),
                    stream -> stream.write(applicationPdf.render(application, Locale.ENGLISH)));
        }
        for (PaymentFile payment : paymentFiles) {
            if (payment.entry() != null) {
                entry(zip, payment.entry(), stream -> Files.copy(payment.file(), stream));
            }
        }
        try {
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String submittedEntry(String reference) {
        return "applications/" + reference + "/application-" + reference + ".pdf";
    }

    /**
     * A file's name as an entry of the ZIP: its last path segment, letters, digits, dots, dashes and underscores
     * only, not starting with a dot; never a path of its own (no "..", no "/", no drive letter).
     */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^[._]+", "");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        return name.isEmpty() ? "document" : name;
    }

    private void decisions(List<AuditEvent> trail, OutputStream out) {
        CsvWriter csv = new CsvWriter(out).row(List.of("occurred_at", "author", "action", "entity_type", "entity_id",
                "decision", "reason"));
        for (AuditEvent event : trail) {
            csv.row(List.of(local(event.getOccurredAt()), event.getActor(), event.getAction(), event.getEntityType(),
                    event.getEntityId(), nullToEmpty(event.getDecision()), nullToEmpty(event.getReason())));
        }
        csv.finish();
    }

    private void evaluations(FundingCall call, List<Evaluation> evaluations, Map<Long, String> referenceOf,
            OutputStream out) {
        List<String> header = new ArrayList<>(List.of("application", "evaluator", "slot", "assigned_at",
                "conflict_of_interest", "conflict_reason", "submitted_at"));
        call.getCriteria().forEach(criterion -> header.add("score_" + criterion.code().toLowerCase() + "_of_"
                + criterion.maxPoints()));
        header.addAll(List.of("total", "comment"));
        CsvWriter csv = new CsvWriter(out).row(header);
        for (Evaluation evaluation : evaluations) {
            List<String> cells = new ArrayList<>(List.of(referenceOf.get(evaluation.getApplicationId()),
                    evaluation.getEvaluator(), String.valueOf(evaluation.getSlot()), local(evaluation.getAssignedAt()),
                    evaluation.isConflict() ? "yes" : evaluation.getSubmittedAt() == null ? "" : "no",
                    nullToEmpty(evaluation.getConflictReason()), local(evaluation.getSubmittedAt())));
            for (Criterion criterion : call.getCriteria()) {
                Integer points = evaluation.getScores().get(criterion.code());
                cells.add(points == null ? "" : points.toString());
            }
            cells.add(evaluation.getTotal() == null ? "" : evaluation.getTotal().toString());
            cells.add(nullToEmpty(evaluation.getComment()));
            csv.row(cells);
        }
        csv.finish();
    }

    private String index(CallReport report, String user, int decisions, List<Evaluation> evaluations,
            Map<Long, List<PackDocument>> documentsOf, Map<Long, String> entryOf, List<PaymentFile> paymentFiles,
            Map<Long, CompanyFigures> figures) {
        FundingCall call = report.call();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Audit pack: %s</title>
                <style>body{font-family:sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}
                th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style>
                </head><body>
                <h1>Audit pack: %s</h1>
                """.formatted(h(call.getTitle()), h(call.getTitle())));
        html.append("<p id=\"generated\">Generated on ").append(h(local(report.generatedAt()))).append(" (")
                .append(h(zone.getId())).append(") by ").append(h(user)).append(".</p>\n");

        html.append("<h2>The call</h2>\n<table id=\"call\">\n");
        fact(html, "Reference", call.reference());
        fact(html, "Title", call.getTitle());
        fact(html, "Cluster", report.clusterName());
        fact(html, "EU project", call.getEuProject());
        fact(html, "Activity", call.getActivityType() + " in " + call.getDestinationCity() + " ("
                + call.getDestinationCountry() + "), " + call.getActivityStart() + " to " + call.getActivityEnd());
        fact(html, "Open for applications", call.getOpensOn() + " to " + local(call.getClosesAt()));
        fact(html, "Places", String.valueOf(call.getSlots()));
        fact(html, "Maximum grant per SME (EUR)", call.getMaxGrant().toPlainString());
        fact(html, "Budget (EUR)", call.effectiveBudget().toPlainString());
        fact(html, "Reimbursement model", call.getReimbursementModel().name());
        fact(html, "Evaluation criteria", call.getCriteria().stream()
                .map(criterion -> criterion.name() + " (0 to " + criterion.maxPoints() + ")")
                .collect(Collectors.joining("; ")) + "; threshold " + call.getScoreThreshold().toPlainString()
                + " of " + call.maxScore());
        fact(html, "Status", call.getStatus().name());
        html.append("</table>\n");

        long conflicts = evaluations.stream().filter(Evaluation::isConflict).count();
        html.append("<h2>Counts</h2>\n<table id=\"counts\">\n");
        fact(html, "Applications", String.valueOf(report.rows().size()));
        fact(html, "Evaluations submitted", String.valueOf(evaluations.stream()
                .filter(evaluation -> evaluation.getSubmittedAt() != null).count()));
        fact(html, "Conflicts of interest declared", String.valueOf(conflicts));
        fact(html, "Decisions recorded", String.valueOf(decisions));
        fact(html, "Documents", String.valueOf(entryOf.size()));
        fact(html, "Payment files", String.valueOf(paymentFiles.stream().filter(file -> file.entry() != null).count()));
        html.append("</table>\n");

        html.append("""
                <h2>What each file is</h2>
                <table id="files">
                <tr><th>File</th><th>What it holds</th></tr>
                <tr><td><a href="applications.csv">applications.csv</a>, <a href="applications.xlsx">applications.xlsx</a></td>
                <td>One row per application: company, SME size, eligibility and its reasons, mean score per criterion,
                final score, ranking, selection, grant awarded, amounts claimed, approved and paid, payment date and
                reference. The same table in both files; times in %s.</td></tr>
                <tr><td><a href="decisions.csv">decisions.csv</a></td><td>Every decision recorded on the call, its
                applications and their expense claims, oldest first: when, who (author), what (action), on which
                entity, the decision and its reason.</td></tr>
                <tr><td><a href="evaluations.csv">evaluations.csv</a></td><td>Every evaluator's work on each application:
                the conflict-of-interest declaration and its reason, the points per criterion, the total and the
                comment.</td></tr>
                <tr><td>applications/<i>reference</i>/</td><td>Per application: application-<i>reference</i>.pdf
                (the application as submitted: answers, declarations, participants, amount and submission time),
                award-letter/ (the award letter),
                receipts/ and attendance/ (the receipts and attendance proofs of its expense claim, as handed in; each
                name starts with the document's number).</td></tr>
                <tr><td>payments/</td><td>The SEPA credit transfer files (pain.001.001.03) sent to the bank for the
                call's grants.</td></tr>
                </table>
                """.formatted(h(zone.getId())));

        html.append("<h2>Applications and their documents</h2>\n<table id=\"applications\">\n")
                .append("<tr><th>Application</th><th>Company</th><th>Status</th><th>Documents</th></tr>\n");
        for (ReportRow row : report.rows()) {
            html.append("<tr id=\"").append(h(row.reference())).append("\"><td>").append(h(row.reference()))
                    .append("</td><td>").append(h(row.company())).append("</td><td>").append(h(row.status().name()))
                    .append("</td><td>");
            List<PackDocument> ofApplication = documentsOf.getOrDefault(row.id(), List.of());
            html.append("<ul><li>submitted: <a href=\"")
                    .append(h(UriUtils.encodePath(submittedEntry(row.reference()), StandardCharsets.UTF_8)))
                    .append("\">application-").append(h(row.reference())).append(".pdf</a></li>");
            if (!ofApplication.isEmpty()) {
                for (PackDocument document : ofApplication) {
                    html.append("<li>").append(h(document.folder())).append(": <a href=\"")
                            .append(h(UriUtils.encodePath(entryOf.get(document.id()), StandardCharsets.UTF_8)))
                            .append("\">").append(h(document.fileName())).append("</a>")
                            .append(document.expense() == null ? "" : " (" + h(document.expense()) + ")")
                            .append(", ").append(document.sizeBytes()).append(" bytes, SHA-256 ")
                            .append(h(document.sha256())).append("</li>");
                }
            }
            html.append("</ul>");
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");

        figures(html, report, figures);

        html.append("<h2>Payments</h2>\n<table id=\"payments\">\n")
                .append("<tr><th>Reference</th><th>Amount (EUR)</th><th>Execution date</th><th>File</th></tr>\n");
        for (PaymentFile file : paymentFiles) {
            html.append("<tr><td>").append(h(file.payment().getReference())).append("</td><td>")
                    .append(file.payment().getAmount().toPlainString()).append("</td><td>")
                    .append(file.payment().getExecutionDate()).append("</td><td>")
                    .append(file.entry() == null ? "no longer kept (the payee was anonymised)" : "<a href=\""
                            + h(UriUtils.encodePath(file.entry(), StandardCharsets.UTF_8)) + "\">" + h(file.entry())
                            + "</a>")
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    /** Per application, the company's figures it was decided on: a change of the figures since leaves them. */
    private void figures(StringBuilder html, CallReport report, Map<Long, CompanyFigures> figures) {
        html.append("<h2>SME figures each application was decided on</h2>\n<table id=\"figures\">\n")
                .append("<tr><th>Application</th><th>Declared on</th><th>Reference year</th><th>Staff</th>")
                .append("<th>Turnover (EUR)</th><th>Balance sheet (EUR)</th><th>Partner and linked enterprises</th>")
                .append("<th>SME size</th></tr>\n");
        for (ReportRow row : report.rows()) {
            CompanyFigures declared = figures.get(row.id());
            html.append("<tr id=\"figures-").append(h(row.reference())).append("\"><td>").append(h(row.reference()))
                    .append("</td><td>").append(h(local(declared.getValidFrom())))
                    .append("</td><td>").append(declared.getReferenceYear() == null ? "" : declared.getReferenceYear())
                    .append("</td><td>").append(declared.getStaffHeadcount().toPlainString())
                    .append("</td><td>").append(declared.getAnnualTurnover().toPlainString())
                    .append("</td><td>").append(declared.getBalanceSheetTotal().toPlainString())
                    .append("</td><td>").append(h(declared.getRelatedEnterprises().stream()
                            .map(related -> related.getName() + " (" + related.getRelation().name().toLowerCase() + " "
                                    + related.getSharePercent().toPlainString() + " %: staff "
                                    + related.getStaffHeadcount().toPlainString() + ", turnover "
                                    + related.getAnnualTurnover().toPlainString() + ", balance sheet "
                                    + related.getBalanceSheetTotal().toPlainString() + ")")
                            .collect(Collectors.joining("; "))))
                    .append("</td><td>").append(h(declared.smeFigures().size().label())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<tr><th scope=\"row\">").append(h(name)).append("</th><td>").append(h(value))
                .append("</td></tr>\n");
    }

    private static String h(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private String local(Instant at) {
        return at == null ? "" : ApplicationsTable.timestamp(at, zone);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** What an entry of the ZIP holds, written to it. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, String name, Content content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            content.writeTo(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
