package eu.clustercalls.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.ApplicationLine;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.StatusFigures;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.NotFoundException;

/**
 * What a call manager follows of a call: the funnel from submission to payment, the budget, the overdue tasks and
 * where the engine's instances stand. Figures are counted by the database (a call may have 10,000 applications);
 * only claims and overdue tasks, a few hundred at most per call, are read as rows, each kind in one query.
 */
@Service
class DashboardService {

    /** The processes whose instances carry the call's id, in the order of a call's life. */
    private static final List<String> PROCESSES = List.of(FundingCallProcess.KEY, ApplicationProcess.KEY,
            ReimbursementProcess.KEY);
    /** Enough overdue tasks to act on; Tasklist has the rest. */
    static final int OVERDUE_LIMIT = 100;

    private final CallService calls;
    private final ApplicationService applications;
    private final ClaimService claims;
    private final PaymentService payments;
    private final ClusterOrganisationService clusters;
    private final StaffDirectory staff;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    /** The engine's own tables, for the counts its API would take one query per activity or task to give. */
    private final NamedParameterJdbcTemplate engineTables;
    private final Clock clock;

    DashboardService(CallService calls, ApplicationService applications, ClaimService claims, PaymentService payments,
            ClusterOrganisationService clusters, StaffDirectory staff,
            RuntimeService runtimeService, RepositoryService repositoryService, JdbcTemplate jdbc, Clock clock) {
        this.calls = calls;
        this.applications = applications;
        this.claims = claims;
        this.payments = payments;
        this.clusters = clusters;
        this.staff = staff;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.engineTables = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    record CallOverview(Long id, String reference, String title, String clusterName, String status, Instant closesAt,
            long applications) {
    }

    /** The call's stages, each counting the applications that reached it (see the definitions on the page). */
    record Funnel(long submitted, long eligible, long evaluated, long selected, long confirmed, long claimed,
            long paid) {

        public Map<String, Long> stages() {
            Map<String, Long> stages = new LinkedHashMap<>();
            stages.put("submitted", submitted);
            stages.put("eligible", eligible);
            stages.put("evaluated", evaluated);
            stages.put("selected", selected);
            stages.put("confirmed", confirmed);
            stages.put("claimed", claimed);
            stages.put("paid", paid);
            return stages;
        }
    }

    /** Requested by all applications; committed to confirmed ones; awaiting the SMEs' confirmation; paid. */
    record Budget(BigDecimal budget, BigDecimal requested, BigDecimal committed, BigDecimal awaitingConfirmation,
            BigDecimal paid) {

        public BigDecimal remaining() {
            return budget.subtract(committed);
        }

        public Map<String, BigDecimal> figures() {
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            figures.put("requested", requested);
            figures.put("committed", committed);
            figures.put("paid", paid);
            figures.put("remaining", remaining());
            return figures;
        }
    }

    /** A task past its due date; owner is its assignee, or else its candidate groups and users. */
    record OverdueTask(String id, String name, String applicationReference, String companyName, Instant due,
            Duration late, String assignee, List<String> candidates) {
    }

    /** How many of the call's instances of that process wait at that activity now, as Cockpit counts them. */
    record EngineCount(String processKey, String activityId, String activityName, long instances) {
    }

    /** An application with what was claimed and paid for it. */
    record ApplicationRow(ApplicationLine line, BigDecimal awarded, BigDecimal claimed, BigDecimal paid) {
    }

    /** The calls the user manages (every call for an administrator), with their number of applications. */
    @Transactional(readOnly = true)
    public List<CallOverview> callsOf(String user) {
        List<FundingCall> visible = staff.hasRole(user, Roles.ADMIN) ? calls.publicCalls()
                : staff.hasRole(user, Roles.CALL_MANAGERS) ? calls.publicCallsOf(staff.clustersOf(user)) : List.of();
        Map<Long, Long> counts = applications.countPerCall(visible.stream().map(FundingCall::getId).toList());
        Map<String, String> clusterNames = clusters.names();
        return visible.stream().map(call -> new CallOverview(call.getId(), call.reference(), call.getTitle(),
                clusterNames.get(call.getClusterId()), call.getStatus().name(), call.getClosesAt(),
                counts.getOrDefault(call.getId(), 0L))).toList();
    }

    /** The call, if the user manages it; another cluster's call is answered as if it did not exist. */
    @Transactional(readOnly = true)
    public FundingCall call(String user, Long callId) {
        FundingCall call = calls.getPublic(callId);
        if (!manages(user, call)) {
            throw new NotFoundException("There is no call " + callId + ".");
        }
        return call;
    }

    @Transactional(readOnly = true)
    boolean manages(String user, Long callId) {
        return manages(user, calls.get(callId));
    }

    private boolean manages(String user, FundingCall call) {
        return staff.hasRole(user, Roles.ADMIN)
                || (staff.hasRole(user, Roles.CALL_MANAGERS) && staff.worksFor(user, call.getClusterId()));
    }

    String clusterName(FundingCall call) {
        return clusters.get(call.getClusterId()).getName();
    }

    @Transactional(readOnly = true)
    public Funnel funnel(FundingCall call) {
        Map<ApplicationStatus, Long> counts = applications.figuresByStatus(call.getId()).stream()
                .collect(Collectors.toMap(StatusFigures::status, StatusFigures::count));
        List<ExpenseClaim> ofCall = claims.claimsOfCall(call.getId());
        Map<Long, BigDecimal> paid = payments.paidPerClaim(ofCall.stream().map(ExpenseClaim::getId).toList());
        return new Funnel(counts.values().stream().mapToLong(Long::longValue).sum(),
                applications.countFoundEligible(call.getId()),
                applications.countScored(call.getId()),
                ApplicationStatus.EVER_SELECTED.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum(),
                ApplicationStatus.EVER_CONFIRMED.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum(),
                ofCall.stream().filter(claim -> claim.getSubmittedAt() != null).count(),
                paid.size());
    }

    @Transactional(readOnly = true)
    public Budget budget(FundingCall call) {
        BigDecimal requested = applications.figuresByStatus(call.getId()).stream().map(StatusFigures::requested)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Long> claimIds = claims.claimsOfCall(call.getId()).stream().map(ExpenseClaim::getId).toList();
        BigDecimal paid = payments.paidPerClaim(claimIds).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Budget(call.effectiveBudget(), requested,
                applications.sumGrants(call, ApplicationStatus.GRANT_COMMITTED),
                applications.sumGrants(call, List.of(ApplicationStatus.SELECTED)), paid);
    }

    /**
     * The call's tasks past their due date, the most overdue first. Read from the engine's tables, starting from the
     * instances' callId variable, not with the engine's task query and its process-variable filter: that filter is a
     * correlated EXISTS, and in that shape the engine counts below did not finish in 2 minutes on H2 with 10,000
     * instances of the call.
     */
    @Transactional(readOnly = true)
    public List<OverdueTask> overdueTasks(FundingCall call) {
        Instant now = clock.instant();
        record Row(String id, String name, Instant due, String assignee, String processInstanceId) {
        }
        List<Row> tasks = engineTables.query("""
                select T.ID_, T.NAME_, T.DUE_DATE_, T.ASSIGNEE_, T.PROC_INST_ID_
                from ACT_RU_VARIABLE V join ACT_RU_TASK T on T.PROC_INST_ID_ = V.PROC_INST_ID_
                where V.NAME_ = :callVariable and V.EXECUTION_ID_ = V.PROC_INST_ID_ and V.TASK_ID_ is null
                  and V.TYPE_ = 'long' and V.LONG_ = :callId
                  and T.TENANT_ID_ = :tenant and T.DUE_DATE_ < :now
                order by T.DUE_DATE_, T.ID_
                fetch first %d rows only
                """.formatted(OVERDUE_LIMIT), Map.of("callVariable", FundingCallProcess.VAR_CALL_ID, "callId", call.getId(),
                        "tenant", call.getClusterId(), "now", Timestamp.from(now)),
                (row, n) -> new Row(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getString(4), row.getString(5)));
        Map<String, Long> applicationOfInstance = applicationsOfInstances(
                tasks.stream().map(Row::processInstanceId).distinct().toList());
        Map<Long, ApplicationLine> lines = applications.lines(applicationOfInstance.values().stream().distinct().toList())
                .stream().collect(Collectors.toMap(ApplicationLine::id, Function.identity()));
        Map<String, List<String>> candidates = candidatesOf(tasks.stream()
                .filter(task -> task.assignee() == null).map(Row::id).toList());
        return tasks.stream().map(task -> {
            ApplicationLine line = lines.get(applicationOfInstance.get(task.processInstanceId()));
            return new OverdueTask(task.id(), task.name(), line == null ? call.reference() : line.reference(),
                    line == null ? null : line.companyName(), task.due(), Duration.between(task.due(), now),
                    task.assignee(), candidates.getOrDefault(task.id(), List.of()));
        }).toList();
    }

    /** The application id that each of these instances carries as a process variable, in one query. */
    private Map<String, Long> applicationsOfInstances(List<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> applicationOfInstance = new HashMap<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .variableName(ApplicationProcess.VAR_APPLICATION_ID)
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list()) {
            // The instance's own variable, not one of the same name local to an execution or a task within it.
            if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getTaskId() == null
                    && variable.getValue() instanceof Long id) {
                applicationOfInstance.put(variable.getProcessInstanceId(), id);
            }
        }
        return applicationOfInstance;
    }

    /**
     * The candidate groups and users of these tasks, in one query: the engine's API reads the identity links of one
     * task at a time.
     */
    private Map<String, List<String>> candidatesOf(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> candidates = new HashMap<>();
        engineTables.query("""
                select TASK_ID_, coalesce(GROUP_ID_, USER_ID_) from ACT_RU_IDENTITYLINK
                where TYPE_ = :type and TASK_ID_ in (:taskIds) and coalesce(GROUP_ID_, USER_ID_) is not null
                order by TASK_ID_, GROUP_ID_, USER_ID_
                """, Map.of("type", IdentityLinkType.CANDIDATE, "taskIds", taskIds), (ResultSet row) -> {
                    List<String> ofTask = candidates.computeIfAbsent(row.getString(1), task -> new ArrayList<>());
                    if (!ofTask.contains(row.getString(2))) {
                        ofTask.add(row.getString(2));
                    }
                });
        return candidates;
    }

    /**
     * The call's activity instances per activity, as Cockpit counts them (active executions at the activity: an
     * application with two evaluators at work counts twice), for this call's instances only: one grouped query over
     * the engine's executions, not one count per activity of every version (a call may have 10,000 instances),
     * starting from the instances' callId variable (a correlated EXISTS on it, as the engine's queries write it, did
     * not finish in 2 minutes on H2 with 10,000 instances). The body of a multi-instance activity is left out, its activity is
     * counted. By process, then by activity name.
     */
    @Transactional(readOnly = true)
    public List<EngineCount> engineCounts(FundingCall call) {
        Map<String, Map<String, Long>> instances = new HashMap<>();
        Map<String, ProcessDefinition> newest = new HashMap<>();
        engineTables.query("""
                select P.KEY_, E.PROC_DEF_ID_, E.ACT_ID_, count(*)
                from ACT_RU_VARIABLE V
                join ACT_RU_EXECUTION E on E.PROC_INST_ID_ = V.PROC_INST_ID_
                join ACT_RE_PROCDEF P on P.ID_ = E.PROC_DEF_ID_
                where V.NAME_ = :callVariable and V.EXECUTION_ID_ = V.PROC_INST_ID_ and V.TASK_ID_ is null
                  and V.TYPE_ = 'long' and V.LONG_ = :callId
                  and P.KEY_ in (:keys) and E.TENANT_ID_ = :tenant and E.IS_ACTIVE_ = :active and E.ACT_ID_ is not null
                group by P.KEY_, E.PROC_DEF_ID_, E.ACT_ID_
                """, Map.of("keys", PROCESSES, "tenant", call.getClusterId(), "active", true,
                        "callVariable", FundingCallProcess.VAR_CALL_ID, "callId", call.getId()), (ResultSet row) -> {
                    String key = row.getString(1);
                    String activityId = row.getString(3);
                    if (!activityId.contains("#")) {
                        instances.computeIfAbsent(key, k -> new HashMap<>()).merge(activityId, row.getLong(4), Long::sum);
                        // Instances of several versions count together, under the names of the newest.
                        newest.merge(key, repositoryService.getProcessDefinition(row.getString(2)),
                                (one, other) -> one.getVersion() >= other.getVersion() ? one : other);
                    }
                });
        List<EngineCount> counts = new ArrayList<>();
        for (String key : PROCESSES) {
            if (instances.containsKey(key)) {
                BpmnModelInstance model = repositoryService.getBpmnModelInstance(newest.get(key).getId());
                instances.get(key).entrySet().stream()
                        .map(count -> new EngineCount(key, count.getKey(), nameOf(model, count.getKey()), count.getValue()))
                        .sorted(Comparator.comparing(EngineCount::activityName))
                        .forEach(counts::add);
            }
        }
        return counts;
    }

    private static String nameOf(BpmnModelInstance model, String activityId) {
        FlowElement element = model.getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : element.getName();
    }

    /** A page of the call's applications, or all of them with {@link Pageable#unpaged()}, with claims and payments. */
    @Transactional(readOnly = true)
    public List<ApplicationRow> applications(FundingCall call, Pageable page) {
        List<ExpenseClaim> ofCall = claims.claimsOfCall(call.getId());
        Map<Long, BigDecimal> paidPerClaim = payments.paidPerClaim(ofCall.stream().map(ExpenseClaim::getId).toList());
        Map<Long, BigDecimal> claimed = new LinkedHashMap<>();
        Map<Long, BigDecimal> paid = new LinkedHashMap<>();
        for (ExpenseClaim claim : ofCall) {
            if (claim.getSubmittedAt() != null && claim.getClaimedAmount() != null) {
                claimed.put(claim.getApplicationId(), claim.getClaimedAmount());
            }
            if (paidPerClaim.containsKey(claim.getId())) {
                paid.put(claim.getApplicationId(), paidPerClaim.get(claim.getId()));
            }
        }
        return applications.linesOfCall(call.getId(), page).stream()
                .map(line -> new ApplicationRow(line, line.grantAwarded(call.getMaxGrant()), claimed.get(line.id()),
                        paid.get(line.id())))
                .toList();
    }
}
