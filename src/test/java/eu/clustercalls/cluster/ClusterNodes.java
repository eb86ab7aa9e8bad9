package eu.clustercalls.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A node as production runs it (profile postgres), with the few settings a test on loopback needs. */
final class ClusterNodes {

    private ClusterNodes() {
    }

    static Node node(String name, ClusterDatabase db, MailSink mail, Path payments) throws IOException {
        return new Node(name, freePort(), Map.of(
                "CLUSTERCALLS_DB_URL", db.url,
                "CLUSTERCALLS_DB_USER", db.user(),
                "CLUSTERCALLS_DB_PASSWORD", db.password(),
                "CLUSTERCALLS_ADMIN_PASSWORD", Drill.ADMIN_PASSWORD),
                List.of("--spring.profiles.active=postgres",
                        // Thousands of HTTP Basic sign-ins: production's 310,000 PBKDF2 rounds would cost 0.3 s each.
                        "--clustercalls.password-hash-iterations=1000",
                        // Both nodes write the bank's files into one directory, as they share a volume in production.
                        "--clustercalls.payment-directory=" + payments.toAbsolutePath(),
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.port,
                        "--clustercalls.outbox.poll-interval=PT1S",
                        // A killed node's jobs and messages are taken over after 30 s instead of 2 and 5 minutes.
                        "--camunda.bpm.job-execution.lock-time-in-millis=30000",
                        "--clustercalls.outbox.lease=PT30S",
                        "--camunda.bpm.job-execution.wait-time-in-millis=500",
                        "--camunda.bpm.job-execution.max-wait=2000"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
