package eu.clustercalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import eu.clustercalls.audit.AuditEvent;

/**
 * camunda-bpm-assert bound to the test's Spring engine (its name is unique per context, so the assertions cannot
 * find it by themselves); the engine clock is put back after each test. Also the assertions process tests share.
 */
public class ProcessAssertions implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /** The application's own exception inside whatever the engine wraps it in (task listeners are wrapped). */
    public static Throwable refusal(ThrowingCallable action) {
        Throwable thrown = catchThrowable(action);
        assertThat(thrown).as("the action is refused").isNotNull();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getPackageName().equals("eu.clustercalls.support")) {
                return cause;
            }
        }
        return thrown;
    }

    /** The latest event of an audit trail. */
    public static AuditEvent last(List<AuditEvent> trail) {
        assertThat(trail).isNotEmpty();
        return trail.get(trail.size() - 1);
    }
}
