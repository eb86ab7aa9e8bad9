package eu.clustercalls.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.QueryAnswers;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CommandInputs;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.BatchCommandInputs;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;

/**
 * The engine's own APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/...}, which Tasklist and Cockpit
 * use) are doors for staff, and what a signed-in user sends through them is input like any form field. Every
 * command that comes through a door is checked here, inside the engine, whichever door it came by:
 * <ul>
 * <li>staff may read what the engine's authorizations and tenant check let them see, claim and complete their tasks,
 * draft a call and retry a failed job of their cluster; everything else (start instructions, modification,
 * migration, restart, variables written outside a task's form, installation-wide jobs, metrics and statistics,
 * deployments) is for administrators only;</li>
 * <li>a start or a completion carries its form's fields and nothing else, each of its kind;</li>
 * <li>the processes ClusterCalls starts itself (an application, a reimbursement) cannot be started through a door.</li>
 * </ul>
 * What our own rules refuse (a listener's "The closing date is in the past.") reaches the caller as a 400 or 403
 * with that sentence, logged in one line, instead of the engine's wrapped error and stack trace. The services write
 * the refusals a staff member meets in Tasklist in her cluster's staff language; this door's own (a field the form
 * does not have or of another kind, a command for administrators, another cluster's task) stay English: Tasklist
 * never sends such a request, only a hand-made or forged one does.
 */
