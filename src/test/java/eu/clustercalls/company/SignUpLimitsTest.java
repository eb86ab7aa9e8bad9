package eu.clustercalls.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.notification.NotificationService;

/** Sign-ups from one client address, with limits of their own here (the test profile lifts the client's). */
@ClusterCallsTest
class SignUpLimitsTest {

    @Autowired
    NotificationService notifications;

    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
    Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aClientBeyondItsSignUpsWaitsUntilTheOldestLeavesTheWindowWhileOthersGoOn() {
        SignUpLimits limits = new SignUpLimits(notifications, new SignUpProperties(3, 2, Duration.ofHours(24)), clock);

        assertThat(limits.admit(address(), "192.0.2.7")).isEmpty();
        now.set(now.get().plus(Duration.ofHours(1)));
        assertThat(limits.admit(address(), "192.0.2.7")).isEmpty();
        assertThat(limits.admit(address(), "192.0.2.7")).get().extracting(SignUpProblem::code).isEqualTo("tooMany");
        assertThat(limits.admit(address(), "192.0.2.8")).as("another client").isEmpty();

        now.set(now.get().plus(Duration.ofHours(23).plusMinutes(1)));
        assertThat(limits.admit(address(), "192.0.2.7")).as("the first left the window").isEmpty();
        assertThat(limits.admit(address(), "192.0.2.7")).as("the second has not").isPresent();
    }

    private static String address() {
        return "someone" + Scenario.next() + "@example.com";
    }
}
