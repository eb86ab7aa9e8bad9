package eu.clustercalls.company;

/** A sign-up refused by {@link SignUpLimits}: too many lately, to its e-mail address or from its client. */
public class SignUpLimitException extends RuntimeException {

    private final transient SignUpProblem problem;

    SignUpLimitException(SignUpProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public SignUpProblem problem() {
        return problem;
    }
}
