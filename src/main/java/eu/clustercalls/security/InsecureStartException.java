package eu.clustercalls.security;

/** Why ClusterCalls refuses to start outside the demo, and what the operator does about it. */
class InsecureStartException extends RuntimeException {

    private final String description;
    private final String action;

    InsecureStartException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    String description() {
        return description;
    }

    String action() {
        return action;
    }
}
