package eu.clustercalls.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.LocalSmtp;
import eu.clustercalls.Scenario;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.security.Roles;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The outbox sent to a real SMTP server (GreenMail, in this JVM). The tests call the sender themselves, as one node
 * or as several (more instances, each a node of its own); the scheduled poll is on but its first turn is 7 hours
 * away (an interval no other scheduled task of the tests has, so that the test finds it). Small batches, so that two nodes meet on the same rows.
 */
@ClusterCallsTest
@Import(OutboxMessages.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "clustercalls.outbox.enabled=true",
        "clustercalls.outbox.poll-interval=PT7H",
        "clustercalls.outbox.batch-size=5" })
class OutboxSenderTest {

    private static final int SMTP_PORT = LocalSmtp.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = LocalSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxMessages outbox;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    Scenario scenario;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    DocumentService documents;
    @Autowired
    ClusterCallsProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClockAndSmtp() {
        ClockUtil.reset();
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    @Test
    void aMessageToSomeoneWhoIsNoUserYetArrivesAtTheAddressItNamesInItsLanguage() throws Exception {
        String address = "nuria" + Scenario.next() + "@teixits-nous.example";
        long id = outbox.queueToAddress(address, "Misión a Montreal");

        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(notifications.findById(id).orElseThrow().getStatus()).isEqualTo(Notification.Status.SENT);
        MimeMessage mail = receivedOnce(id);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(to -> ((InternetAddress) to).getAddress())
                .containsExactly(address);
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).startsWith("Hola, Núria Soler:")
                .contains("se dio esta dirección para registrar una empresa");
    }

