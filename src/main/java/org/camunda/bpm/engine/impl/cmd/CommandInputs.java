package org.camunda.bpm.engine.impl.cmd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What a user's engine command carries, for ClusterCalls' check of the engine's own APIs (eu.clustercalls.security).
 * It lives in Camunda's package to read the commands' protected fields without reflection: if an upgrade renames
 * one, the build fails instead of the check going blind.
 */
public final class CommandInputs {

    private CommandInputs() {
    }

    /** The task a completion or a form submission completes, or null for any other command. */
    public static String completedTaskId(Command<?> command) {
        if (command instanceof CompleteTaskCmd complete) {
            return complete.taskId;
        }
        return command instanceof SubmitTaskFormCmd submit ? submit.taskId : null;
    }

    /** The task an assignment to nobody (Tasklist's "unclaim") gives back, or null for any other command. */
    public static String unclaimedTaskId(Command<?> command) {
        return command instanceof AssignTaskCmd assign && assign.userId == null ? assign.taskId : null;
    }

    /** The variables a completion or a form submission sets; empty when it sets none. */
    public static Map<String, Object> completionVariables(Command<?> command) {
        Map<String, Object> variables = command instanceof CompleteTaskCmd complete ? complete.variables
                : command instanceof SubmitTaskFormCmd submit ? submit.properties : null;
        return variables == null ? Map.of() : variables;
    }

    /** The instantiation a start carries, or null when the command is no start by a builder. */
    public static ProcessInstantiationBuilderImpl instantiation(Command<?> command) {
        if (command instanceof StartProcessInstanceCmd start) {
            return start.instantiationBuilder;
        }
        return command instanceof StartProcessInstanceAtActivitiesCmd start ? start.instantiationBuilder : null;
    }

    /** The process definition a start form is submitted to, or null. */
    public static String startFormDefinitionId(Command<?> command) {
        return command instanceof SubmitStartFormCmd submit ? submit.processDefinitionId : null;
    }

    /** The variables a start form submission sets. */
    public static Map<String, Object> startFormVariables(SubmitStartFormCmd command) {
        return command.variables == null ? Map.of() : command.variables;
    }

    /** The jobs whose retries are set, one by one; null when they are set for a whole job definition. */
    public static List<String> retriedJobs(SetJobRetriesCmd command) {
        if (command.jobDefinitionId != null) {
            return null;
        }
        List<String> jobs = new ArrayList<>();
        if (command.jobId != null) {
            jobs.add(command.jobId);
        }
        if (command.jobIds != null) {
            jobs.addAll(command.jobIds);
        }
        return jobs;
    }

    /** The message a correlation delivers, or null for any other command. */
    public static String correlatedMessage(Command<?> command) {
        return command instanceof AbstractCorrelateMessageCmd correlation ? correlation.messageName : null;
    }
}
