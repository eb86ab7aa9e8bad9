package eu.clustercalls.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the nodes left behind, counted once: the outbox against the mail that arrived, payments, jobs, incidents.
 *
 * A message is duplicated when the outbox holds it twice (a job that ran again queued it again) or when two
 * different mails arrived for it. The same mail arriving twice, with its one Message-ID, is counted apart: SMTP
 * cannot tell a node that died between the server's acceptance and the SENT mark, and mail programs show such a
 * mail once.
 */
final class Figures {

    private static final Pattern MESSAGE_ID = Pattern.compile("<notification-(\\d+)\\.\\d+@.*>");

    final long notifications;
    final long queuedTwice;
    final long notSent;
    final long arrivedOnce;
    final long redelivered;
    final long neverArrived;
    final long strangers;
    final long payments;
    final long paymentFiles;
    final long paidTwice;
    final long jobsWithoutRetries;
    final long incidents;

    Figures(ClusterDatabase db, MailSink mail, Path paymentFiles) throws Exception {
        notifications = db.count("select count(*) from notification");
        queuedTwice = db.count("select count(*) from (select type, entity_type, entity_id, recipient from notification "
                + "group by type, entity_type, entity_id, recipient having count(*) > 1) d");
        notSent = db.count("select count(*) from notification where status <> 'SENT'");
        Map<Long, Integer> arrivals = new HashMap<>();
        long unknown = 0;
        for (var arrival : mail.arrivals().entrySet()) {
            Matcher id = MESSAGE_ID.matcher(arrival.getKey());
            if (id.matches()) {
                arrivals.merge(Long.valueOf(id.group(1)), arrival.getValue(), Integer::sum);
            } else {
                unknown += arrival.getValue();
            }
        }
        long once = 0;
        long again = 0;
        long missing = 0;
        for (var row : db.rows("select id from notification")) {
            Integer times = arrivals.remove(((Number) row.get("id")).longValue());
            if (times == null) {
                missing++;
            } else {
                once++;
                again += times - 1;
            }
        }
        arrivedOnce = once;
        redelivered = again;
        neverArrived = missing;
        strangers = unknown + arrivals.size();
        payments = db.count("select count(*) from payment");
        this.paymentFiles = files(paymentFiles);
        paidTwice = db.count("select count(*) from (select claim_id from payment group by claim_id having count(*) > 1) d");
        jobsWithoutRetries = db.count("select count(*) from act_ru_job where retries_ = 0");
        incidents = db.count("select count(*) from act_ru_incident");
    }

    void print() {
        System.out.printf("  notifications in the outbox: %5d   queued twice: %d   not sent: %d%n", notifications,
                queuedTwice, notSent);
        System.out.printf("  mail arrived: %5d   never: %d   for no notification: %d   the same mail again after a "
                + "node died while sending: %d%n", arrivedOnce, neverArrived, strangers, redelivered);
        System.out.printf("  payments: %5d   bank files: %d   claims paid twice: %d%n", payments, paymentFiles, paidTwice);
        System.out.printf("  jobs without retries: %d   open incidents: %d%n%n", jobsWithoutRetries, incidents);
    }

    void assertNothingLostOrDuplicated(long expectedPayments) {
        assertThat(notifications).as("notifications").isPositive();
        assertThat(queuedTwice).as("notifications queued twice").isZero();
        assertThat(notSent).as("notifications not sent").isZero();
        assertThat(neverArrived).as("notifications that never arrived").isZero();
        assertThat(strangers).as("mail for no notification").isZero();
        assertThat(payments).as("payments").isEqualTo(expectedPayments);
        assertThat(paymentFiles).as("bank files").isEqualTo(expectedPayments);
        assertThat(paidTwice).as("claims paid twice").isZero();
        assertThat(jobsWithoutRetries).as("jobs without retries").isZero();
        assertThat(incidents).as("open incidents").isZero();
    }

    private static long files(Path directory) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".xml")).count();
        }
    }
}
