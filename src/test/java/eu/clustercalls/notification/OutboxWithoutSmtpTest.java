package eu.clustercalls.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import eu.clustercalls.ClusterCallsTest;

/** The tests' usual context: no SMTP server, as in the demo, and the test profile's poll switched off. */
@ClusterCallsTest
class OutboxWithoutSmtpTest {

    @Autowired
    ApplicationContext context;

    @Test
    void withoutAnSmtpServerNothingSendsTheOutbox() {
        assertThat(context.getBeanNamesForType(OutboxSender.class)).isEmpty();
    }

    @Test
    void theTestProfileDoesNotPollTheOutbox() {
        assertThat(context.getBeanNamesForType(OutboxScheduling.class)).isEmpty();
    }
}
