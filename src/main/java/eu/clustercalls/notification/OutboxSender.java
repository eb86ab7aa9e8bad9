package eu.clustercalls.notification;

import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.StoredDocument;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the outbox by SMTP, from every node at once. A node claims a batch of due rows for a lease with conditional
 * updates that only one node can win, commits the claim, sends each row and marks it SENT in a statement of its
 * own. Rows of a node that dies are sent by another node once the lease has run out; a row whose mail was accepted
 * just before its node died is sent again, with the same Message-ID, so that mail programs recognise it.
 * Without an SMTP server, the embedded default sends into the database's {@link MailCatcher} instead.
 */
@Component
@ConditionalOnExpression(OutboxSender.SMTP_OR_CATCHER)
class OutboxSender {

    static final String SMTP_OR_CATCHER = "'${spring.mail.host:}' != '' or ${clustercalls.mail.catcher:false}";
    /** Names the outbox row a mail was sent from (the mail catcher files it under that row). */
    static final String NOTIFICATION_HEADER = "X-ClusterCalls-Notification";

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int LAST_ERROR_LENGTH = 1000;
    private static final int NODE_ID_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final IdentityService identityService;
    private final DocumentService documents;
    private final JavaMailSender mailSender;
    private final ClusterCallsProperties.Outbox settings;
    private final InternetAddress from;
    private final String messageIdDomain;
    // Only for building messages: the mail sender connects with a session of its own, with the spring.mail settings.
    private final Session session = Session.getInstance(new Properties());
    private final Clock clock;
    private final String nodeId;

    OutboxSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IdentityService identityService,
            DocumentService documents, JavaMailSender mailSender, ClusterCallsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.identityService = identityService;
        this.documents = documents;
        this.mailSender = mailSender;
        this.settings = properties.outbox();
        this.from = fromAddress(properties.mail().from());
        this.messageIdDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        this.clock = clock;
        // Unique for every start: a restarted node (same host, same pid in a container) must not take over the
        // claims of the one that died.
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.nodeId = node.substring(Math.max(0, node.length() - NODE_ID_LENGTH));
    }

    private static InternetAddress fromAddress(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("clustercalls.mail.from is not an e-mail address: " + from, e);
        }
    }

    String nodeId() {
        return nodeId;
    }

    /** The scheduled poll: a database failure waits for the next poll, with a line in the log (no stack trace). */
    void poll() {
        try {
            sendDue();
        } catch (DataAccessException | TransactionException e) {
            log.warn("The outbox could not be read on node {}; next poll in {}: {}", nodeId, settings.pollInterval(),
                    describe(e));
        }
    }

    /** Sends every due message, batch after batch; returns how many this node sent. */
    int sendDue() {
        int sent = 0;
        while (true) {
            Batch batch = claim();
            Tally tally = send(batch);
            sent += tally.sent;
            if (!batch.rows.isEmpty()) {
                log.debug("Outbox on node {}: {} claimed, {} sent, {} to retry, {} failed, {} given back", nodeId,
                        batch.rows.size(), tally.sent, tally.retried, tally.failed, tally.givenBack);
            }
            // More may be due (also when another node won this batch's rows), unless this node stopped short.
            if (!batch.more || tally.stoppedShort) {
                return sent;
            }
        }
    }

    /** Claims up to a batch of due rows for this node; rows that another node claimed first are left out. */
    Batch claim() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plus(settings.lease());
        List<Long> due = jdbc.queryForList("""
                select id from notification
                where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
                order by next_attempt_at fetch first ? rows only""", Long.class, at(now), at(now), settings.batchSize());
        if (due.isEmpty()) {
            return new Batch(until, List.of(), false);
        }
        List<Row> rows = transactions.execute(status -> {
            // In id order on every node: two nodes claiming the same rows wait for each other instead of deadlocking.
            List<Long> ours = due.stream().sorted().filter(id -> jdbc.update("""
                    update notification set claimed_by = ?, claimed_until = ?
                    where id = ? and status = 'PENDING' and next_attempt_at <= ?
                      and (claimed_until is null or claimed_until < ?)""",
                    nodeId, at(until), id, at(now), at(now)) == 1).toList();
            return ours.isEmpty() ? List.<Row>of() : named.query("""
                    select id, created_at, recipient, recipient_is_address, subject, body, attachment_document_id, attempts
                    from notification
                    where id in (:ids) order by id""", Map.of("ids", ours), OutboxSender::row);
        });
        return new Batch(until, rows, due.size() == settings.batchSize());
    }

    private Tally send(Batch batch) {
        Tally tally = new Tally();
        // A send ends within the SMTP timeouts: started with half the lease left, it ends before another node may
        // claim the row.
        Instant sendBefore = batch.until.minus(settings.lease().dividedBy(2));
        for (int i = 0; i < batch.rows.size(); i++) {
            if (Thread.currentThread().isInterrupted() || clock.instant().isAfter(sendBefore)) {
                tally.stoppedShort = true;
                tally.givenBack = release(batch.rows.subList(i, batch.rows.size()));
                return tally;
            }
            Row row = batch.rows.get(i);
            try {
                switch (deliver(row)) {
                    case SENT -> tally.sent++;
                    case RETRY -> tally.retried++;
                    case FAILED -> tally.failed++;
                }
            } catch (DataAccessException e) {
                log.warn("Notification {} could not be updated on node {}; it waits for its lease to run out: {}",
                        row.id, nodeId, describe(e));
            }
        }
        return tally;
    }

    private Outcome deliver(Row row) {
        try {
            mailSender.send(message(row));
        } catch (Undeliverable e) {
            return giveUp(row, e.getMessage());
        } catch (RuntimeException e) {
            return retryOrGiveUp(row, e);
        }
        if (jdbc.update("""
                update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_by = ?,
                  claimed_until = null
                where id = ? and status = 'PENDING'""", at(clock.instant()), nodeId, row.id) == 0) {
            log.warn("Notification {} was sent by node {} but is no longer pending: another node took it over after "
                    + "the lease, or it was erased", row.id, nodeId);
        }
        return Outcome.SENT;
    }

    private MimeMessage message(Row row) throws Undeliverable {
        try {
            InternetAddress to = row.recipientIsAddress
                    ? address(row.recipient, "The address " + row.recipient + " is not a valid e-mail address")
                    : userAddress(row.recipient);
            MimeMessage message = new OutboxMessage(session,
                    "<notification-" + row.id + "." + row.createdAt.toEpochMilli() + "@" + messageIdDomain + ">");
            MimeMessageHelper helper = new MimeMessageHelper(message, row.attachmentDocumentId != null,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(row.subject);
            helper.setText(row.body);
            if (row.attachmentDocumentId != null) {
                StoredDocument document = documents.get(row.attachmentDocumentId);
                helper.addAttachment(document.getFileName(), new ByteArrayResource(document.getContent()),
                        document.getContentType());
            }
            message.setHeader(NOTIFICATION_HEADER, String.valueOf(row.id));
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new Undeliverable("The message could not be written: " + e.getMessage());
        }
    }

    /** The user's address, with their name. */
    private InternetAddress userAddress(String userId) throws Undeliverable, UnsupportedEncodingException {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new Undeliverable("User " + userId + " does not exist");
        }
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            throw new Undeliverable("User " + userId + " has no e-mail address");
        }
        InternetAddress to = address(user.getEmail().trim(), "User " + userId + " has an invalid e-mail address");
        String name = String.join(" ", nonBlank(user.getFirstName()), nonBlank(user.getLastName())).trim();
        if (!name.isEmpty()) {
            to.setPersonal(name, StandardCharsets.UTF_8.name());
        }
        return to;
    }

    private static InternetAddress address(String address, String invalid) throws Undeliverable {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new Undeliverable(invalid + ": " + e.getMessage());
        }
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value.trim();
    }

    private Outcome retryOrGiveUp(Row row, RuntimeException e) {
        int attempts = row.attempts + 1;
        if (attempts >= settings.maxAttempts()) {
            return giveUp(row, describe(e));
        }
        Instant next = clock.instant().plus(settings.retryDelays().get(attempts - 1));
        log.warn("Notification {} to {} not sent (attempt {} of {}), next attempt at {}: {}", row.id, row.recipient,
                attempts, settings.maxAttempts(), next, describe(e));
        record(row, Notification.Status.PENDING, attempts, describe(e), next);
        return Outcome.RETRY;
    }

    private Outcome giveUp(Row row, String error) {
        int attempts = row.attempts + 1;
        log.warn("Notification {} to {} FAILED after {} attempt(s): {}", row.id, row.recipient, attempts, error);
        record(row, Notification.Status.FAILED, attempts, error, clock.instant());
        return Outcome.FAILED;
    }

    /** Unless another node has taken the row over since (its attempt counts, not this one's). */
    private void record(Row row, Notification.Status status, int attempts, String error, Instant nextAttempt) {
        jdbc.update("""
                update notification set status = ?, attempts = ?, last_error = ?, next_attempt_at = ?,
                  claimed_until = null
                where id = ? and claimed_by = ? and status = 'PENDING'""",
                status.name(), attempts, truncate(error), at(nextAttempt), row.id, nodeId);
    }

    /** Gives back the rows this node will not send now, for the next poll of any node. */
    private int release(List<Row> rows) {
        return named.update("""
                update notification set claimed_until = null
                where id in (:ids) and claimed_by = :node and status = 'PENDING'""",
                Map.of("ids", rows.stream().map(Row::id).toList(), "node", nodeId));
    }

    private static String describe(Exception e) {
        // Spring's MailSendException keeps the cause of each failed message apart (e.g. "Connection refused").
        Throwable cause = e instanceof MailSendException send && send.getMessageExceptions().length > 0
                ? send.getMessageExceptions()[0] : e;
        return cause.toString().replaceAll("\\s+", " ");
    }

    private static String truncate(String error) {
        return error.length() <= LAST_ERROR_LENGTH ? error : error.substring(0, LAST_ERROR_LENGTH);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("recipient"), rs.getBoolean("recipient_is_address"), rs.getString("subject"),
                rs.getString("body"), rs.getObject("attachment_document_id", Long.class), rs.getInt("attempts"));
    }

    /** @param more whether a full batch was due, so that more rows may be */
    record Batch(Instant until, List<Row> rows, boolean more) {
    }

    /** @param recipientIsAddress the recipient is an e-mail address (a sign-up's mail), not a user */
    record Row(long id, Instant createdAt, String recipient, boolean recipientIsAddress, String subject, String body,
            Long attachmentDocumentId, int attempts) {
    }

    private enum Outcome { SENT, RETRY, FAILED }

    private static final class Tally {
        int sent;
        int retried;
        int failed;
        int givenBack;
        boolean stoppedShort;
    }

    /** Sending it again would not help: the recipient has no usable address. */
    private static final class Undeliverable extends Exception {

        Undeliverable(String message) {
            super(message);
        }
    }

    /** Keeps the row's Message-ID: JavaMail gives a message a new one each time it is saved. */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
