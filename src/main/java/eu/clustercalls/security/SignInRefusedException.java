package eu.clustercalls.security;

import org.springframework.security.core.AuthenticationException;

/** A sign-in {@link SignInCheck} refused: its message is the sentence for the person. */
class SignInRefusedException extends AuthenticationException {

    private final transient SignInResult result;

    SignInRefusedException(SignInResult result) {
        super(result.message());
        this.result = result;
    }

    SignInResult result() {
        return result;
    }
}
