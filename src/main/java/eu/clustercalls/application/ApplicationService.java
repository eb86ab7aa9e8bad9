package eu.clustercalls.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.CheckedUpload;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.SentFile;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;
import eu.clustercalls.support.ServiceStarts;

/** SMEs apply to calls, follow their applications and answer clarification requests. */
@Service
public class ApplicationService {

    /** The most files an answer to a clarification request can carry. */
    public static final int MAX_CLARIFICATION_FILES = 5;
    /** The field of the portal's answer form that carries the files. */
    public static final String FIELD_CLARIFICATION_FILES = "files";
    /** The longest reason an SME can give for withdrawing. */
    public static final int MAX_WITHDRAWAL_REASON = 2000;

    private final ApplicationRepository applications;
    private final ClarificationRequestRepository clarifications;
    private final ApplicationDraftRepository drafts;
    private final CallService calls;
    private final CompanyService companies;
    private final ClusterOrganisationService organisations;
    private final AuditService audit;
    private final NotificationService notifications;
    private final ServiceStarts processes;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final DocumentService documents;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    ApplicationService(ApplicationRepository applications, ClarificationRequestRepository clarifications,
            ApplicationDraftRepository drafts, CallService calls, CompanyService companies,
            ClusterOrganisationService organisations, AuditService audit,
            NotificationService notifications, ServiceStarts processes, TaskService taskService,
            RuntimeService runtimeService, DocumentService documents, ClusterCallsProperties properties, Clock clock) {
        this.applications = applications;
        this.clarifications = clarifications;
        this.drafts = drafts;
        this.calls = calls;
        this.companies = companies;
        this.organisations = organisations;
        this.audit = audit;
        this.notifications = notifications;
        this.processes = processes;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the application and starts its process, or refuses with the reason and stores nothing. Who may apply
     * is checked before the state of the call, so that nobody learns about a call they may not apply to. The company
     * row is locked so that two submissions of the same company cannot both pass the one-per-call check.
     */
    @Transactional
    public Application apply(Long callId, String username, ApplyCommand command) {
        FundingCall call = calls.getPublic(callId);
        Company company = companies.lock(companyOf(username, command.companyId()).getId());
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        if (call.isMembersOnly() && companies.membership(company.getId(), call.getClusterId())
                .filter(m -> m.isValidOn(today)).isEmpty()) {
            throw new ForbiddenException(Phrase.of("refusal.application.membersOnly")
                    .text("company", company.getLegalName())
                    .text("cluster", organisations.get(call.getClusterId()).getName()).stored());
        }
        Instant now = clock.instant();
        if (!call.acceptsApplicationsAt(now, properties.timeZone())) {
            throw new ConflictException(now.isBefore(call.getClosesAt())
                    ? Phrase.of("refusal.application.notOpenYet").text("call", call.getTitle())
                            .date("opensOn", call.getOpensOn()).stored()
                    : Phrase.of("refusal.application.closed").text("call", call.getTitle())
                            .dateTime("closedAt", call.getClosesAt().atZone(properties.timeZone())).stored());
        }
        applications.findFirstByCallIdAndCompanyIdOrderById(callId, company.getId()).ifPresent(existing -> {
            throw new ConflictException(Phrase.of("refusal.application.alreadyApplied")
                    .text("company", company.getLegalName()).text("reference", existing.reference()).stored());
        });
        if (command.requestedAmount().compareTo(call.getMaxGrant()) > 0) {
            throw new InvalidInputException("requestedAmount",
                    Phrase.of("refusal.application.aboveMaximum").euros("max", call.getMaxGrant()).stored());
        }
        Application application = applications.save(new Application(callId, company.getId(),
                company.getFiguresRevision(), call.getClusterId(),
                username, now, command.motivation().strip(), command.targetMarkets().strip(),
                command.exportExperience().strip(), command.requestedAmount(), command.participants(),
                command.declarations()));
        audit.record(application, username, "APPLICATION_SUBMITTED", null, null);
        drafts.deleteByCompanyIdAndCallId(company.getId(), callId);
        notifications.queue(company.getContacts(), NotificationType.APPLICATION_RECEIVED, application,
                Map.of("reference", application.reference(), "companyName", company.getLegalName(),
                        "callTitle", call.getTitle(), "path", "/portal/applications/" + application.getId()));
        var instance = processes.start(ApplicationProcess.KEY, application.reference(), call.getClusterId(),
                Variables.putValue(ApplicationProcess.VAR_APPLICATION_ID, application.getId())
                        .putValue(ApplicationProcess.VAR_CALL_ID, callId));
        application.attachProcess(instance.getId());
        return application;
    }

    /**
     * Keeps the company's unfinished answers to the call (one draft per company and call, the last save wins), however
     * incomplete; only the user's own companies and calls open to the public can have one.
     */
    @Transactional
    public ApplicationDraft saveDraft(Long callId, String username, Long companyId, String content) {
        FundingCall call = calls.getPublic(callId);
        Company company = companyOf(username, companyId);
        if (content.length() > ApplicationDraft.MAX_CONTENT) {
            throw new InvalidInputException("draft", Phrase.of("refusal.application.draftTooLong").stored());
        }
        ApplicationDraft draft = drafts.findByCompanyIdAndCallId(company.getId(), call.getId())
                .orElseGet(() -> new ApplicationDraft(company.getId(), call.getId()));
        draft.save(username, content, clock.instant());
        return drafts.save(draft);
    }

    /** The last draft saved for the call by any of the user's companies. */
    @Transactional(readOnly = true)
    public Optional<ApplicationDraft> draftOf(Long callId, String username) {
        List<Long> companyIds = companies.companiesOf(username).stream().map(Company::getId).toList();
        return companyIds.isEmpty() ? Optional.empty()
                : drafts.findFirstByCallIdAndCompanyIdInOrderBySavedAtDesc(callId, companyIds);
    }

    private Company companyOf(String username, Long companyId) {
        List<Company> own = companies.companiesOf(username);
        if (companyId == null) {
            if (own.size() == 1) {
                return own.get(0);
            }
            throw own.isEmpty()
                    ? new ForbiddenException(Phrase.of("refusal.application.noCompany").stored())
                    : new InvalidInputException("companyId",
                            Phrase.of("refusal.application.whichCompany").stored());
        }
        // Naming another company is a question of access, not of input: refused as such.
        return own.stream().filter(c -> c.getId().equals(companyId)).findFirst()
                .orElseThrow(() -> new ForbiddenException(Phrase.of("refusal.application.notYourCompany")
                        .text("companyId", companyId).stored()));
    }

    @Transactional(readOnly = true)
    public List<Application> applicationsOf(String username) {
        List<Long> companyIds = companies.companiesOf(username).stream().map(Company::getId).toList();
        return companyIds.isEmpty() ? List.of() : applications.findByCompanyIdInOrderBySubmittedAtDesc(companyIds);
    }

    /** A call's applications counted per status (statuses without any are left out). */
    @Transactional(readOnly = true)
    public List<StatusFigures> figuresByStatus(Long callId) {
        return applications.figuresByStatus(callId);
    }

    /** How many of the call's applications were found eligible, whatever happened to them later. */
    @Transactional(readOnly = true)
    public long countFoundEligible(Long callId) {
        return applications.countByCallIdAndEligibleTrue(callId);
    }

    /** How many of the call's applications have their final score settled. */
    @Transactional(readOnly = true)
    public long countScored(Long callId) {
        return applications.countByCallIdAndFinalScoreIsNotNull(callId);
    }

    /** The grants of the call's applications in those statuses (see {@link Application#grantAwarded}). */
    @Transactional(readOnly = true)
    public BigDecimal sumGrants(FundingCall call, Collection<ApplicationStatus> statuses) {
        return applications.sumGrants(call.getId(), call.getMaxGrant(), statuses);
    }

    /** How many applications each of these calls has (calls without any are left out). */
    @Transactional(readOnly = true)
    public Map<Long, Long> countPerCall(Collection<Long> callIds) {
        return callIds.isEmpty() ? Map.of() : applications.countPerCall(callIds).stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    /** A page of the call's applications, or all of them with {@link Pageable#unpaged()}. */
    @Transactional(readOnly = true)
    public List<ApplicationLine> linesOfCall(Long callId, Pageable page) {
        return applications.linesOfCall(callId, page);
    }

    /** These applications, as {@link #linesOfCall} lists them. */
    @Transactional(readOnly = true)
    public List<ApplicationLine> lines(Collection<Long> applicationIds) {
        return applicationIds.isEmpty() ? List.of() : applications.linesOf(applicationIds);
    }

    /** Every application of the company, newest first, whoever asks: callers check who may see them. */
    @Transactional(readOnly = true)
    public List<Application> applicationsOfCompany(Long companyId) {
        return applications.findByCompanyIdInOrderBySubmittedAtDesc(List.of(companyId));
    }

    /**
     * Anonymises the company's applications and their clarification rounds (see {@link Application#anonymise}), and
     * deletes the files sent with the answers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymiseApplicationsOf(Long companyId, Erasure erasure) {
        // A draft is nobody's record, only the company's unfinished texts: it goes.
        drafts.deleteByCompanyId(companyId);
        for (Application application : applicationsOfCompany(companyId)) {
            application.anonymise(erasure);
            // The files of an answer name people, like a claim's receipts: they go.
            clarifications.findByApplicationIdOrderByRequestedAt(application.getId()).forEach(request -> {
                request.anonymise(erasure);
                documents.deleteOfClarification(request.getId());
            });
        }
    }

    /** An application of one of the user's companies; anyone else's reads as not found. */
    @Transactional(readOnly = true)
    public Application applicationOf(String username, Long applicationId) {
        return applications.findById(applicationId)
                .filter(a -> companies.get(a.getCompanyId()).hasContact(username))
                .orElseThrow(() -> new NotFoundException(Phrase.of("refusal.application.notYours")
                        .text("applicationId", applicationId).stored()));
    }

    /** Completes the SME's clarification task; the task's listener stores the answer. */
    @Transactional
    public void answerClarification(String username, Long applicationId, String answer) {
        answerClarification(username, applicationId, answer, List.of());
    }

    /**
     * Completes the SME's clarification task with files that pass the same checks as a claim's receipts (PDF, JPEG or
     * PNG by their content, within the size limit); they are kept with the answered request. A bad file refuses the
     * whole answer: nothing is written.
     */
    @Transactional
    public void answerClarification(String username, Long applicationId, String answer, List<SentFile> files) {
        Application application = applicationOf(username, applicationId);
        if (files.size() > MAX_CLARIFICATION_FILES) {
            throw new InvalidInputException(FIELD_CLARIFICATION_FILES, Phrase.of("refusal.clarification.tooManyFiles")
                    .number("max", MAX_CLARIFICATION_FILES).stored());
        }
        List<CheckedUpload> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SentFile file : files) {
            try {
                checked.add(documents.check(FIELD_CLARIFICATION_FILES, file.fileName(), file.content()));
            } catch (InvalidInputException e) {
                problems.addAll(e.fieldErrors().values());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(FIELD_CLARIFICATION_FILES, Phrase.joined(problems));
        }
        Task task = taskService.createTaskQuery()
                .processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_ANSWER_CLARIFICATION)
                .singleResult();
        if (task == null) {
            throw new ConflictException(Phrase.of("refusal.application.noClarification")
                    .text("reference", application.reference()).stored());
        }
        // Kept before the task completes: the next review's form, made as it completes, lists them.
        if (!checked.isEmpty()) {
            List<ClarificationRequest> rounds = clarifications.findByApplicationIdOrderByRequestedAt(applicationId);
            Long answered = rounds.get(rounds.size() - 1).getId();
            checked.forEach(upload -> documents.storeOfClarification(answered, upload, username));
        }
        taskService.complete(task.getId(), Map.of(ApplicationProcess.VAR_CLARIFICATION_ANSWER, answer));
    }

    /**
     * Withdraws the application: its status, the trail (who, when, why) and the message that ends its process, which
     * cancels its open tasks and timers and a running reimbursement, and frees a slot it held for the reserve list.
     * An application whose process is over (decided, declined, paid) cannot be withdrawn; what else stops a
     * withdrawal (a claim with finance) the caller checks in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(Application application, String username, String reason) {
        ApplicationStatus before = application.getStatus();
        boolean heldSlot = ApplicationStatus.HOLDING_A_SLOT.contains(before);
        if (!heldSlot && !ApplicationStatus.BEFORE_SELECTION.contains(before)) {
            throw new ConflictException(Phrase.of("refusal.withdrawal.over").text("reference", application.reference())
                    .stored());
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_WITHDRAWAL_REASON) {
            throw new InvalidInputException("reason", Phrase.of("refusal.withdrawal.reasonTooLong")
                    .number("max", MAX_WITHDRAWAL_REASON).stored());
        }
        application.withdraw();
        audit.record(application, username, "APPLICATION_WITHDRAWN", before.name(), why);
        runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(application.getProcessInstanceId())
                .setVariable(ApplicationProcess.VAR_WITHDRAWN_FROM_SLOT, heldSlot)
                .correlate();
    }
}
