package eu.clustercalls;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail, in the test JVM) on a free loopback port, for a test class that sends mail:
 * {@code static final int SMTP_PORT = LocalSmtp.freePort();} with {@code @RegisterExtension static
 * GreenMailExtension smtp = LocalSmtp.server(SMTP_PORT);} and spring.mail.port set to that port.
 */
public final class LocalSmtp {

    private LocalSmtp() {
    }

    /** One server for the whole test class: the Spring context, cached across its tests, keeps sending to it. */
    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
