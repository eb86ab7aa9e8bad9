package eu.clustercalls.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the installation.
 *
 * @param timeZone               zone in which call dates are read (a call closes at the end of its closing day)
 * @param deMinimisCeiling       de minimis ceiling over a rolling three years (Regulation (EU) 2023/2831: €300,000)
 * @param clarificationPeriod    how long an SME has to answer a clarification request
 * @param callReviewPeriod       due date of "Review and publish call" after the draft
 * @param eligibilityReviewPeriod due date of "Review eligibility" after the automatic check
 * @param evaluationPeriod       due date of an evaluation after it is assigned
 * @param confirmationPeriod     how long a selected SME has to confirm its participation
 * @param settlingCheckPeriod    how often a closed call looks whether every application is decided and scored
 * @param claimPeriod            how long after the activity's last day an SME may claim its travel costs
 * @param claimReminderAfter     when after the activity's last day an SME who has not claimed yet is reminded
 * @param maxDocumentSize        the largest file a claim accepts
 * @param maxClaimSize           the largest total of a claim's files
 * @param paymentDirectory       where SEPA credit transfer files are written for the bank
 * @param passwordHashIterations PBKDF2 iterations for a newly set password (each hash records its own count, so
 *                               raising it later keeps older passwords valid)
 * @param admin                  the installation's administrator outside the demo
 * @param retentionPeriod        how long a company's records are kept after its latest one before its personal data
 *                               may be anonymised on request (de minimis records: 10 years after the last aid,
 *                               Regulation (EU) 2023/2831, Article 6(4))
 */
@ConfigurationProperties("clustercalls")
public record ClusterCallsProperties(
        ZoneId timeZone,
        BigDecimal deMinimisCeiling,
        Period clarificationPeriod,
        Period callReviewPeriod,
        Period eligibilityReviewPeriod,
        Period evaluationPeriod,
        Period confirmationPeriod,
        Duration settlingCheckPeriod,
        Period claimPeriod,
        Period claimReminderAfter,
        DataSize maxDocumentSize,
        DataSize maxClaimSize,
        Path paymentDirectory,
        int passwordHashIterations,
        Admin admin,
        Period retentionPeriod) {

    /**
     * Created at the first start outside the demo, with the password given in the environment
     * ({@code CLUSTERCALLS_ADMIN_PASSWORD}); an existing administrator's password is never written over.
     */
    public record Admin(String user, String password) {

        /** Never the password, should the settings be logged. */
        @Override
        public String toString() {
            return "Admin[user=" + user + ", password=" + (password == null || password.isEmpty() ? "unset" : "set") + "]";
        }
    }
}
