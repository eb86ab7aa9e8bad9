package eu.clustercalls.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.ApplicationViews;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.config.Deadlines;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.Criterion;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.ViewWords;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.FormValues;

/**
 * Evaluation of eligible applications: evaluators of the call's cluster are assigned by a balanced round-robin
 * (never a user of the applicant company), declare conflicts of interest, score blind against the call's rubric;
 * the final score is the mean, or a call manager's consensus where the evaluators disagree.
 */
@Service
public class EvaluationService {

    /** Totals that differ by this share of the rubric's maximum or more need a consensus. */
    static final BigDecimal DISAGREEMENT = new BigDecimal("0.30");

    private final EvaluationRepository evaluations;
    private final ApplicationRepository applications;
    private final ApplicationViews views;
    private final CallService calls;
    private final CompanyService companies;
    private final IdentityService identityService;
    private final StaffDirectory staff;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Clock clock;
    private final TaskService taskService;
    private final Deadlines deadlines;
    private final StaffViewWords words;

    EvaluationService(EvaluationRepository evaluations, ApplicationRepository applications, ApplicationViews views,
            CallService calls, CompanyService companies, IdentityService identityService, StaffDirectory staff,
            AuditService audit, NotificationService notifications, Clock clock, TaskService taskService,
            Deadlines deadlines, StaffViewWords words) {
        this.evaluations = evaluations;
        this.applications = applications;
        this.views = views;
        this.calls = calls;
        this.companies = companies;
        this.identityService = identityService;
        this.staff = staff;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.taskService = taskService;
        this.deadlines = deadlines;
        this.words = words;
    }

    /** One evaluation slot per evaluator the call asks for: 1, 2, … */
    @Transactional(readOnly = true)
    public List<Integer> slots(Long applicationId) {
        return IntStream.rangeClosed(1, calls.get(application(applicationId).getCallId()).getEvaluatorsPerApplication())
                .boxed().toList();
    }

