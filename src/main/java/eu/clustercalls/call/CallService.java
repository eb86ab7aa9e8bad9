package eu.clustercalls.call;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.FundingCallProcess.ReviewDecision;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
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

/** The life of a call: drafted, reviewed by a second call manager, published, extended or closed. */
@Service
public class CallService {

    /** A call closes at the end of its closing day (whole seconds: stores round sub-second parts). */
    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);
    /** Published at some point: never a draft or a rejected one. */
    private static final Set<CallStatus> PUBLIC = EnumSet.of(CallStatus.PUBLISHED, CallStatus.CLOSED,
            CallStatus.RESULTS_PUBLISHED);

    private final FundingCallRepository calls;
    private final CompanyService companies;
    private final AuditService audit;
    private final NotificationService notifications;
    private final StaffDirectory staff;
    private final RuntimeService runtimeService;
    private final ClusterCallsProperties properties;
    private final Clock clock;
    private final StaffViewWords words;

    CallService(FundingCallRepository calls, CompanyService companies, AuditService audit,
            NotificationService notifications, StaffDirectory staff, RuntimeService runtimeService,
            ClusterCallsProperties properties, Clock clock, StaffViewWords words) {
        this.calls = calls;
        this.companies = companies;
        this.audit = audit;
        this.notifications = notifications;
        this.staff = staff;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.clock = clock;
        this.words = words;
    }

    @Transactional
    public FundingCall draft(CallDraft draft, String drafter, String clusterId, String processInstanceId) {
        if (clusterId == null) {
            throw new ForbiddenException("Your user is not assigned to exactly one cluster organisation, so the call "
                    + "cannot be attributed to a cluster. Ask the administrator to fix your cluster membership.");
        }
        staff.require(drafter, Roles.CALL_MANAGERS, clusterId, "draft calls");
        checkDraft(draft, words.of(clusterId));
        FundingCall call = calls.save(new FundingCall(clusterId, draft, endOfDay(draft.closesOn()), drafter, clock.instant()));
        call.attachProcess(processInstanceId);
        audit.record(call, drafter, "CALL_DRAFTED", null, null);
        // The start form closes without naming the new call: the drafter learns its reference from this mail.
        notifications.queue(List.of(drafter), NotificationType.CALL_DRAFTED, call, Map.of("reference", call.reference(),
                "callTitle", call.getTitle(), "opensOn", draft.opensOn(), "closesOn", draft.closesOn(),
                "path", "/dashboard/calls/" + call.getId()));
        return call;
    }

    /** The rules between fields and against today; each field on its own is checked as the form is read. */
    private void checkDraft(CallDraft draft, ViewWords words) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.closesOn().isBefore(draft.opensOn())) {
            problems.put("closesOn", words.get("refusal.call.closesBeforeOpening"));
        }
        if (!draft.closesOn().isBefore(draft.activityStart())) {
            problems.put("closesOn", words.get("refusal.call.closesAfterActivityStarts"));
        }
        if (draft.activityEnd().isBefore(draft.activityStart())) {
            problems.put("activityEndDate", words.get("refusal.call.activityEndsBeforeStart"));
        }
        int maxScore = draft.criteria().stream().mapToInt(Criterion::maxPoints).sum();
        if (draft.scoreThreshold().signum() <= 0 || draft.scoreThreshold().compareTo(BigDecimal.valueOf(maxScore)) > 0) {
            problems.put("scoreThreshold", words.get("refusal.call.threshold", String.valueOf(maxScore)));
        }
        if (draft.budget() != null && draft.budget().compareTo(draft.maxGrant()) < 0) {
            problems.put("budget", words.get("refusal.call.budgetBelowGrant"));
        }
        if (draft.closesOn().isBefore(today())) {
            problems.put("closesOn", words.get("refusal.call.closesInThePast"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Four eyes: the drafter may not take or complete the review of their own call. */
    @Transactional(readOnly = true)
    public void checkMayReview(Long callId, String reviewer) {
        FundingCall call = get(callId);
        if (call.getDraftedBy().equals(reviewer)) {
            throw new ForbiddenException(words.of(call.getClusterId()).get("refusal.call.ownDraft", call.reference()));
        }
    }

    /** Records the reviewer's decision; returns whether the call is published. */
    @Transactional
    public boolean review(Long callId, String reviewer, String decision, String comment) {
        FundingCall call = get(callId);
        checkMayReview(callId, reviewer);
        staff.require(reviewer, Roles.CALL_MANAGERS, call.getClusterId(), "review and publish calls");
        ReviewDecision choice = FormValues.choice(ReviewDecision.class, decision, FundingCallProcess.VAR_REVIEW_DECISION,
                words.of(call.getClusterId()).get("refusal.call.reviewChoice"));
        if (choice == ReviewDecision.PUBLISH) {
            call.publish(reviewer, clock.instant());
            audit.record(call, reviewer, "CALL_PUBLISHED", "published", FormValues.blankToNull(comment));
            return true;
        }
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException(FundingCallProcess.VAR_REVIEW_COMMENT,
                    words.of(call.getClusterId()).get("refusal.call.rejectionReason"));
        }
        call.reject(reviewer, comment.strip());
        audit.record(call, reviewer, "CALL_REJECTED", "rejected", comment.strip());
        return false;
    }


    @Transactional
    public void notifyMembersOfPublication(Long callId) {
        FundingCall call = get(callId);
        notifications.queue(companies.memberContacts(call.getClusterId(), today()), NotificationType.CALL_PUBLISHED, call,
                Map.of("callTitle", call.getTitle(), "slots", String.valueOf(call.getSlots()),
                        "maxGrant", call.getMaxGrant(), "closesAt", call.getClosesAt(), "path", "/portal/calls/" + callId));
    }

    @Transactional
    public void closeEarly(Long callId, String actor, String reason) {
        FundingCall call = get(callId);
        staff.require(actor, Roles.CALL_MANAGERS, call.getClusterId(), "close a call early");
        requirePublished(call);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Please give the reason for closing the call early.");
        }
        call.moveClosingTo(clock.instant());
        audit.record(call, actor, "CALL_CLOSED_EARLY", "closed early", reason.strip());
        runtimeService.createMessageCorrelation(FundingCallProcess.MESSAGE_CLOSED_EARLY)
                .processInstanceId(call.getProcessInstanceId())
                .correlate();
    }

    @Transactional
    public void extend(Long callId, String actor, LocalDate newClosingDate, String reason) {
        FundingCall call = get(callId);
        staff.require(actor, Roles.CALL_MANAGERS, call.getClusterId(), "extend a call");
        requirePublished(call);
        Map<String, String> problems = new LinkedHashMap<>();
        if (newClosingDate == null || !newClosingDate.isAfter(call.closingDate(zone()))) {
            problems.put("closingDate", "The new closing date must be after the current one, "
                    + Formats.date(call.closingDate(zone())) + ".");
        } else if (!newClosingDate.isBefore(call.getActivityStart())) {
            problems.put("closingDate", "The call must close before the activity starts on "
                    + Formats.date(call.getActivityStart()) + ".");
        }
        if (reason == null || reason.isBlank()) {
            problems.put("reason", "Please give the reason for the extension.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate previous = call.closingDate(zone());
        call.moveClosingTo(endOfDay(newClosingDate));
        audit.record(call, actor, "CALL_EXTENDED", "closing date " + previous + " → " + newClosingDate, reason.strip());
        runtimeService.createMessageCorrelation(FundingCallProcess.MESSAGE_CLOSING_EXTENDED)
                .processInstanceId(call.getProcessInstanceId())
                .correlate();
    }

    @Transactional
    public void notifyMembersOfExtension(Long callId) {
        FundingCall call = get(callId);
        notifications.queue(companies.memberContacts(call.getClusterId(), today()), NotificationType.CALL_EXTENDED, call,
                Map.of("callTitle", call.getTitle(), "closesAt", call.getClosesAt(), "path", "/portal/calls/" + callId));
    }

    /** Closes the call for applications; idempotent, as a timer and a message may both lead here. */
    @Transactional
    public void close(Long callId) {
        FundingCall call = get(callId);
        if (call.getStatus() == CallStatus.CLOSED) {
            return;
        }
        call.close(clock.instant());
        audit.record(call, "system", "CALL_CLOSED", "closed for applications", null);
    }

    /** Locks the call's row until the transaction ends (promotions from its reserve list take turns). */
    @Transactional
    public FundingCall lock(Long callId) {
        return calls.lockById(callId).orElseThrow(() -> new NotFoundException("There is no call " + callId + "."));
    }

    @Transactional
    public void markResultsPublished(Long callId, String actor) {
        FundingCall call = get(callId);
        call.publishResults();
        audit.record(call, actor, "RESULTS_PUBLISHED", null, null);
    }

    @Transactional(readOnly = true)
    public List<FundingCall> openCalls() {
        return calls.findByStatusAndClosesAtAfterOrderByClosesAt(CallStatus.PUBLISHED, clock.instant()).stream()
                .filter(this::acceptsApplications)
                .toList();
    }

    /** Whether the call takes applications now: published, opened and not yet closed. */
    public boolean acceptsApplications(FundingCall call) {
        return call.acceptsApplicationsAt(clock.instant(), zone());
    }

    /** The calls the public may see (see {@link #getPublic}) of these clusters, latest closing first. */
    @Transactional(readOnly = true)
    public List<FundingCall> publicCallsOf(Collection<String> clusterIds) {
        return clusterIds.isEmpty() ? List.of() : calls.findByClusterIdInAndStatusInOrderByClosesAtDesc(clusterIds, PUBLIC);
    }

    /** The calls the public may see, of every cluster, latest closing first. */
    @Transactional(readOnly = true)
    public List<FundingCall> publicCalls() {
        return calls.findByStatusInOrderByClosesAtDesc(PUBLIC);
    }

    @Transactional(readOnly = true)
    public FundingCall get(Long callId) {
        return calls.findById(callId).orElseThrow(() -> new NotFoundException("There is no call " + callId + "."));
    }

    /** A call the public may see: published or closed, never a draft or a rejected one. */
    @Transactional(readOnly = true)
    public FundingCall getPublic(Long callId) {
        FundingCall call = get(callId);
        if (!PUBLIC.contains(call.getStatus())) {
            throw new NotFoundException("There is no call " + callId + ".");
        }
        return call;
    }

    /** What the reviewer of a draft sees in form_review_call. */
    @Transactional(readOnly = true)
    public FormView reviewView(Long callId) {
        FundingCall call = get(callId);
        ViewWords words = this.words.of(call.getClusterId());
        String summary = String.join("  \n",
                words.get("call.reference", call.reference(), Formats.markdownText(call.getEuProject())),
                words.get("call.activity", words.label(call.getActivityType()),
                        Formats.markdownText(call.getDestinationCity() + " (" + call.getDestinationCountry() + ")"),
                        words.date(call.getActivityStart()), words.date(call.getActivityEnd())),
                words.get("call.applications", words.date(call.getOpensOn()),
                        words.dateTime(call.getClosesAt().atZone(zone()))),
                words.get("call.slots", String.valueOf(call.getSlots()), words.euros(call.getMaxGrant()),
                        words.label(call.getReimbursementModel())),
                words.get("call.flags", words.yesNo(call.isMembersOnly()), words.yesNo(call.isDeMinimisApplies()),
                        words.euros(call.effectiveBudget())),
                words.get("call.rubric", call.getCriteria().stream().map(c -> c.name() + " " + c.maxPoints())
                        .collect(Collectors.joining(", ")), String.valueOf(call.maxScore()),
                        words.number(call.getScoreThreshold()), String.valueOf(call.getEvaluatorsPerApplication())),
                call.getDescription() == null ? "" : "\n" + Formats.markdownText(call.getDescription()));
        return new FormView().text("callTitle", Formats.markdownText(call.getTitle())).text("callSummary", summary)
                .text(FundingCallProcess.VAR_DRAFTER, Formats.markdownText(call.getDraftedBy()));
    }

    private void requirePublished(FundingCall call) {
        if (call.getStatus() != CallStatus.PUBLISHED) {
            throw new ConflictException(call.reference() + " is " + call.getStatus().name().toLowerCase()
                    + ", not open for applications.");
        }
    }

    private Instant endOfDay(LocalDate day) {
        return day.atTime(LAST_SECOND).atZone(zone()).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }


    ZoneId zone() {
        return properties.timeZone();
    }
}
