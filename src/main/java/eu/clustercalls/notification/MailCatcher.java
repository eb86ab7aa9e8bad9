package eu.clustercalls.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import eu.clustercalls.config.BaseUrl;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The embedded default's mail server: without spring.mail.host (and with clustercalls.mail.catcher), the outbox
 * "sends" each message into the caught_mail table, whole as it would travel, so that a newcomer reads on
 * /dashboard/mail what the application sent, attachments included.
 */
@Component
@ConditionalOnExpression(MailCatcher.CATCHING)
class MailCatcher implements JavaMailSender {

    static final String CATCHING = "${clustercalls.mail.catcher:false} and '${spring.mail.host:}' == ''";
    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    private final Session session = Session.getInstance(new Properties());
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BaseUrl baseUrl;

    MailCatcher(JdbcTemplate jdbc, Clock clock, BaseUrl baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Said once the server listens, so that the address carries its actual port; before the addresses' block. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void sayWhereMailIsKept() {
        log.info("No SMTP server is set: sent mail is kept in the database; read it at {} as admin.",
                baseUrl.of("/dashboard/mail"));
    }

    @Override
    public MimeMessage createMimeMessage() {
        return new MimeMessage(session);
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) {
        try {
            return new MimeMessage(session, contentStream);
        } catch (MessagingException e) {
            throw new MailParseException("Could not read the message", e);
        }
    }

    @Override
    public void send(MimeMessage... messages) {
        for (MimeMessage message : messages) {
            catchOne(message);
        }
    }

    /** The outbox sends MIME messages only. */
    @Override
    public void send(SimpleMailMessage... messages) {
        throw new UnsupportedOperationException("The mail catcher takes MIME messages, as the outbox sends them");
    }

    private void catchOne(MimeMessage message) {
        try {
            message.saveChanges();
            ByteArrayOutputStream mime = new ByteArrayOutputStream();
            message.writeTo(mime);
            long notificationId = Long.parseLong(message.getHeader(OutboxSender.NOTIFICATION_HEADER, null));
            jdbc.update("""
                    insert into caught_mail (notification_id, message_id, to_address, subject, mime, caught_at)
                    values (?, ?, ?, ?, ?, ?)""", notificationId, message.getMessageID(),
                    Arrays.stream(message.getAllRecipients()).map(to -> ((InternetAddress) to).toUnicodeString())
                            .collect(Collectors.joining(", ")), message.getSubject(), mime.toByteArray(),
                    clock.instant().atOffset(ZoneOffset.UTC));
        } catch (DuplicateKeyException e) {
            // Sent again after its node died between sending and marking it sent: the same mail, caught once.
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MailPreparationException("The mail catcher could not keep the message", e);
        }
    }
}
