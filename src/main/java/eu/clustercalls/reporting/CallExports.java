package eu.clustercalls.reporting;

import java.io.OutputStream;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.config.ClusterCallsProperties;

/**
 * A call's exports for its managers: the applications' table as CSV or XLSX, and the audit pack. The caller has
 * checked that the user may read the call.
 */
@Service
public class CallExports {

    public static final String AUDIT_PACK_DOWNLOADED = "AUDIT_PACK_DOWNLOADED";

    private final ApplicationReports reports;
    private final AuditPack auditPack;
    private final AuditService audit;
    private final ZoneId zone;

    CallExports(ApplicationReports reports, AuditPack auditPack, AuditService audit, ClusterCallsProperties properties) {
        this.reports = reports;
        this.auditPack = auditPack;
        this.audit = audit;
        this.zone = properties.timeZone();
    }

    public void applicationsCsv(FundingCall call, OutputStream out) {
        ApplicationsTable.csv(reports.of(call), zone, out);
    }

    public void applicationsXlsx(FundingCall call, OutputStream out) {
        ApplicationsTable.xlsx(reports.of(call), zone, out);
    }

    /** Recorded before the pack is written: a download cut short still handed part of it out. */
    @Transactional
    public void recordAuditPackDownload(FundingCall call, String user) {
        audit.record(call, user, AUDIT_PACK_DOWNLOADED, null, "audit pack of " + call.reference() + " downloaded");
    }

    public void auditPack(FundingCall call, String user, OutputStream out) {
        auditPack.write(call, user, out);
    }
}
