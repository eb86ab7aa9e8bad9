package eu.clustercalls.support;

/** Nothing the user may see exists under that id. Also used where the thing exists but is not theirs. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
