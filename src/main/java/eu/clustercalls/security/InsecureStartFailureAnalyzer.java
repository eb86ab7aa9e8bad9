package eu.clustercalls.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as Spring Boot's "APPLICATION FAILED TO START" block: what is wrong, what to do. */
class InsecureStartFailureAnalyzer extends AbstractFailureAnalyzer<InsecureStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureStartException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
