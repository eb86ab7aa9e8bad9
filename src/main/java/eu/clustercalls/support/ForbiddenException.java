package eu.clustercalls.support;

/** The user is known but not allowed to do this; the message says why. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
