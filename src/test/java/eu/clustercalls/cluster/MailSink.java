package eu.clustercalls.cluster;

import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The mail catcher of the cluster tests: a real SMTP server on loopback that counts what arrives. */
final class MailSink implements AutoCloseable {

    final int port;
    private final GreenMail server;

    private MailSink() {
        // GreenMail logs every new mailbox; thousands of them would bury the test's figures.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        port = server.getSmtp().getPort();
    }

    static MailSink start() {
        return new MailSink();
    }

    /** How often each Message-ID arrived. */
    Map<String, Integer> arrivals() throws MessagingException {
        Map<String, Integer> arrivals = new HashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            arrivals.merge(message.getMessageID(), 1, Integer::sum);
        }
        return arrivals;
    }

    @Override
    public void close() {
        server.stop();
    }
}
