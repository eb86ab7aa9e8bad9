package eu.clustercalls.support;

/** The request is well formed but the state of things does not allow it (a closed call, a second application). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
