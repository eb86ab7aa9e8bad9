package eu.clustercalls.security;

/** The Camunda groups of ClusterCalls; staff of a cluster are also members of its tenant. */
public final class Roles {

    public static final String SME = "sme";
    public static final String CALL_MANAGERS = "call-managers";
    public static final String ELIGIBILITY_REVIEWERS = "eligibility-reviewers";
    public static final String EVALUATORS = "evaluators";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "camunda-admin";

    private Roles() {
    }
}
