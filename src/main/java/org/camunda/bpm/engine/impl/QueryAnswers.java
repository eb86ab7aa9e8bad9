package org.camunda.bpm.engine.impl;

import java.util.List;

/**
 * The answer of a query that shows its caller nothing, for ClusterCalls' check of the engine's own APIs
 * (eu.clustercalls.security): in Camunda's package to read the query's protected result type.
 */
public final class QueryAnswers {

    private QueryAnswers() {
    }

    /** No row: a count of 0, no single result, an empty list. */
    public static Object nothing(AbstractQuery<?, ?> query) {
        return switch (query.resultType) {
            case COUNT -> 0L;
            case SINGLE_RESULT -> null;
            default -> List.of();
        };
    }
}
