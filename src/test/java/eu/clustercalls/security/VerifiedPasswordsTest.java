package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.clustercalls.config.ClusterCallsProperties;

class VerifiedPasswordsTest {

    private final VerifiedPasswords verified = new VerifiedPasswords(properties(Duration.ofMinutes(5)));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRightPasswordIsRememberedForItsUserOnly() {
        UserEntity marta = user("marta", "{PBKDF2-SHA256}1000$aa");
        UserEntity oriol = user("oriol", "{PBKDF2-SHA256}1000$aa");
        assertThat(verified.isRemembered(marta, "right")).isFalse();

        verified.remember(marta, "right");

        assertThat(verified.isRemembered(marta, "right")).isTrue();
        assertThat(verified.isRemembered(marta, "Right")).isFalse();
        assertThat(verified.isRemembered(oriol, "right")).isFalse();
    }

    @Test
    void itIsForgottenAfterItsTime() {
        UserEntity marta = user("marta", "{PBKDF2-SHA256}1000$aa");
        verified.remember(marta, "right");

        later(Duration.ofMinutes(4));
        assertThat(verified.isRemembered(marta, "right")).isTrue();
        later(Duration.ofMinutes(2));
        assertThat(verified.isRemembered(marta, "right")).isFalse();
    }

    @Test
    void aNewStoredHashMeansThePasswordIsCheckedAgain() {
        verified.remember(user("marta", "{PBKDF2-SHA256}1000$aa"), "right");

        assertThat(verified.isRemembered(user("marta", "{PBKDF2-SHA256}1000$bb"), "right")).isFalse();
    }

    @Test
    void aZeroTimeRemembersNothing() {
        VerifiedPasswords never = new VerifiedPasswords(properties(Duration.ZERO));
        UserEntity marta = user("marta", "{PBKDF2-SHA256}1000$aa");
        never.remember(marta, "right");

        assertThat(never.isRemembered(marta, "right")).isFalse();
    }

    private static UserEntity user(String id, String hash) {
        UserEntity user = new UserEntity(id);
        user.setDbPassword(hash);
        user.setSalt("salt");
        return user;
    }

    private static ClusterCallsProperties properties(Duration ttl) {
        return new ClusterCallsProperties(null, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, ttl, null, null, null, null, null);
    }

    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }
}
