package eu.clustercalls.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

/** What the nodes left behind, counted once: the outbox against the mail that arrived, payments, jobs, incidents. */
final class Figures {

    final long notifications;
    final long sent;
    final long notSent;
    final long arrivedOnce;
    final long arrivedTwice;
    final long neverArrived;
    final long payments;
    final long paymentFiles;
    final long paidTwice;
    final long jobsWithoutRetries;
    final long incidents;

    Figures(ClusterDatabase db, MailSink mail, Path paymentFiles) throws Exception {
        notifications = db.count("select count(*) from notification");
        sent = db.count("select count(*) from notification where status = 'SENT'");
        notSent = notifications - sent;
        Map<String, Integer> arrivals = mail.arrivals();
        long expected = 0;
        long twice = 0;
        long missing = 0;
        for (var row : db.rows("select id from notification where status = 'SENT'")) {
            Integer times = arrivals.get("<notification-" + row.get("id") + "@clustercalls>");
            if (times == null) {
                missing++;
            } else if (times > 1) {
                twice++;
            }
            expected++;
        }
        arrivedTwice = twice;
        neverArrived = missing;
        arrivedOnce = expected - twice - missing;
        payments = db.count("select count(*) from payment");
        this.paymentFiles = TwoNodeClusterIT.files(paymentFiles);
        paidTwice = db.count("select count(*) from (select claim_id from payment group by claim_id having count(*) > 1) d");
        jobsWithoutRetries = db.count("select count(*) from act_ru_job where retries_ = 0");
        incidents = db.count("select count(*) from act_ru_incident");
    }

    void print() {
        System.out.printf("  notifications in the outbox: %5d   sent: %d   not sent: %d%n", notifications, sent, notSent);
        System.out.printf("  mail arrived once: %5d   more than once: %d   never: %d%n", arrivedOnce, arrivedTwice,
                neverArrived);
        System.out.printf("  payments: %5d   bank files: %d   claims paid twice: %d%n", payments, paymentFiles, paidTwice);
        System.out.printf("  jobs without retries: %d   open incidents: %d%n%n", jobsWithoutRetries, incidents);
    }

    void assertNothingLostOrDuplicated(long expectedPayments) {
        assertThat(notifications).as("notifications").isPositive();
        assertThat(notSent).as("notifications not sent").isZero();
        assertThat(neverArrived).as("notifications that never arrived").isZero();
        assertThat(arrivedTwice).as("notifications that arrived twice").isZero();
        assertThat(payments).as("payments").isEqualTo(expectedPayments);
        assertThat(paymentFiles).as("bank files").isEqualTo(expectedPayments);
        assertThat(paidTwice).as("claims paid twice").isZero();
        assertThat(jobsWithoutRetries).as("jobs without retries").isZero();
        assertThat(incidents).as("open incidents").isZero();
    }
}
