package eu.clustercalls.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.security.Roles;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The embedded default's mail server: without spring.mail.host and with the catcher on, the outbox sends into the
 * caught_mail table, each message whole and once. The tests call the sender themselves (the poll is an hour away).
 */
@ClusterCallsTest
@Import(OutboxMessages.class)
@TestPropertySource(properties = {
        "clustercalls.mail.catcher=true",
        "clustercalls.outbox.enabled=true",
        "clustercalls.outbox.poll-interval=PT1H" })
class MailCatcherTest {

    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxMessages outbox;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    Scenario scenario;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void withoutAnSmtpServerTheCatcherIsTheMailSender() {
        assertThat(context.getBean(JavaMailSender.class)).isInstanceOf(MailCatcher.class);
    }

    @Test
    void aSentMessageIsCaughtWholeWithItsRecipientSubjectAndTextAndMarkedSent() throws Exception {
        String user = scenario.user("caught-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Business mission to Montréal");

        assertThat(sender.sendDue()).isEqualTo(1);

        Notification sent = notifications.findById(id).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(caughtCount(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select to_address from caught_mail where notification_id = ?", String.class, id))
                .isEqualTo(user + " Test <" + user + "@test.clustercalls.eu>");
        MimeMessage mail = caught(id);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).singleElement().satisfies(to -> {
            assertThat(((InternetAddress) to).getAddress()).isEqualTo(user + "@test.clustercalls.eu");
            assertThat(((InternetAddress) to).getPersonal()).isEqualTo(user + " Test");
        });
        assertThat(mail.getSubject()).isEqualTo("More time to apply: Business mission to Montréal")
                .isEqualTo(sent.getSubject());
        assertThat(mail.getMessageID()).startsWith("<notification-" + id + ".");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).as("sent as written in the outbox")
                .isEqualTo(sent.getBody())
                .contains("The call Business mission to Montréal now closes on 1 March 2027, 18:00 CET.",
                        "http://localhost:8080/portal/calls/1");
    }

    @Test
    void aMessageSentAgainAfterItsNodeDiedIsCaughtOnce() throws Exception {
        String user = scenario.user("caught-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Award letter");
        assertThat(sender.sendDue()).isEqualTo(1);
        String messageId = caught(id).getMessageID();
        // As if the node had died after the mail was caught, before it marked the row.
        jdbc.update("update notification set status = 'PENDING', sent_at = null, attempts = 0, claimed_until = null"
                + " where id = ?", id);

        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(notifications.findById(id).orElseThrow().getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(caughtCount(id)).isEqualTo(1);
        assertThat(caught(id).getMessageID()).isEqualTo(messageId);
    }

    private int caughtCount(long id) {
        return jdbc.queryForObject("select count(*) from caught_mail where notification_id = ?", Integer.class, id);
    }

    private MimeMessage caught(long id) throws Exception {
        List<byte[]> mime = jdbc.query("select mime from caught_mail where notification_id = ?",
                (rs, row) -> rs.getBytes("mime"), id);
        assertThat(mime).hasSize(1);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime.get(0)));
    }
}
