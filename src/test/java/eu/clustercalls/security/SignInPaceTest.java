package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A user name's accepted sign-ins: a burst at once, then a steady rate, waiting their turn; on a clock of its own. */
class SignInPaceTest {

    private long now = 0;
    private final List<Long> waits = new ArrayList<>();
    /** 20 a second (one every 50 ms) after a burst of 3. */
    private final SignInPace pace = new SignInPace(20, 3, () -> now, nanos -> waits.add(nanos));

    @Test
    void aBurstGoesOnAtOnceThenEachWaitsItsTurn() {
        for (int i = 0; i < 3; i++) {
            assertThat(pace.admit("marta")).isTrue();
        }
        assertThat(waits).isEmpty();

        assertThat(pace.admit("marta")).isTrue();
        assertThat(pace.admit("marta")).isTrue();
        assertThat(waits).containsExactly(millis(50), millis(100));
    }

    @Test
    void aSignInAtTheSteadyRateNeverWaits() {
        for (int i = 0; i < 100; i++) {
            assertThat(pace.admit("marta")).isTrue();
            now += millis(50);
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void eachUserNameHasItsOwnPace() {
        for (int i = 0; i < 10; i++) {
            pace.admit("marta");
        }
        waits.clear();

        assertThat(pace.admit("jordi")).isTrue();
        assertThat(waits).isEmpty();
    }

    @Test
    void aSignInThatWouldWaitLongerThanTwoSecondsIsRefusedAndTakesNoTurn() {
        // 3 at once, then 40 more waiting up to 2 s.
        for (int i = 0; i < 43; i++) {
            assertThat(pace.admit("marta")).isTrue();
        }
        assertThat(waits.get(waits.size() - 1)).isEqualTo(millis(2000));

        assertThat(pace.admit("marta")).isFalse();
        now += millis(50);
        assertThat(pace.admit("marta")).as("the turn it did not take is free").isTrue();
        assertThat(waits.get(waits.size() - 1)).isEqualTo(millis(2000));
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
