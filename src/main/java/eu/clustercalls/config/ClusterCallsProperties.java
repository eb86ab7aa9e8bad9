package eu.clustercalls.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

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
 * @param verifiedPasswordTtl    how long a right password is remembered, so that HTTP Basic on every API request
 *                               does not cost a PBKDF2 check each time (zero: always checked)
 * @param admin                  the installation's administrator outside the demo
 * @param retentionPeriod        how long a company's records are kept after its latest one before its personal data
 *                               may be anonymised on request (de minimis records: 10 years after the last aid,
 *                               Regulation (EU) 2023/2831, Article 6(4))
 * @param baseUrl                the address people open the application at (links in mails, the start-up output),
 *                               e.g. a proxy's public address; unset: this node's own address ({@link BaseUrl})
 * @param mail                   outgoing mail (the SMTP server itself is set with spring.mail.*)
 * @param outbox                 how every node sends the outbox's messages
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
        Duration verifiedPasswordTtl,
        Admin admin,
        Period retentionPeriod,
        String baseUrl,
        Mail mail,
        Outbox outbox) {

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

    /**
     * @param from                 sender of every message, e.g. {@code ClusterCalls <no-reply@clustercalls.eu>}
     * @param defaultLanguage      the language of mail to a user who never chose one (en, es or ca)
     * @param catcher              without an SMTP server, keep the outbox's messages as sent mail in the database
     *                             (read on /dashboard/mail) instead of leaving them unsent: the embedded default
     * @param overdueCheckInterval how often a node looks for tasks that became overdue, to tell their group
     */
    public record Mail(String from, String defaultLanguage, boolean catcher, Duration overdueCheckInterval) {
    }

    /**
     * Sending the outbox. Only when an SMTP server is set (spring.mail.host); otherwise messages stay in the outbox.
     *
     * @param enabled      whether this node polls the outbox (off in tests, which call the sender themselves)
     * @param pollInterval pause between two polls
     * @param batchSize    rows a node claims at once (a full batch is followed by the next one at once)
     * @param lease        how long a claim holds: if the node dies, another one sends the row after it; a row is
     *                     sent only while at least half of it is left, so keep it well above the SMTP timeouts
     * @param retryDelays  wait before each retry of a failed message; after the last retry fails it is FAILED
     */
    public record Outbox(boolean enabled, Duration pollInterval, int batchSize, Duration lease,
            List<Duration> retryDelays) {

        public int maxAttempts() {
            return retryDelays.size() + 1;
        }
    }
}