    /**
     * Assigns the slot to the evaluator of the cluster with the fewest evaluations in this call (then by name),
     * leaving out users of the applicant company and anyone who already had this application. Returns the
     * evaluator, or null when nobody is left.
     */
    @Transactional
    public String assign(Long applicationId, int slot) {
        Application application = application(applicationId);
        FundingCall call = calls.get(application.getCallId());
        if (application.getStatus() != ApplicationStatus.IN_EVALUATION) {
            application.startEvaluation();
        }
        Set<String> excluded = evaluations.findByApplicationIdOrderById(applicationId).stream()
                .map(Evaluation::getEvaluator).collect(Collectors.toSet());
        excluded.addAll(companies.get(application.getCompanyId()).getContacts());
        Map<String, Long> load = evaluations.loadByEvaluator(call.getId()).stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
        String chosen = identityService.createUserQuery().memberOfGroup(Roles.EVALUATORS)
                .memberOfTenant(call.getClusterId()).list().stream()
                .map(User::getId)
                .filter(candidate -> !excluded.contains(candidate))
                .min(Comparator.<String>comparingLong(candidate -> load.getOrDefault(candidate, 0L))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(null);
        if (chosen == null) {
            audit.record(application, "system", "NO_EVALUATOR_LEFT", "slot " + slot,
                    "Every evaluator of the cluster has had this application or acts for the applicant.");
            return null;
        }
        evaluations.save(new Evaluation(applicationId, call.getId(), call.getClusterId(), slot, chosen, clock.instant()));
        audit.record(application, "system", "EVALUATOR_ASSIGNED", chosen, "slot " + slot);
        notifications.queue(List.of(chosen), NotificationType.EVALUATION_ASSIGNED, application,
                Map.of("reference", application.reference(), "callTitle", call.getTitle(),
                        "dueOn", deadlines.evaluationDue().toInstant(), "path", NotificationService.TASKLIST));
        return chosen;
    }

    /**
     * The application was withdrawn: each evaluator still working on it is released from it (their task is cancelled
     * with the process), and the trail says so.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseOpen(Application application) {
        evaluations.findByApplicationIdOrderById(application.getId()).stream().filter(Evaluation::isOpen)
                .forEach(evaluation -> {
                    evaluation.release(clock.instant());
                    audit.record(application, "system", "EVALUATION_RELEASED", evaluation.getEvaluator(),
                            "slot " + evaluation.getSlot() + "; the application was withdrawn.");
                });
    }

    /**
     * Records the evaluator's declaration and scores for the evaluation slot the task belongs to: only the evaluator
     * that slot is assigned to may fill it (another evaluator of the same application has a slot of their own).
     * Returns true when a conflict of interest was declared, so that the slot is handed on to another evaluator.
     */
    @Transactional
    public boolean record(Long applicationId, int slot, String evaluator, EvaluationInput input) {
        Application application = application(applicationId);
        FundingCall call = calls.get(application.getCallId());
        ViewWords words = this.words.of(call.getClusterId());
        Evaluation evaluation = evaluations.findByApplicationIdOrderById(applicationId).stream()
                .filter(e -> e.getSlot() == slot && e.isOpen()).findFirst()
                .filter(e -> e.getEvaluator().equals(evaluator))
                .orElseThrow(() -> new ForbiddenException(words.get("refusal.evaluation.notYours",
                        application.reference())));
        if (input.conflict()) {
            if (input.conflictReason() == null || input.conflictReason().isBlank()) {
                throw new InvalidInputException("conflictReason", words.get("refusal.evaluation.conflictReason"));
            }
            evaluation.declareConflict(input.conflictReason().strip());
            audit.record(application, evaluator, "CONFLICT_DECLARED", "handed over to another evaluator",
                    input.conflictReason().strip());
            return true;
        }
        evaluation.submit(checkedScores(call, input.scores(), words), FormValues.blankToNull(input.comment()),
                clock.instant());
        audit.record(application, evaluator, "EVALUATION_SUBMITTED", evaluation.getTotal() + " of " + call.maxScore(),
                FormValues.blankToNull(input.comment()));
        // Tasklist closes the form without a word: the evaluator's confirmation that her scores are in.
        notifications.queue(List.of(evaluator), NotificationType.EVALUATION_RECORDED, application,
                Map.of("reference", application.reference(), "callTitle", call.getTitle(),
                        "total", evaluation.getTotal(), "maxScore", call.maxScore(),
                        "threshold", Formats.number(call.getScoreThreshold()), "path", NotificationService.TASKLIST));
        return false;
    }

    private static Map<String, Integer> checkedScores(FundingCall call, Map<String, Integer> given, ViewWords words) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Criterion criterion : call.getCriteria()) {
            Integer points = given == null ? null : given.get(criterion.code());
            if (points == null) {
                problems.put("scores." + criterion.code(), words.get("refusal.evaluation.score", criterion.name()));
            } else if (points < 0 || points > criterion.maxPoints()) {
                problems.put("scores." + criterion.code(), words.get("refusal.evaluation.scoreRange", criterion.name(),
                        String.valueOf(criterion.maxPoints())));
            } else {
                scores.put(criterion.code(), points);
            }
        }
        if (given != null) {
            given.keySet().stream().filter(code -> call.getCriteria().stream().noneMatch(c -> c.code().equals(code)))
                    .forEach(code -> problems.put("scores." + code,
                            words.get("refusal.evaluation.noSuchCriterion", code)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return scores;
    }

    /**
     * Once every slot is scored: the final score is the mean of the totals, unless they differ by 30 % of the
     * maximum or more. Returns whether a call manager must set the score by consensus.
     */
    @Transactional
    public boolean settle(Long applicationId) {
        Application application = application(applicationId);
        FundingCall call = calls.get(application.getCallId());
        List<Integer> totals = evaluations.findByApplicationIdOrderById(applicationId).stream()
                .filter(Evaluation::isSubmitted).map(Evaluation::getTotal).toList();
        int spread = totals.stream().max(Integer::compare).orElse(0) - totals.stream().min(Integer::compare).orElse(0);
        if (BigDecimal.valueOf(spread).compareTo(DISAGREEMENT.multiply(BigDecimal.valueOf(call.maxScore()))) >= 0) {
            audit.record(application, "system", "CONSENSUS_NEEDED", "totals " + totals,
                    "The totals differ by " + spread + " points, 30 % of " + call.maxScore() + " or more.");
            return true;
        }
        BigDecimal mean = BigDecimal.valueOf(totals.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
        application.recordFinalScore(mean, "system", null);
        audit.record(application, "system", "SCORE_SETTLED", Formats.number(mean) + " of " + call.maxScore(),
                "Mean of " + totals);
        return false;
    }

    @Transactional
    public void recordConsensus(Long applicationId, String manager, BigDecimal score, String reason) {
        Application application = application(applicationId);
        FundingCall call = calls.get(application.getCallId());
        staff.require(manager, Roles.CALL_MANAGERS, call.getClusterId(), "set a score by consensus");
        ViewWords words = this.words.of(call.getClusterId());
        Map<String, String> problems = new LinkedHashMap<>();
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(call.maxScore())) > 0) {
            problems.put(ApplicationProcess.FIELD_FINAL_SCORE, words.get("refusal.evaluation.finalScoreRange",
                    String.valueOf(call.maxScore())));
        } else if (FormValues.decimals(score) > 2) {
            problems.put(ApplicationProcess.FIELD_FINAL_SCORE, words.get("refusal.evaluation.finalScoreDecimals"));
        }
        if (reason == null || reason.isBlank()) {
            problems.put(ApplicationProcess.FIELD_CONSENSUS_REASON, words.get("refusal.evaluation.finalScoreReason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BigDecimal finalScore = score.setScale(2, RoundingMode.HALF_UP);
        application.recordFinalScore(finalScore, manager, reason.strip());
        audit.record(application, manager, "SCORE_SET_BY_CONSENSUS", Formats.number(finalScore) + " of " + call.maxScore(),
                reason.strip());
    }

    /**
     * Completes the evaluator's open task with the given declaration or scores, as the form in Tasklist does; the
     * task's listener stores them (and refuses what breaks the rubric).
     */
    @Transactional
    public void submitThroughTask(Long applicationId, String evaluator, EvaluationInput input) {
        Application application = application(applicationId);
        Task task = taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_EVALUATE).taskAssignee(evaluator).singleResult();
        if (task == null) {
            throw new NotFoundException("You have no open evaluation of application " + applicationId + ".");
        }
        if (!input.conflict()) {
            // The form has one field per criterion of the rubric and would drop any other: check them here, so
            // that a criterion the rubric does not have is refused rather than ignored.
            FundingCall call = calls.get(application.getCallId());
            checkedScores(call, input.scores(), words.of(call.getClusterId()));
        }
        Map<String, Object> form = new HashMap<>();
        form.put(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST, input.conflict() ? "YES" : "NO");
        form.put(ApplicationProcess.FIELD_CONFLICT_REASON, input.conflictReason());
        form.put(ApplicationProcess.FIELD_EVALUATION_COMMENT, input.comment());
        if (input.scores() != null) {
            input.scores().forEach((code, points) -> form.put(EvaluationForm.field(code), points));
        }
        taskService.complete(task.getId(), form);
    }

    /**
     * Blind scoring: call managers of the cluster see every evaluation; an evaluator of the application sees the
     * others only once their own is in.
     */
    @Transactional(readOnly = true)
    public List<Evaluation> visibleTo(Long applicationId, String user) {
        Application application = application(applicationId);
        List<Evaluation> all = evaluations.findByApplicationIdOrderById(applicationId);
        if (staff.hasRole(user, Roles.CALL_MANAGERS) && staff.worksFor(user, application.tenantId())) {
            return all;
        }
        List<Evaluation> own = all.stream().filter(e -> e.getEvaluator().equals(user)).toList();
        if (own.isEmpty()) {
            throw new NotFoundException("There is no application " + applicationId + " for you to evaluate.");
        }
        if (own.stream().noneMatch(Evaluation::isSubmitted)) {
            throw new ForbiddenException("You will see the other evaluators' scores once you have submitted your own.");
        }
        return all;
    }

    /**
     * Points per criterion, averaged over the evaluators (what the applicant is told, without names), for many
     * applications at once (read in chunks that every database accepts in an IN list).
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, BigDecimal>> averageScores(List<Long> applicationIds) {
        return averageScores(applicationIds, 1);
    }

    /** The same, to that many decimals (the EU report gives two). */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, BigDecimal>> averageScores(List<Long> applicationIds, int decimals) {
        Map<Long, Map<String, BigDecimal>> averages = new HashMap<>();
        for (int from = 0; from < applicationIds.size(); from += 1000) {
            evaluations.findByApplicationIdIn(applicationIds.subList(from, Math.min(from + 1000, applicationIds.size())))
                    .stream().collect(Collectors.groupingBy(Evaluation::getApplicationId))
                    .forEach((id, ofOne) -> averages.put(id, averagesOf(ofOne, decimals)));
        }
        return averages;
    }

    private static Map<String, BigDecimal> averagesOf(List<Evaluation> ofOneApplication, int decimals) {
        List<Evaluation> submitted = ofOneApplication.stream().filter(Evaluation::isSubmitted).toList();
        Map<String, BigDecimal> averages = new LinkedHashMap<>();
        submitted.stream().flatMap(e -> e.getScores().keySet().stream()).distinct().forEach(code -> averages.put(code,
                BigDecimal.valueOf(submitted.stream().mapToInt(e -> e.getScores().getOrDefault(code, 0)).sum())
                        .divide(BigDecimal.valueOf(submitted.size()), decimals, RoundingMode.HALF_UP)));
        return averages;
    }

    /** What the evaluator sees in form_evaluate: the application and the rubric, never the other scores. */
    @Transactional(readOnly = true)
    public FormView evaluationView(Long applicationId) {
        Application application = application(applicationId);
        FundingCall call = calls.get(application.getCallId());
        ViewWords words = this.words.of(application.tenantId());
        FormView view = views.describe(applicationId, words)
                .text("rubric", call.getCriteria().stream()
                        .map(c -> words.get("evaluation.criterion", c.name(), String.valueOf(c.maxPoints()),
                                levels(c, words)))
                        .collect(Collectors.joining("\n")) + "\n\n" + words.get("evaluation.rubricTotal",
                                String.valueOf(call.maxScore()), words.number(call.getScoreThreshold())));
        // The form checks each score against this call's maximum (maxRelevance, …) before it is sent.
        call.getCriteria().forEach(c -> view.variable("max" + EvaluationForm.field(c.code()).substring("score".length()),
                c.maxPoints()));
        // Its running total reads these while the evaluator scores.
        view.variable("maxTotal", call.maxScore()).variable("scoreThreshold", call.getScoreThreshold().doubleValue());
        return view;
    }

    /** The general scale of a criterion, from its maximum: none, in part (the middle), fully. */
    static String levels(Criterion criterion, ViewWords words) {
        int max = criterion.maxPoints();
        return max / 2 > 0 && max / 2 < max
                ? words.get("evaluation.levels", String.valueOf(max / 2), String.valueOf(max))
                : words.get("evaluation.levels.noMiddle", String.valueOf(max));
    }

    /** What the call manager sees in form_consensus: the application and every evaluation. */
    @Transactional(readOnly = true)
    public FormView consensusView(Long applicationId) {
        Application application = application(applicationId);
        FundingCall call = calls.get(application.getCallId());
        ViewWords words = this.words.of(application.tenantId());
        String maxScore = String.valueOf(call.maxScore());
        return views.describe(applicationId, words)
                .text("evaluationsSummary", evaluations.findByApplicationIdOrderById(applicationId).stream()
                        .filter(Evaluation::isSubmitted)
                        .map(e -> words.get("evaluation.summary", Formats.markdownText(e.getEvaluator()),
                                String.valueOf(e.getTotal()), maxScore, call.getCriteria().stream()
                                        .map(c -> c.name() + " " + e.getScores().get(c.code()))
                                        .collect(Collectors.joining(", ")))
                                + (e.getComment() == null ? "" : " — " + Formats.markdownText(e.getComment())))
                        .collect(Collectors.joining("\n")))
                .text("maxScore", call.maxScore())
                // The final score's field checks against it too.
                .variable("maxScore", call.maxScore());
    }

    /** What the call manager sees in form_add_evaluator. */
    @Transactional(readOnly = true)
    public FormView missingEvaluatorView(Long applicationId) {
        Application application = application(applicationId);
        ViewWords words = this.words.of(application.tenantId());
        return views.describe(applicationId, words)
                .text("excludedEvaluators", evaluations.findByApplicationIdOrderById(applicationId).stream()
                        .map(e -> Formats.markdownText(e.getEvaluator() + " (" + (e.isConflict()
                                ? words.get("evaluation.conflict", e.getConflictReason())
                                : words.get(e.isSubmitted() ? "evaluation.evaluated" : "evaluation.evaluating")) + ")"))
                        .collect(Collectors.joining(", ")))
                .text("clusterId", application.tenantId());
    }

    /** The call managers of the cluster are told that an evaluator is needed. */
    @Transactional
    public void askForEvaluator(Long applicationId) {
        Application application = application(applicationId);
        notifications.queue(staff.members(Roles.CALL_MANAGERS, application.tenantId()), NotificationType.EVALUATOR_NEEDED,
                application, Map.of("reference", application.reference(),
                        "callTitle", calls.get(application.getCallId()).getTitle(), "path", NotificationService.TASKLIST));
    }

    /** A call manager of the cluster says an evaluator was added: the slot is assigned again. */
    @Transactional
    public void recordEvaluatorAdded(Long applicationId, String manager) {
        Application application = application(applicationId);
        staff.require(manager, Roles.CALL_MANAGERS, application.tenantId(), "add evaluators");
        audit.record(application, manager, "EVALUATOR_ADDED", null,
                "An evaluator was added to the cluster; the open evaluation slot is assigned again.");
    }

    private Application application(Long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("There is no application " + applicationId + "."));
    }

}
