package eu.clustercalls.postgres;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every test of the PostgreSQL run, with one reason, when the server is not reachable (a developer without
 * PostgreSQL), instead of failing each of them; where the run is required (CI) it fails them with that reason.
 * Auto-detected (META-INF/services) in the surefire execution "postgres".
 */
public class PostgresRunCondition implements ExecutionCondition {

    /** Surefire lists skipped tests without their reason: the reason is printed once. */
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!PostgresRun.active()) {
            return ConditionEvaluationResult.enabled("the H2 run");
        }
        Optional<String> unreachable = PostgresRun.unreachable();
        if (unreachable.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + PostgresRun.server());
        }
        if (PostgresRun.required()) {
            throw new IllegalStateException(say(unreachable.get() + ": the PostgreSQL run is required here "
                    + "(environment variable CI or -Dclustercalls.test.require-postgres=true)"));
        }
        return ConditionEvaluationResult.disabled(say(unreachable.get() + ": the PostgreSQL run is skipped"));
    }

    private static String say(String reason) {
        if (!SAID.getAndSet(true)) {
            System.out.println("[WARNING] " + reason);
        }
        return reason;
    }
}
