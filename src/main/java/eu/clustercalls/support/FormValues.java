package eu.clustercalls.support;

/** Reading what a person typed or chose in a task form or a request. */
public final class FormValues {

    private FormValues() {
    }

    /** The text without surrounding blanks, or null when nothing was typed. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** One of the offered choices, or a refusal naming the field. */
    public static <E extends Enum<E>> E choice(Class<E> type, Object value, String field, String message) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, message);
        }
    }
}