    @Test
    void aQueuedMessageArrivesOnceAtTheUsersAddressWithItsFixedMessageIdAndIsMarkedSent() throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Business mission to Montréal");

        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).as("nothing left to send").isZero();

        Notification sent = notifications.findById(id).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getSentAt()).isNotNull();
        assertThat(claimedBy(id)).isEqualTo(sender.nodeId());
        MimeMessage mail = receivedOnce(id);
        assertThat(mail.getMessageID()).isEqualTo("<notification-" + id + "."
                + createdAt(id).toEpochMilli() + "@clustercalls.eu>");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly(user + "@test.clustercalls.eu");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("ClusterCalls <no-reply@clustercalls.eu>");
        assertThat(mail.getSubject()).isEqualTo("More time to apply: Business mission to Montréal");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).as("sent as written in the outbox")
                .isEqualTo(sent.getBody())
                .contains("The call Business mission to Montréal now closes on 1 March 2027, 18:00 CET.",
                        "http://localhost:8080/portal/calls/1");
    }

    @Test
    void whileTheSmtpServerIsDownAMessageIsRetriedAfterTheBackOffThenDelivered() throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Clarification requested");
        smtp.stop();
        Instant failedAt = now();

        assertThat(sender.sendDue()).isZero();

        Notification waiting = notifications.findById(id).orElseThrow();
        assertThat(waiting.getStatus()).isEqualTo(Notification.Status.PENDING);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getLastError()).contains("Connection refused");
        Duration firstDelay = properties.outbox().retryDelays().get(0);
        assertThat(waiting.getNextAttemptAt()).isBetween(failedAt.plus(firstDelay), now().plus(firstDelay));

        smtp.start();
        setClock(failedAt.plus(firstDelay).minusSeconds(5));
        assertThat(sender.sendDue()).as("not due yet").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        setClock(failedAt.plus(firstDelay).plusSeconds(5));
        assertThat(sender.sendDue()).isEqualTo(1);

        Notification sent = notifications.findById(id).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        receivedOnce(id);
    }

    @Test
    void aMessageWhoseLastAttemptFailsIsFailedWithAWarning(CapturedOutput output) throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Award letter");
        smtp.stop();
        List<Duration> delays = properties.outbox().retryDelays();

        assertThat(sender.sendDue()).isZero();
        for (Duration delay : delays) {
            assertThat(notifications.findById(id).orElseThrow().getStatus()).isEqualTo(Notification.Status.PENDING);
            setClock(now().plus(delay).plusSeconds(1));
            assertThat(sender.sendDue()).isZero();
        }

        Notification failed = notifications.findById(id).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(Notification.Status.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(delays.size() + 1);
        assertThat(failed.getLastError()).contains("Connection refused");
        assertThat(output).contains("WARN").contains("Notification " + id + " to " + user + " FAILED after "
                + (delays.size() + 1) + " attempt(s)");

        smtp.start();
        setClock(now().plus(Duration.ofDays(30)));
        assertThat(sender.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMessageToAnUnknownUserOrToAUserWithoutAUsableAddressFailsAtOnceWithoutSmtp() {
        String unknown = "nobody-" + Scenario.next();
        String withoutEmail = user(null);
        String withBadEmail = user("marta puig at example");
        long toUnknown = outbox.queue(unknown, "Eligibility result");
        long toWithoutEmail = outbox.queue(withoutEmail, "Eligibility result");
        long toBadEmail = outbox.queue(withBadEmail, "Eligibility result");
        // Were the server asked, the attempt would fail and wait for a retry instead.
        smtp.stop();

        assertThat(sender.sendDue()).isZero();

        assertThat(notifications.findAllById(List.of(toUnknown, toWithoutEmail, toBadEmail)))
                .allSatisfy(notification -> {
                    assertThat(notification.getStatus()).isEqualTo(Notification.Status.FAILED);
                    assertThat(notification.getAttempts()).isEqualTo(1);
                });
        assertThat(notifications.findById(toUnknown).orElseThrow().getLastError())
                .isEqualTo("User " + unknown + " does not exist");
        assertThat(notifications.findById(toWithoutEmail).orElseThrow().getLastError())
                .isEqualTo("User " + withoutEmail + " has no e-mail address");
        assertThat(notifications.findById(toBadEmail).orElseThrow().getLastError())
                .startsWith("User " + withBadEmail + " has an invalid e-mail address");
    }

    @Test
    void twoNodesPollingTheSameRowsAtOnceDeliverEachMessageExactlyOnce() throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        List<Long> ids = IntStream.range(0, 60).mapToObj(n -> outbox.queue(user, "Message " + n)).toList();
        OutboxSender otherNode = anotherNode();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (OutboxSender node : List.of(sender, otherNode)) {
                sent.add(nodes.submit(() -> {
                    start.await();
                    return node.sendDue();
                }));
            }
            int first = sent.get(0).get(60, TimeUnit.SECONDS);
            int second = sent.get(1).get(60, TimeUnit.SECONDS);

            assertThat(first + second).isEqualTo(ids.size());
            assertThat(first).as("both nodes sent").isPositive();
            assertThat(second).as("both nodes sent").isPositive();
        } finally {
            nodes.shutdownNow();
        }
        assertThat(notifications.findAllById(ids)).extracting(Notification::getStatus)
                .containsOnly(Notification.Status.SENT);
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            messageIds.add(mail.getMessageID());
        }
        assertThat(messageIds).hasSize(ids.size()).doesNotHaveDuplicates();
    }

    @Test
    void aRowClaimedByOneNodeIsLeftAloneByAnotherUntilTheLeaseRunsOutThenSentByIt() throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Claim reminder");
        OutboxSender deadNode = anotherNode();

        assertThat(deadNode.claim().rows()).extracting(OutboxSender.Row::id).contains(id);
        // The dead node sends nothing: killed right after its claim.
        assertThat(sender.claim().rows()).extracting(OutboxSender.Row::id).doesNotContain(id);
        assertThat(sender.sendDue()).isZero();
        setClock(now().plus(properties.outbox().lease()).minusSeconds(5));
        assertThat(sender.sendDue()).as("the lease holds").isZero();
        assertThat(claimedBy(id)).isEqualTo(deadNode.nodeId());

        setClock(now().plus(Duration.ofSeconds(10)));
        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(notifications.findById(id).orElseThrow().getStatus()).isEqualTo(Notification.Status.SENT);
        assertThat(claimedBy(id)).isEqualTo(sender.nodeId());
        receivedOnce(id);
    }

    @Test
    void aNodeWhoseLeaseRunsShortGivesTheRestOfItsBatchBackToTheOthers() throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        List<Long> ids = IntStream.range(0, 3).mapToObj(n -> outbox.queue(user, "Message " + n)).toList();
        // A slow node: a quarter of the lease passes each time it looks at the clock.
        OutboxSender slowNode = new OutboxSender(jdbc, transactionManager, identityService, documents, mailSender, properties,
                new SteppingClock(now(), properties.outbox().lease().dividedBy(4)));

        int sentBySlowNode = slowNode.sendDue();

        assertThat(sentBySlowNode).isBetween(1, ids.size() - 1);
        assertThat(jdbc.queryForObject("select count(*) from notification where status = 'PENDING' and claimed_until"
                + " is null and id in (?, ?, ?)", Integer.class, ids.toArray())).isEqualTo(ids.size() - sentBySlowNode);
        assertThat(sender.sendDue()).as("given back, so sent at once").isEqualTo(ids.size() - sentBySlowNode);
        for (long id : ids) {
            receivedOnce(id);
        }
    }

    @Test
    void aMessageAcceptedByTheServerButNotMarkedIsSentAgainWithTheSameMessageId() throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Payment executed");
        OutboxSender deadNode = anotherNode();
        assertThat(deadNode.sendDue()).isEqualTo(1);
        // As if the node had died after the server accepted the mail, before it marked the row.
        jdbc.update("update notification set status = 'PENDING', sent_at = null, attempts = 0 where id = ?", id);
        setClock(now().plus(properties.outbox().lease()).plusSeconds(1));

        assertThat(sender.sendDue()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
    }

    @Test
    void theScheduledPollSendsTheOutbox() throws Exception {
        String user = scenario.user("mail-" + Scenario.next(), Roles.SME);
        long id = outbox.queue(user, "Evaluation assigned");
        ScheduledTask poll = scheduledTasks.getScheduledTasks().stream()
                .filter(task -> task.getTask() instanceof FixedDelayTask fixedDelay
                        && fixedDelay.getIntervalDuration().equals(Duration.ofHours(7)))
                .findFirst().orElseThrow();

        poll.getTask().getRunnable().run();

        assertThat(notifications.findById(id).orElseThrow().getStatus()).isEqualTo(Notification.Status.SENT);
        receivedOnce(id);
    }

    private String user(String email) {
        String userId = "mail-" + Scenario.next();
        var user = identityService.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("Test");
        user.setEmail(email);
        user.setPassword(Scenario.PASSWORD);
        identityService.saveUser(user);
        return userId;
    }

    private OutboxSender anotherNode() {
        return new OutboxSender(jdbc, transactionManager, identityService, documents, mailSender, properties, clock);
    }

    private MimeMessage receivedOnce(long id) throws Exception {
        String prefix = "<notification-" + id + ".";
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> messageId(mail).startsWith(prefix)).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String claimedBy(long id) {
        return jdbc.queryForObject("select claimed_by from notification where id = ?", String.class, id);
    }

    private Instant createdAt(long id) {
        return jdbc.queryForObject("select created_at from notification where id = ?", OffsetDateTime.class, id)
                .toInstant();
    }

    private static Instant now() {
        return ClockUtil.now().toInstant();
    }

    private static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }


    private static final class SteppingClock extends Clock {

        private Instant instant;
        private final Duration step;

        SteppingClock(Instant start, Duration step) {
            this.instant = start;
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            instant = instant.plus(step);
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
