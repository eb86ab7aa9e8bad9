package eu.clustercalls.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The {@code outbox} component of /actuator/health: how many messages wait or failed, and how long the oldest waits.
 * Messages waiting for a retry are normal while the SMTP server is away (its own {@code mail} component says so);
 * the outbox is DOWN only when a message has been due for longer than clustercalls.operations.outbox-stuck-after
 * while an SMTP server is set, which means no node is sending. A node judges only the time since it started: a
 * backlog found at start-up (after an outage, or the demo's seeded mails) is sent by its first poll.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Duration stuckAfter;
    private final Clock clock;
    private final Instant watchingSince;

    OutboxHealthIndicator(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, OperationsProperties properties,
            Clock clock) {
        super("The outbox could not be read");
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.stuckAfter = properties.outboxStuckAfter();
        this.clock = clock;
        this.watchingSince = clock.instant();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        Tally tally = new Tally();
        // One pass over the (status, next_attempt_at) index: sent messages are not read.
        jdbc.query("""
                select status, count(*) as messages, min(created_at) as oldest,
                  min(case when next_attempt_at <= ? then next_attempt_at end) as due_since
                from notification where status in ('PENDING', 'FAILED') group by status""",
                (RowCallbackHandler) tally::add, now.atOffset(ZoneOffset.UTC));
        boolean mailServer = mailSender.getIfAvailable() != null;
        builder.withDetail("pending", tally.pending).withDetail("failed", tally.failed)
                .withDetail("mailServer", mailServer);
        if (tally.oldestPending != null) {
            builder.withDetail("oldestPendingAge", age(tally.oldestPending, now).toString());
        }
        Duration dueFor = tally.dueSince == null ? Duration.ZERO : age(tally.dueSince, now);
        builder.withDetail("longestDueFor", dueFor.toString());
        Duration unsentWhileWatching = tally.dueSince == null ? Duration.ZERO
                : age(tally.dueSince.isBefore(watchingSince) ? watchingSince : tally.dueSince, now);
        if (mailServer && unsentWhileWatching.compareTo(stuckAfter) > 0) {
            builder.down().withDetail("reason", "A message has been due for " + dueFor + ", longer than "
                    + stuckAfter + ": no node is sending the outbox.");
        } else {
            builder.up();
        }
    }

    private static Duration age(Instant since, Instant now) {
        return since.isAfter(now) ? Duration.ZERO : Duration.between(since, now).truncatedTo(ChronoUnit.SECONDS);
    }

    private static final class Tally {
        long pending;
        long failed;
        Instant oldestPending;
        Instant dueSince;

        void add(ResultSet rs) throws SQLException {
            long messages = rs.getLong("messages");
            if ("FAILED".equals(rs.getString("status"))) {
                failed = messages;
                return;
            }
            pending = messages;
            oldestPending = instant(rs, "oldest");
            dueSince = instant(rs, "due_since");
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }
}
