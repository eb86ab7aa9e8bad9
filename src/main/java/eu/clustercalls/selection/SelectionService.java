package eu.clustercalls.selection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.Selection;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.evaluation.EvaluationService;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.ViewWords;

/**
 * Selection of a closed call: the ranking proposed by {@link Ranking}, the call managers' decision, the results
 * sent to every application, the selected SMEs' confirmation, and promotion from the reserve list when a slot
 * is freed.
 */
@Service
public class SelectionService {

    /** Applications of a call still waiting for an eligibility decision or a final score. */
    private static final Set<ApplicationStatus> UNSETTLED = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.IN_REVIEW, ApplicationStatus.CLARIFICATION_REQUESTED, ApplicationStatus.ELIGIBLE,
            ApplicationStatus.IN_EVALUATION);
    /** A move in the selection decision: "APP-12 RESERVE", "12 → MAIN". */
    private static final Pattern MOVE = Pattern.compile("(?i)^\\s*(?:APP-)?(\\d+)\\s*(?:->|→|to|:)?\\s*(MAIN|RESERVE|REJECTED)\\s*$");
    /** The first lines of each list that form_selection_decision shows: a call can have 10,000 applications. */
    private static final int SHOWN_PER_LIST = 100;

    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final CallService calls;
    private final CompanyService companies;
    private final ClusterOrganisationService organisations;
    private final EvaluationService evaluations;
    private final StaffDirectory staff;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Languages languages;
    private final DocumentService documents;
    private final AwardLetterPdf awardLetterPdf;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ClusterCallsProperties properties;
    private final Clock clock;
    private final StaffViewWords words;

    SelectionService(ApplicationRepository applications, ApplicationService applicationService, CallService calls,
            CompanyService companies, ClusterOrganisationService organisations, EvaluationService evaluations,
            StaffDirectory staff, AuditService audit, NotificationService notifications, DocumentService documents,
            AwardLetterPdf awardLetterPdf, RuntimeService runtimeService, TaskService taskService,
            ClusterCallsProperties properties, Clock clock, Languages languages, StaffViewWords words) {
        this.applications = applications;
        this.languages = languages;
        this.applicationService = applicationService;
        this.calls = calls;
        this.companies = companies;
        this.organisations = organisations;
        this.evaluations = evaluations;
        this.staff = staff;
        this.audit = audit;
        this.notifications = notifications;
        this.documents = documents;
        this.awardLetterPdf = awardLetterPdf;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.properties = properties;
        this.clock = clock;
        this.words = words;
    }

    /** Whether every application of the call has its eligibility decided and, if eligible, its final score. */
    @Transactional(readOnly = true)
    public boolean allSettled(Long callId) {
        return applications.countByCallIdAndStatusIn(callId, UNSETTLED) == 0;
    }

    /** Ranks the evaluated applications and proposes the main list, the reserve list and the rejections. */
    @Transactional
    public void propose(Long callId) {
        FundingCall call = calls.get(callId);
        List<Application> evaluated = applications.findByCallIdAndStatus(callId, ApplicationStatus.EVALUATED);
        Map<Long, Application> byId = evaluated.stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        List<Ranking.Placement> placements = Ranking.rank(evaluated.stream()
                        .map(a -> new Ranking.Candidate(a.getId(), a.getFinalScore(), a.getCompleteAt(), grantOf(a, call)))
                        .toList(),
                call.getScoreThreshold(), call.getSlots(), call.effectiveBudget());
        placements.forEach(p -> byId.get(p.applicationId()).place(p.rank(), p.selection(), null));
        Map<Selection, Long> counts = placements.stream().collect(Collectors.groupingBy(Ranking.Placement::selection,
                () -> new EnumMap<>(Selection.class), Collectors.counting()));
        audit.record(call, "system", "SELECTION_PROPOSED", counts.toString(),
                "Ranked by final score, ties to the earlier complete application; threshold "
                        + Formats.number(call.getScoreThreshold()) + ", " + call.getSlots() + " slots, budget "
                        + Formats.euros(call.effectiveBudget()) + ".");
    }

    private static BigDecimal grantOf(Application application, FundingCall call) {
        return application.grantAwarded(call.getMaxGrant());
    }

    /** What the call managers see in form_selection_decision. */
    @Transactional(readOnly = true)
    public FormView decisionView(Long callId) {
        FundingCall call = calls.get(callId);
        List<Application> placed = applications.findByCallIdAndSelectionIsNotNullOrderByRanking(callId);
        Map<Selection, List<Application>> lists = new EnumMap<>(Selection.class);
        for (Selection selection : Selection.values()) {
            lists.put(selection, placed.stream().filter(a -> a.getSelection() == selection).toList());
        }
        Map<Long, String> names = companies.legalNamesOf(lists.values().stream()
                .flatMap(listed -> listed.stream().limit(SHOWN_PER_LIST)).map(Application::getCompanyId).distinct().toList());
        ViewWords words = this.words.of(call.getClusterId());
        FormView view = new FormView()
                .text("callTitle", Formats.markdownText(call.getTitle()))
                .text("selectionRules", words.get("selection.rules", String.valueOf(call.getSlots()),
                        words.euros(call.effectiveBudget()), words.number(call.getScoreThreshold()),
                        String.valueOf(call.maxScore())));
        lists.forEach((selection, listed) -> view.text(selection.name().toLowerCase() + "List", words.list(listed.stream()
                .limit(SHOWN_PER_LIST)
                .map(a -> words.get("selection.ranked", String.valueOf(a.getRanking()), a.reference(),
                        names.get(a.getCompanyId()), words.number(a.getFinalScore()), words.euros(grantOf(a, call))))
                .toList(), listed.size())));
        return view;
    }

    /**
     * Records the call managers' decision: approve the proposal, or move applications between the lists with a
     * reason. The main list must still fit the slots and the budget, and no application below the threshold can
     * be selected or kept in reserve.
     */
    @Transactional
    public void decide(Long callId, String manager, String decision, String moves, String reason) {
        FundingCall call = calls.get(callId);
        staff.require(manager, Roles.CALL_MANAGERS, call.getClusterId(), "decide on the selection");
        ViewWords words = this.words.of(call.getClusterId());
        List<Application> placed = applications.findByCallIdAndSelectionIsNotNullOrderByRanking(callId);
        if ("APPROVE".equals(decision)) {
            audit.record(call, manager, "SELECTION_APPROVED", "as proposed", FormValues.blankToNull(reason));
            return;
        }
        if (!"MOVE".equals(decision)) {
            throw new InvalidInputException(FundingCallProcess.FIELD_SELECTION_DECISION,
                    words.get("refusal.selection.choice"));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(FundingCallProcess.FIELD_SELECTION_REASON,
                    words.get("refusal.selection.reason"));
        }
        Map<Long, Application> byId = placed.stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        Map<Application, Selection> requested = parseMoves(moves, byId, call, words);
        requested.forEach((application, selection) -> application.place(application.getRanking(), selection, reason.strip()));
        List<Application> main = placed.stream().filter(a -> a.getSelection() == Selection.MAIN).toList();
        BigDecimal committed = main.stream().map(a -> grantOf(a, call)).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (main.size() > call.getSlots() || committed.compareTo(call.effectiveBudget()) > 0) {
            throw new InvalidInputException(FundingCallProcess.FIELD_SELECTION_MOVES, words.get(
                    "refusal.selection.overfilled", String.valueOf(main.size()), words.euros(committed),
                    String.valueOf(call.getSlots()), words.euros(call.effectiveBudget())));
        }
        requested.forEach((application, selection) -> audit.record(application, manager, "SELECTION_MOVED",
                selection.name(), reason.strip()));
        audit.record(call, manager, "SELECTION_APPROVED", "with " + requested.size() + " moves", reason.strip());
    }

    private static Map<Application, Selection> parseMoves(String moves, Map<Long, Application> placed, FundingCall call,
            ViewWords words) {
        Map<Application, Selection> requested = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : (moves == null ? "" : moves).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher matcher = MOVE.matcher(line);
            if (!matcher.matches()) {
                problems.add(words.get("refusal.selection.notAMove", line.strip()));
                continue;
            }
            Application application = placed.get(Long.valueOf(matcher.group(1)));
            Selection selection = Selection.valueOf(matcher.group(2).toUpperCase());
            if (application == null) {
                problems.add(words.get("refusal.selection.notEvaluated", matcher.group(1)));
            } else if (selection != Selection.REJECTED
                    && application.getFinalScore().compareTo(call.getScoreThreshold()) < 0) {
                problems.add(words.get("refusal.selection.belowThreshold", application.reference()));
            } else {
                requested.put(application, selection);
            }
        }
        if (requested.isEmpty() && problems.isEmpty()) {
            problems.add(words.get("refusal.selection.noMoves"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(FundingCallProcess.FIELD_SELECTION_MOVES, String.join(" ", problems));
        }
        return requested;
    }

    /**
     * Tells every application its result: the SMEs by outbox message with their scores per criterion (never the
     * evaluators' names), the application processes by the SelectionDecided message.
     */
    @Transactional
    public void publish(Long callId) {
        FundingCall call = calls.get(callId);
        List<Application> placed = applications.findByCallIdAndSelectionIsNotNullOrderByRanking(callId);
        Map<Long, Set<String>> contacts = companies.contactsOf(placed.stream().map(Application::getCompanyId).distinct().toList());
        Map<Long, Map<String, BigDecimal>> scores = evaluations.averageScores(placed.stream().map(Application::getId).toList());
        Instant due = confirmationDue();
        // Rows of one kind one after the other, so that they are written in JDBC batches (10,000 in a large call).
        placed.forEach(application -> application.announce(due));
        placed.forEach(application -> audit.record(application, "system", "RESULT_PUBLISHED",
                application.getSelection().name(), application.getSelectionReason()));
        placed.forEach(application -> notifications.queue(contacts.get(application.getCompanyId()),
                NotificationType.SELECTION_RESULT, application,
                result(call, application, scores.getOrDefault(application.getId(), Map.of()))));
        // Each instance receives its result here and goes on in a job of its own (asyncAfter on the message event).
        placed.forEach(application -> runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_SELECTION_DECIDED)
                .processInstanceId(application.getProcessInstanceId())
                .setVariable(ApplicationProcess.VAR_SELECTION, application.getSelection().name())
                .correlate());
        calls.markResultsPublished(callId, "system");
    }

    /** The result mail's facts: the decision, with the final score and the score per criterion. */
    private static Map<String, Object> result(FundingCall call, Application application, Map<String, BigDecimal> scores) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", application.reference());
        model.put("callTitle", call.getTitle());
        model.put("selection", application.getSelection().name());
        model.put("rank", String.valueOf(application.getRanking()));
        model.put("confirmBy", application.getConfirmationDueAt());
        model.put("belowThreshold", application.getFinalScore().compareTo(call.getScoreThreshold()) < 0);
        model.put("threshold", call.getScoreThreshold());
        model.put("reason", application.getSelectionReason() == null ? "" : application.getSelectionReason());
        model.put("finalScore", application.getFinalScore());
        model.put("maxScore", String.valueOf(call.maxScore()));
        model.put("scores", call.getCriteria().stream().map(criterion -> new CriterionScore(criterion.name(),
                scores.getOrDefault(criterion.code(), BigDecimal.ZERO), criterion.maxPoints())).toList());
        model.put("path", "/portal/applications/" + application.getId());
        return model;
    }

    /** One line of the result mail's scores. */
    public record CriterionScore(String criterion, BigDecimal points, int maxPoints) {
    }

    private static final Duration CONFIRMATION_REMINDER_BEFORE = Duration.ofDays(3);

    private Instant confirmationDue() {
        return clock.instant().atZone(properties.timeZone()).plus(properties.confirmationPeriod()).toInstant();
    }

    /** When the selected SME's confirmation is due: the time its boundary timer fires and the SME was told. */
    @Transactional(readOnly = true)
    public Date confirmationDue(Long applicationId) {
        return Date.from(application(applicationId).getConfirmationDueAt());
    }

    /** When an SME that has not answered is reminded: 3 days before the deadline, or half-way if that is sooner. */
    @Transactional(readOnly = true)
    public Date confirmationReminder(Long applicationId) {
        Instant due = application(applicationId).getConfirmationDueAt();
        Duration left = Duration.between(clock.instant(), due);
        Duration before = left.dividedBy(2).compareTo(CONFIRMATION_REMINDER_BEFORE) < 0 ? left.dividedBy(2)
                : CONFIRMATION_REMINDER_BEFORE;
        return Date.from(due.minus(before));
    }

    /** The selected SME has not confirmed or declined yet: its contacts are reminded of the deadline. */
    @Transactional
    public void remindConfirmation(Long applicationId) {
        Application application = application(applicationId);
        if (application.getStatus() != ApplicationStatus.SELECTED) {
            return;
        }
        FundingCall call = calls.get(application.getCallId());
        audit.record(application, "system", "CONFIRMATION_REMINDER_SENT", null, null);
        notifications.queue(companies.get(application.getCompanyId()).getContacts(),
                NotificationType.CONFIRMATION_REMINDER, application, Map.of("reference", application.reference(),
                        "callTitle", call.getTitle(), "confirmBy", application.getConfirmationDueAt(),
                        "path", "/portal/todo"));
    }

    /** What the SME sees in form_confirm_participation. */
    @Transactional(readOnly = true)
    public FormView participationView(Long applicationId) {
        Application application = application(applicationId);
        FundingCall call = calls.get(application.getCallId());
        return new FormView().text("callTitle", Formats.markdownText(call.getTitle()))
                .text("activity", call.getActivityType().label() + " in " + Formats.markdownText(call.getDestinationCity())
                        + ", " + Formats.date(call.getActivityStart()) + " – " + Formats.date(call.getActivityEnd()))
                .text("confirmationDue", Formats.dateTime(application.getConfirmationDueAt().atZone(properties.timeZone())));
    }

    /** Completes the SME's confirmation task, as the portal does; the task's listener records the answer. */
    @Transactional
    public void answerParticipation(String username, Long applicationId, boolean confirm, String reason) {
        Application application = applicationService.applicationOf(username, applicationId);
        Task task = taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_CONFIRM_PARTICIPATION).singleResult();
        if (task == null) {
            throw new ConflictException(application.reference() + " is not waiting for a confirmation of participation.");
        }
        Map<String, Object> form = new HashMap<>();
        form.put(ApplicationProcess.FIELD_PARTICIPATION, confirm ? "CONFIRM" : "DECLINE");
        form.put(ApplicationProcess.FIELD_DECLINE_REASON, reason);
        taskService.complete(task.getId(), form);
    }

    /** Records the selected SME's answer; returns whether it takes part. */
    @Transactional
    public boolean recordParticipation(Long applicationId, String user, String answer, String reason) {
        Application application = application(applicationId);
        if (!companies.get(application.getCompanyId()).hasContact(user)) {
            throw new ForbiddenException("Only the applicant company's users can confirm or decline its participation.");
        }
        if (!"CONFIRM".equals(answer) && !"DECLINE".equals(answer)) {
            throw new InvalidInputException(ApplicationProcess.FIELD_PARTICIPATION, "Please confirm or decline.");
        }
        boolean confirmed = "CONFIRM".equals(answer);
        application.answerParticipation(confirmed ? ApplicationStatus.CONFIRMED : ApplicationStatus.DECLINED);
        audit.record(application, user, confirmed ? "PARTICIPATION_CONFIRMED" : "PARTICIPATION_DECLINED", null,
                FormValues.blankToNull(reason));
        return confirmed;
    }

    /**
     * The confirmed SME receives its award letter: the grant, how costs are reimbursed and until when to claim. The
     * letter is kept with the application as a PDF. Once sent, it is never sent again (the job may be retried).
     */
    @Transactional
    public void sendAwardLetter(Long applicationId) {
        Application application = application(applicationId);
        if (awardLetterDocumentId(applicationId).isPresent()) {
            return;
        }
        AwardLetter letter = awardLetter(application);
        String fileName = "award-letter-" + letter.applicationReference() + ".pdf";
        byte[] pdf = awardLetterPdf.render(letter, clock.instant().atZone(properties.timeZone()).toLocalDate(),
                letterLocale(application));
        Long document = documents.storeOfApplication(applicationId, StoredDocument.Purpose.AWARD_LETTER,
                documents.check("awardLetter", fileName, pdf), "system").getId();
        audit.record(application, "system", "AWARD_LETTER_SENT", Formats.euros(letter.grant()), null);
        notifications.queue(companies.get(application.getCompanyId()).getContacts(), NotificationType.AWARD_LETTER,
                application, letter.mailModel(applicationId), document);
    }

    /** The stored PDF of the application's award letter, once it was sent; callers check who may read it. */
    @Transactional(readOnly = true)
    public Optional<Long> awardLetterDocumentId(Long applicationId) {
        return documents.idOfApplicationDocument(applicationId, StoredDocument.Purpose.AWARD_LETTER);
    }

    /** One letter for the company, in the language its first contact reads mail in (each mail is in its reader's). */
    private Locale letterLocale(Application application) {
        return languages.of(companies.get(application.getCompanyId()).getContacts().stream().sorted().findFirst()
                .orElseThrow(() -> new IllegalStateException(application.reference() + "'s company has no contact")));
    }

    private AwardLetter awardLetter(Application application) {
        FundingCall call = calls.get(application.getCallId());
        return new AwardLetter(application.reference(), organisations.get(call.getClusterId()).getName(),
                companies.get(application.getCompanyId()).getLegalName(), call.getTitle(), call.getEuProject(),
                call.getActivityType(), call.getDestinationCity(), call.getDestinationCountry(),
                call.getActivityStart(), call.getActivityEnd(), application.grantAwarded(call.getMaxGrant()),
                call.getReimbursementModel(), call.getActivityEnd().plus(properties.claimPeriod()),
                call.isDeMinimisApplies());
    }

    /** No answer before the deadline: the SME loses the slot. */
    @Transactional
    public void recordNoAnswer(Long applicationId) {
        Application application = application(applicationId);
        application.answerParticipation(ApplicationStatus.LAPSED);
        audit.record(application, "system", "CONFIRMATION_LAPSED", null,
                "No confirmation of participation before "
                        + Formats.dateTime(application.getConfirmationDueAt().atZone(properties.timeZone())) + ".");
    }

    /** Tells the call that the application's slot is free; nothing to do once the call has ended. */
    @Transactional
    public void releaseSlot(Long applicationId) {
        FundingCall call = calls.get(application(applicationId).getCallId());
        runtimeService.createMessageCorrelation(FundingCallProcess.MESSAGE_SLOT_FREED)
                .processInstanceId(call.getProcessInstanceId())
                .correlateAllWithResult();
    }

    /**
     * Offers a freed slot to the first application on the reserve list, if the remaining budget covers its
     * grant. Promotions of one call take turns (the call's row is locked). Returns whether one was promoted.
     */
    @Transactional
    public boolean promoteNext(Long callId) {
        FundingCall call = calls.lock(callId);
        Application next = applications.findFirstByCallIdAndStatusOrderByRanking(callId, ApplicationStatus.RESERVE)
                .orElse(null);
        BigDecimal committed = applications.sumRequested(callId, ApplicationStatus.HOLDING_A_SLOT);
        if (next == null || committed.add(grantOf(next, call)).compareTo(call.effectiveBudget()) > 0) {
            return false;
        }
        next.promote(confirmationDue());
        audit.record(next, "system", "PROMOTED_FROM_RESERVE", "rank " + next.getRanking(), "A selected company withdrew.");
        notifications.queue(companies.get(next.getCompanyId()).getContacts(), NotificationType.RESERVE_PROMOTED, next,
                Map.of("reference", next.reference(), "callTitle", call.getTitle(),
                        "confirmBy", next.getConfirmationDueAt(), "path", "/portal/todo"));
        runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_PROMOTED)
                .processInstanceId(next.getProcessInstanceId())
                .correlate();
        return true;
    }

    /** Nobody left to promote: the call managers are told. */
    @Transactional
    public void notifyReserveExhausted(Long callId) {
        FundingCall call = calls.get(callId);
        boolean budgetShort = applications.findFirstByCallIdAndStatusOrderByRanking(callId, ApplicationStatus.RESERVE)
                .isPresent();
        String why = budgetShort ? "the remaining budget does not cover the grant of the next application on the reserve list"
                : "the reserve list is exhausted";
        audit.record(call, "system", "RESERVE_EXHAUSTED", null, "A slot is free but " + why + ".");
        notifications.queue(staff.members(Roles.CALL_MANAGERS, call.getClusterId()), NotificationType.RESERVE_EXHAUSTED,
                call, Map.of("callTitle", call.getTitle(), "budgetShort", budgetShort, "path", "/dashboard/calls/" + callId));
    }

    /** The activity is over: applications still on the reserve list are told and their processes end. */
    @Transactional
    public void releaseReserves(Long callId) {
        FundingCall call = calls.get(callId);
        List<Application> reserves = applications.findByCallIdAndStatus(callId, ApplicationStatus.RESERVE);
        Map<Long, Set<String>> contacts = companies.contactsOf(reserves.stream().map(Application::getCompanyId).distinct().toList());
        for (Application reserve : reserves) {
            reserve.releaseFromReserve();
            audit.record(reserve, "system", "RESERVE_RELEASED", ApplicationStatus.NOT_SELECTED.name(), "The activity is over.");
            notifications.queue(contacts.get(reserve.getCompanyId()), NotificationType.RESERVE_RELEASED, reserve,
                    Map.of("reference", reserve.reference(), "callTitle", call.getTitle()));
            runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_RESERVE_RELEASED)
                    .processInstanceId(reserve.getProcessInstanceId())
                    .correlate();
        }
    }

    private Application application(Long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("There is no application " + applicationId + "."));
    }

}