@Component
class EngineDoor extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineDoor.class);

    /** Set while a request that came through one of the engine's doors runs (see {@link EngineDoorFilter}). */
    private static final ThreadLocal<Boolean> THROUGH_DOOR = new ThreadLocal<>();

    /** The sentence of the last refusal of this door's request, which its answer must read (see {@link PlainRefusals}). */
    private static final ThreadLocal<String> REFUSAL = new ThreadLocal<>();

    /** The outermost command of this thread; the commands it runs inside are the engine's own work. */
    private static final ThreadLocal<Command<?>> OUTER = new ThreadLocal<>();

    /** What staff may change through a door, each checked further below; anything not read-only and not here is refused. */
    private static final Set<String> STAFF_CHANGES = Set.of("ClaimTaskCmd", "CompleteTaskCmd", "SubmitTaskFormCmd",
            "StartProcessInstanceCmd", "StartProcessInstanceAtActivitiesCmd", "SubmitStartFormCmd", "SetJobRetriesCmd", "AddCommentCmd", "SaveUserCmd",
            "CheckPassword", "CheckPasswordAgainstPolicyCmd");

    /** Reads that show the whole installation rather than one cluster: administrators only. */
    private static final Set<String> INSTALLATION_READS = Set.of("MetricsQueryImpl", "GetUniqueTaskWorkerCountCmd",
            "GetTelemetryDataCmd", "GetLicenseKeyCmd", "HistoricActivityStatisticsQueryImpl",
            "HistoricCaseActivityStatisticsQueryImpl", "HistoricDecisionInstanceStatisticsQueryImpl",
            "GetDeploymentResourceCmd",
            "GetDeploymentResourceForIdCmd", "GetDeploymentResourceNamesCmd", "GetDeploymentResourcesCmd",
            "GetProcessApplicationForDeploymentCmd", "TaskReportImpl",
            "HistoricProcessInstanceReportImpl", "HistoricTaskInstanceReportImpl",
            "CleanableHistoricProcessInstanceReportImpl", "CleanableHistoricDecisionInstanceReportImpl",
            "CleanableHistoricCaseInstanceReportImpl", "CleanableHistoricBatchReportImpl", "SchemaLogQueryImpl",
            "GetTableCountCmd", "GetTableMetaDataCmd", "GetTableNameCmd", "GetPropertiesCmd", "FindHistoryCleanupJobsCmd");

    /**
     * Lists of the whole installation that Cockpit shows every user: staff see none of their rows (as the engine's
     * authorizations answer a query), so Cockpit's panels stay whole instead of failing on a refusal.
     */
    private static final Set<String> INSTALLATION_LISTS = Set.of("DeploymentQueryImpl",
            "DeploymentStatisticsQueryImpl", "BatchQueryImpl", "BatchStatisticsQueryImpl");

    /** Read-only commands of the engine and of the webapps' plugins (Cockpit's queries), by the start of their name. */
    private static final List<String> READ_PREFIXES = List.of("Get", "Is", "Find", "Check", "CreateUserQuery", "CreateGroupQuery",
            "CreateTenantQuery", "ExecuteFilter",
            "ExecuteListQuery", "ExecuteSingleQuery", "QueryServiceRowCount", "AuthorizationCheck");

    private static final String OUR_PACKAGE = "eu.clustercalls.";

    /**
     * Messages only our services correlate, after their own checks (ApplicationProcess.MESSAGE_WITHDRAWN: the SME's
     * withdrawal in the portal): nobody sends them through a door, administrators included.
     */
    static final Set<String> OUR_MESSAGES = Set.of("ApplicationWithdrawn");

    private final FormFieldCatalog forms;
    private final Map<String, String> startFormOfDefinition = new ConcurrentHashMap<>();
    private ProcessEngineConfigurationImpl configuration;

    EngineDoor(FormFieldCatalog forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<CommandInterceptor> before = configuration.getCustomPreCommandInterceptorsTxRequired();
        configuration.setCustomPreCommandInterceptorsTxRequired(append(before, new Door()));
        List<CommandInterceptor> inside = configuration.getCustomPostCommandInterceptorsTxRequired();
        configuration.setCustomPostCommandInterceptorsTxRequired(append(inside, new Inside()));
        // A task's candidates and assignee may claim and complete it, not rename it, move its dates or write its
        // variables (Camunda's default would grant them UPDATE).
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> list, CommandInterceptor interceptor) {
        List<CommandInterceptor> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
        all.add(interceptor);
        return all;
    }

    private Authentication user() {
        return configuration.getIdentityService().getCurrentAuthentication();
    }

    private static boolean isAdmin(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMIN);
    }

    /** The first check, outside the engine's transaction: who may run this command at all. */
    private final class Door extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            boolean outermost = Context.getCommandContext() == null && OUTER.get() == null;
            if (!outermost) {
                return next.execute(command);
            }
            boolean throughDoor = Boolean.TRUE.equals(THROUGH_DOOR.get());
            String unclaimed = throughDoor ? CommandInputs.unclaimedTaskId(command) : null;
            if (unclaimed != null) {
                // Tasklist's "unclaim" assigns the task to nobody, which needs TASK_ASSIGN; giving back a task one
                // works on is part of working on it (TASK_WORK), as the engine's own claim command allows.
                @SuppressWarnings("unchecked")
                T unassigned = (T) execute(new ClaimTaskCmd(unclaimed, null));
                return unassigned;
            }
            OUTER.set(command);
            try {
                Authentication user = user();
                // Our own commands (the sign-in check's look-ups) are ours, not what the caller sent.
                boolean ours = command.getClass().getName().startsWith(OUR_PACKAGE);
                if (user != null && throughDoor && !ours) {
                    if (!isAdmin(user) && command instanceof AbstractQuery<?, ?> query
                            && INSTALLATION_LISTS.contains(commandName(command))) {
                        @SuppressWarnings("unchecked")
                        T nothing = (T) QueryAnswers.nothing(query);
                        return nothing;
                    }
                    checkMayRun(command, user);
                }
                return next.execute(command);
            } catch (Refusal refusal) {
                // The engine's REST API answers its own BadUserRequestException with a 500 on starts and task forms;
                // a RestException keeps the 400 on every resource.
                throw throughDoor ? new InvalidRequestException(Status.BAD_REQUEST, refusal, refusal.getMessage())
                        : refusal;
            } finally {
                OUTER.remove();
            }
        }

        private void checkMayRun(Command<?> command, Authentication user) {
            String name = commandName(command);
            String message = Objects.requireNonNullElse(CommandInputs.correlatedMessage(command),
                    Objects.requireNonNullElse(BatchCommandInputs.correlatedMessage(command), ""));
            if (OUR_MESSAGES.contains(message)) {
                throw refused(user, name, new AuthorizationException("ClusterCalls sends this message itself, after "
                        + "its own checks; an SME withdraws an application in the portal."));
            }
            boolean admin = isAdmin(user);
            if (!admin && INSTALLATION_READS.contains(name)) {
                throw refused(user, name, new AuthorizationException("Only administrators may see this: it "
                        + "concerns the whole installation, not one cluster."));
            }
            boolean read = command instanceof AbstractQuery<?, ?>
                    || READ_PREFIXES.stream().anyMatch(name::startsWith);
            if (!admin && !read && !STAFF_CHANGES.contains(name)) {
                throw refused(user, name, new AuthorizationException("Only administrators may do this through the "
                        + "engine's APIs; staff claim and complete their tasks and draft calls."));
            }
            checkStart(command, user, admin, name);
        }

        private void checkStart(Command<?> command, Authentication user, boolean admin, String name) {
            ProcessInstantiationBuilderImpl instantiation = CommandInputs.instantiation(command);
            String definitionId;
            Map<String, Object> variables;
            if (instantiation != null) {
                definitionId = instantiation.getProcessDefinitionId();
                variables = instantiation.getVariables();
                boolean instructions = command instanceof StartProcessInstanceAtActivitiesCmd
                        || !instantiation.getModificationBuilder().getModificationOperations().isEmpty();
                if (!admin && (instructions || instantiation.getTenantId() != null)) {
                    throw refused(user, name, new AuthorizationException("Only administrators may start a process "
                            + "at a chosen step or in a chosen cluster."));
                }
                if (definitionId == null) {
                    definitionId = latestDefinition(instantiation.getProcessDefinitionKey());
                }
            } else if (command instanceof SubmitStartFormCmd submit) {
                definitionId = CommandInputs.startFormDefinitionId(submit);
                variables = CommandInputs.startFormVariables(submit);
            } else {
                return;
            }
            String formId = startFormOfDefinition.computeIfAbsent(definitionId, this::startFormOf);
            if (formId.isEmpty()) {
                throw refused(user, name, new AuthorizationException("This process is started by ClusterCalls "
                        + "itself (an application when an SME submits it in the portal), not through the engine."));
            }
            checkFields(user, name, formId, variables);
        }

        private String latestDefinition(String key) {
            var definition = configuration.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            if (definition == null) {
                throw new org.camunda.bpm.engine.exception.NotFoundException("No process is called " + key + ".");
            }
            return definition.getId();
        }

        /** The Camunda Form of the process's start event, or "" when people do not start it with a form. */
        private String startFormOf(String definitionId) {
            return configuration.getRepositoryService().getBpmnModelInstance(definitionId)
                    .getModelElementsByType(StartEvent.class).stream()
                    .filter(start -> start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                    .map(StartEvent::getCamundaFormRef).filter(ref -> ref != null && !ref.isBlank())
                    .findFirst().orElse("");
        }
    }

    /**
     * The checks that need the engine's data (a task's form, a job's instance), inside the command's transaction, and
     * the translation of our rules' refusals into the engine's own 4xx exceptions.
     */
    private final class Inside extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (OUTER.get() != command) {
                return next.execute(command);
            }
            Authentication user = user();
            if (user != null && Boolean.TRUE.equals(THROUGH_DOOR.get())) {
                checkData(command, user);
            }
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                if (command instanceof ExecuteJobsCmd) {
                    throw e;
                }
                RuntimeException refusal = refusalWithin(e, Boolean.TRUE.equals(THROUGH_DOOR.get()));
                if (refusal == null) {
                    throw e;
                }
                throw refused(user, commandName(command), refusal);
            }
        }

        private void checkData(Command<?> command, Authentication user) {
            CommandContext context = Context.getCommandContext();
            String taskId = CommandInputs.completedTaskId(command);
            if (taskId != null) {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task != null) {
                    checkFields(user, commandName(command), formOf(task), CommandInputs.completionVariables(command));
                }
            }
            if (command instanceof SetJobRetriesCmd retries && !isAdmin(user)) {
                List<String> jobs = CommandInputs.retriedJobs(retries);
                boolean ofInstances = jobs != null && jobs.stream().map(id -> context.getJobManager().findJobById(id))
                        .allMatch(job -> job == null || job.getProcessInstanceId() != null);
                if (!ofInstances) {
                    throw refused(user, commandName(command), new AuthorizationException("Only administrators may "
                            + "retry the installation's own jobs or every job of a definition."));
                }
            }
        }

        private String formOf(TaskEntity task) {
            var definition = task.getTaskDefinition();
            if (definition == null || definition.getFormDefinition() == null
                    || definition.getFormDefinition().getCamundaFormDefinitionKey() == null) {
                return null;
            }
            return definition.getFormDefinition().getCamundaFormDefinitionKey().getExpressionText();
        }
    }

    /** Each variable must be a field of the form, of that field's kind. */
    private void checkFields(Authentication user, String command, String formId, Map<String, Object> variables) {
        Map<String, FormFieldCatalog.Kind> fields = forms.fields(formId);
        Map<String, String> problems = new TreeMap<>();
        variables.keySet().forEach(name -> {
            Object value = sentValue(variables, name);
            FormFieldCatalog.Kind kind = fields.get(name);
            if (kind == null) {
                problems.put(name, "'" + name + "' is not a field of this form.");
            } else if (!kind.accepts(value)) {
                problems.put(name, "'" + name + "' must be " + kind.describe() + ".");
            } else if (value instanceof CharSequence text && text.length() > forms.maxLength(formId, name)) {
                problems.put(name, "'" + name + "' is longer than " + forms.maxLength(formId, name) + " characters.");
            }
        });
        if (!problems.isEmpty()) {
            throw refused(user, command, new Refusal(String.join(" ", problems.values()), null));
        }
    }

    /**
     * The value as sent. An object sent serialized (type Object) stays so, of no field's kind: reading its value
     * would ask the engine to deserialize it, which it refuses with an error instead of our refusal.
     */
    private static Object sentValue(Map<String, Object> variables, String name) {
        if (variables instanceof VariableMap typed && typed.getValueTyped(name) instanceof SerializableValue object
                && !object.isDeserialized()) {
            return object;
        }
        return variables.get(name);
    }

    /** A rule's refusal of what a person sent: the engine logs it at DEBUG, our log says it in one line. */
    static final class Refusal extends BadUserRequestException {

        Refusal(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The engine's refusal of a command on another tenant's task or instance, which it reports as a failure. */
    private static final String OTHER_TENANT = "ENGINE-13034";

    /** Our rule's refusal inside what the engine threw (it wraps a listener's exception), as the engine's 4xx kind. */
    private static RuntimeException refusalWithin(Throwable e, boolean throughDoor) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
                return cause == e ? null : (RuntimeException) cause;
            }
            if (throughDoor && cause.getMessage() != null && cause.getMessage().startsWith(OTHER_TENANT)) {
                return new AuthorizationException("This belongs to another cluster: you may not work on it.");
            }
            if (cause instanceof ForbiddenException forbidden) {
                AuthorizationException refusal = new AuthorizationException(forbidden.getMessage());
                refusal.initCause(forbidden);
                return refusal;
            }
            if (cause instanceof InvalidInputException || cause instanceof ConflictException
                    || cause instanceof NotFoundException) {
                return new Refusal(cause.getMessage(), cause);
            }
        }
        return null;
    }

    private static RuntimeException refused(Authentication user, String command, RuntimeException refusal) {
        log.info("Refused {} for {}: {}", command, user == null ? "the engine" : user.getUserId(),
                refusal.getMessage());
        if (Boolean.TRUE.equals(THROUGH_DOOR.get())) {
            REFUSAL.set(refusal.getMessage());
        }
        return refusal;
    }

    /** The command's class, or the class it belongs to for the engine's inner commands (a report's query). */
    private static String commandName(Command<?> command) {
        Class<?> type = command.getClass();
        while (type.getEnclosingClass() != null && type.isAnonymousClass()) {
            type = type.getEnclosingClass();
        }
        String name = type.getSimpleName();
        Class<?> outer = type.getEnclosingClass();
        return outer != null && INSTALLATION_READS.contains(outer.getSimpleName()) ? outer.getSimpleName() : name;
    }

    /** Marks the current thread as serving a request through a door (see {@link EngineDoorFilter}). */
    static void enter() {
        THROUGH_DOOR.set(Boolean.TRUE);
    }

    static void leave() {
        THROUGH_DOOR.remove();
        REFUSAL.remove();
    }

    /** Our sentence if a rule refused what the current door's request asked, else null. */
    static String refusal() {
        return REFUSAL.get();
    }
}
