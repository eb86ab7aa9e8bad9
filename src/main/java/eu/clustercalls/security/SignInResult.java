package eu.clustercalls.security;

import java.time.Duration;

/**
 * What {@link SignInCheck} decided about one sign-in, and the sentence that tells the person. The same whether the
 * user name exists or not.
 *
 * @param outcome the decision
 * @param retryAfter how long the user name must wait at this address before the next try (zero: no wait)
 */
record SignInResult(Outcome outcome, Duration retryAfter) {

    enum Outcome {
        /** The password is right. */
        ACCEPTED,
        /** The password was checked and is wrong (or the user unknown); {@link #retryAfter} when this began a lock. */
        WRONG,
        /** Refused unchecked: too many failed sign-ins, for {@link #retryAfter}. */
        LOCKED,
        /**
         * Refused: the client address's password checks waited their turn too long, or the user name signs in
         * faster than it may.
         */
        BUSY
    }

    static final String WRONG_PASSWORD = "Wrong user name or password.";
    private static final Duration BUSY_WAIT = Duration.ofSeconds(2);

    static SignInResult accepted() {
        return new SignInResult(Outcome.ACCEPTED, Duration.ZERO);
    }

    static SignInResult wrong(Duration lock) {
        return new SignInResult(Outcome.WRONG, lock);
    }

    static SignInResult locked(Duration left) {
        return new SignInResult(Outcome.LOCKED, left);
    }

    static SignInResult busy() {
        return new SignInResult(Outcome.BUSY, BUSY_WAIT);
    }

    boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** Refused for too many sign-ins, not for the password: the answer is "too many requests". */
    boolean isThrottled() {
        return outcome == Outcome.LOCKED || outcome == Outcome.BUSY;
    }

    /** Whole seconds to wait, rounded up (HTTP's Retry-After). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes to wait, rounded up: what the person is told. */
    long minutes() {
        return (retryAfterSeconds() + 59) / 60;
    }

    /** The answer's sentence, in English (the portal's sign-in page says it in the reader's language). */
    String message() {
        return switch (outcome) {
            case ACCEPTED -> "Signed in.";
            case WRONG -> retryAfter.isZero() ? WRONG_PASSWORD : WRONG_PASSWORD + " " + tooMany();
            case LOCKED -> tooMany();
            case BUSY -> "Too many sign-ins at once: try again in a few seconds.";
        };
    }

    private String tooMany() {
        return "Too many failed sign-ins: try again in " + minutes() + (minutes() == 1 ? " minute." : " minutes.");
    }
}
