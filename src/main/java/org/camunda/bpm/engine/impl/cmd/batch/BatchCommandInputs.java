package org.camunda.bpm.engine.impl.cmd.batch;

import org.camunda.bpm.engine.impl.interceptor.Command;

/** What a batch command carries, for the check of the engine's own APIs (see CommandInputs, one package up). */
public final class BatchCommandInputs {

    private BatchCommandInputs() {
    }

    /** The message a correlation in a batch delivers, or null for any other command. */
    public static String correlatedMessage(Command<?> command) {
        return command instanceof CorrelateAllMessageBatchCmd correlation ? correlation.messageName : null;
    }
}
