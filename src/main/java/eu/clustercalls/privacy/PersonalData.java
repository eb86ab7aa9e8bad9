package eu.clustercalls.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.Declarations;
import eu.clustercalls.application.Participant;
import eu.clustercalls.audit.AuditEventView;
import eu.clustercalls.company.AidRecordView;
import eu.clustercalls.company.EnterpriseType;
import eu.clustercalls.document.KeptFile;
import eu.clustercalls.company.RelatedEnterprise;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.reimbursement.ClaimView;

/**
 * A company's personal data as ClusterCalls keeps it (GDPR Articles 15 and 20): what the company and its users gave,
 * what they wrote, and what was decided on it. Files are listed, not included.
 */
record PersonalData(Instant exportedAt, String note, CompanyData company, List<ContactUser> contactUsers,
        List<MembershipData> memberships, List<ApplicationData> applications, List<AidRecordView> aidRecords,
        List<AuditEventView> auditEvents) {

    record CompanyData(Long id, String legalName, String vatNumber, String country, String city, String naceCode,
            BigDecimal latitude, BigDecimal longitude, BigDecimal staffHeadcount, BigDecimal annualTurnover,
            BigDecimal balanceSheetTotal, EnterpriseType enterpriseType, List<RelatedEnterprise> relatedEnterprises,
            Instant createdAt, Instant anonymisedAt) {
    }

    /** A user who acts for the company, as the user store knows them. */
    record ContactUser(String userId, String firstName, String lastName, String email) {
    }

    record MembershipData(String clusterId, String clusterName, String memberNumber, LocalDate validFrom,
            LocalDate validUntil) {
    }

    record ApplicationData(Long id, String reference, Long callId, String callTitle, String submittedBy,
            Instant submittedAt, String motivation, String targetMarkets, String exportExperience,
            BigDecimal requestedAmount, List<Participant> participants, Declarations declarations,
            ApplicationStatus status, Boolean eligible, List<String> ineligibleBecause,
            List<Clarification> clarifications, ClaimData expenseClaim) {
    }

    record Clarification(String question, Instant requestedAt, Instant dueAt, String answer, String answeredBy,
            Instant answeredAt, boolean expired) {
    }

    record ClaimData(String submittedBy, Instant submittedAt, ClaimView claim, List<DocumentData> documents,
            PaymentData payment, ClaimDraftData draft) {
    }

    /** The claim's unfinished form as a user of the company saved it (its values as JSON) and the files it keeps. */
    record ClaimDraftData(String savedBy, Instant savedAt, String values, List<KeptFile> files) {
    }

    /** A file handed in with a claim: what it is, never its content. */
    record DocumentData(Long id, StoredDocument.Purpose purpose, String fileName, String contentType, long sizeBytes,
            String sha256) {
    }

    record PaymentData(String reference, BigDecimal amount, String creditorName, String creditorIban,
            LocalDate executionDate, Instant executedAt) {
    }
}
