package eu.clustercalls.support;

/**
 * The id in a process instance's business key (APP-12, CALL-3), which only our services set: listeners and delegates
 * find their application or call by it, never by a variable that a task's candidate could overwrite.
 */
public final class BusinessKeys {

    private BusinessKeys() {
    }

    public static Long id(String businessKey, String prefix) {
        if (businessKey != null && businessKey.startsWith(prefix)) {
            try {
                return Long.valueOf(businessKey.substring(prefix.length()));
            } catch (NumberFormatException e) {
                // reported below with the key itself
            }
        }
        throw new IllegalStateException("The process instance's business key is '" + businessKey
                + "', not " + prefix + "<id> as ClusterCalls sets it.");
    }
}
