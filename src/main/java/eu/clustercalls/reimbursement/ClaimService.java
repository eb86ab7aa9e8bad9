package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.ReimbursementModel;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.currency.Conversion;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.document.CheckedUpload;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.KeptFile;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.payment.Iban;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SME's side of a claim: it opens when the activity ends, is submitted with files, reminded, or forfeited. The
 * BPMN models read its dates as {@code ${claims.…}}.
 */
@Service("claims")
public class ClaimService {

    /** Expenses may fall this many days before the activity's first day or after its last (travel there and back). */
    static final int TRAVEL_DAYS = 2;
    /** The largest amount of one receipt, in its currency: what the claim's columns hold, far above any real one. */
    static final BigDecimal MAX_ITEM_AMOUNT = new BigDecimal("999999999.99");

    private final ExpenseClaimRepository claims;
    private final ExpenseItemRepository items;
    private final ClaimDraftRepository drafts;
    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final CallService calls;
    private final CompanyService companies;
    private final DocumentService documents;
    private final ExchangeRateService rates;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TaskService taskService;
    private final StaffDirectory staff;
    private final ClusterCallsProperties properties;
    private final Validator validator;
    private final Clock clock;

    ClaimService(ExpenseClaimRepository claims, ExpenseItemRepository items, ClaimDraftRepository drafts,
            ApplicationRepository applications,
            ApplicationService applicationService, CallService calls, CompanyService companies,
            DocumentService documents, ExchangeRateService rates, AuditService audit, NotificationService notifications,
            TaskService taskService, StaffDirectory staff, ClusterCallsProperties properties, Validator validator,
            Clock clock) {
        this.claims = claims;
        this.items = items;
        this.drafts = drafts;
        this.applications = applications;
        this.applicationService = applicationService;
        this.calls = calls;
        this.companies = companies;
        this.documents = documents;
        this.rates = rates;
        this.audit = audit;
        this.notifications = notifications;
        this.taskService = taskService;
        this.staff = staff;
        this.properties = properties;
        this.validator = validator;
        this.clock = clock;
    }

    /** The start of the day after the activity: the application waits until then before the claim opens. */
    @Transactional(readOnly = true)
    public Date activityOver(Long applicationId) {
        return Date.from(callOf(application(applicationId)).getActivityEnd().plusDays(1).atStartOfDay(zone()).toInstant());
    }

    /** Opens the claim of a confirmed application and tells the SME until when it may claim. Safe to repeat. */
    @Transactional
    public Long open(Long applicationId, String processInstanceId) {
        ExpenseClaim existing = claims.findByApplicationId(applicationId).orElse(null);
        if (existing != null) {
            return existing.getId();
        }
        Application application = application(applicationId);
        FundingCall call = callOf(application);
        Instant due = call.getActivityEnd().plus(properties.claimPeriod()).plusDays(1).atStartOfDay(zone()).toInstant();
        ExpenseClaim claim = claims.save(new ExpenseClaim(applicationId, call.getId(), application.getCompanyId(),
                application.tenantId(), due, processInstanceId));
        audit.record(claim, "system", "CLAIM_OPENED", null, "For " + application.reference() + ", due by " + dueText(claim) + ".");
        notifications.queue(contacts(claim), NotificationType.CLAIM_OPENED, claim,
                Map.of("callTitle", call.getTitle(), "claimReference", claim.reference(),
                        "reference", application.reference(), "claimBy", lastDay(claim),
                        "reimbursementModel", call.getReimbursementModel().name(),
                        "maxGrant", application.grantAwarded(call.getMaxGrant()),
                        "path", "/portal/applications/" + applicationId + "/claim"));
        return claim.getId();
    }

    /** When the claim is due: its deadline timer fires then, and the SME was told this time. */
    @Transactional(readOnly = true)
    public Date dueDate(Long claimId) {
        return Date.from(claim(claimId).getDueAt());
    }

    /** When an SME that has not claimed yet is reminded. */
    @Transactional(readOnly = true)
    public Date reminderDate(Long claimId) {
        FundingCall call = calls.get(claim(claimId).getCallId());
        return Date.from(call.getActivityEnd().plus(properties.claimReminderAfter()).atTime(9, 0).atZone(zone()).toInstant());
    }

    /**
     * Submits (or, after finance returned it, corrects) the claim of the SME user's application with the files sent
     * and those its draft keeps, and completes the SME's task. Every problem of the input is reported at once, each a
     * {@link Phrase}; then nothing is stored.
     */
    @Transactional
    public ExpenseClaim submit(String username, Long applicationId, ClaimInput input, List<Upload> uploads) {
        ExpenseClaim claim = claimAwaitingSubmission(username, applicationId, true);
        Task task = taskService.createTaskQuery().processInstanceId(claim.getProcessInstanceId())
                .taskDefinitionKey(ReimbursementProcess.TASK_SUBMIT_CLAIM).singleResult();
        if (task == null) {
            throw new ConflictException(Phrase.of("refusal.claim.notWaiting").text("claim", claim.reference()).stored());
        }
        FundingCall call = calls.get(claim.getCallId());
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, CheckedUpload> files = checkFiles(claim, input, uploads, errors);
        List<Conversion> conversions = check(call, input, files.keySet(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // A corrected claim replaces the earlier items and files; the audit trail keeps that it was returned.
        items.deleteByClaimId(claim.getId());
        documents.deleteOfClaim(claim.getId());
        Map<String, Long> stored = store(claim, input, files, username);
        List<ClaimInput.Item> submitted = input.itemsOrNone();
        for (int i = 0; i < submitted.size(); i++) {
            ClaimInput.Item item = submitted.get(i);
            Long receipt = blank(item.receipt()) ? null : stored.get(item.receipt());
            items.save(new ExpenseItem(claim.getId(), i, item.category(), item.description().strip(), item.date(),
                    conversions.get(i), receipt, ineligibility(call, item.category(), item.date(), receipt != null)));
        }
        drafts.deleteByClaimId(claim.getId());
        claim.submit(username, clock.instant(), input.missionReport().strip(), input.daysAttended(), iban(input),
                input.accountHolder().strip());
        audit.record(claim, username, "CLAIM_SUBMITTED", submitted.size() + " items", null);
        taskService.complete(task.getId());
        return claim;
    }

    /**
     * What {@link #submit} would refuse in this input, with the files the claim's draft keeps, field by field (each a
     * {@link Phrase}); empty when it would accept it. Values the page could not read are null and not checked here.
     */
    @Transactional(readOnly = true)
    public Map<String, String> refusals(String username, Long applicationId, ClaimInput input) {
        ExpenseClaim claim = claimAwaitingSubmission(username, applicationId, false);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, CheckedUpload> files = checkFiles(claim, input, List.of(), errors);
        check(calls.get(claim.getCallId()), input, files.keySet(), errors);
        return errors;
    }

    /**
     * Checks one file of the claim and keeps it in the claim's draft for the form's field {@code upload.part()}, in
     * place of the file that field had: the SME does not attach it again when the claim is refused or finished later.
     */
    @Transactional
    public KeptFile keep(String username, Long applicationId, Upload upload, StoredDocument.Purpose purpose) {
        ExpenseClaim claim = claimAwaitingSubmission(username, applicationId, true);
        CheckedUpload file = documents.check("files." + upload.part(), upload.fileName(), upload.content());
        long others = documents.keptOfDraft(claim.getId()).stream().filter(kept -> !kept.part().equals(upload.part()))
                .mapToLong(KeptFile::sizeBytes).sum();
        documents.checkTotal("files." + upload.part(), others + upload.content().length);
        return documents.keepForDraft(claim.getId(), upload.part(), purpose, file, username);
    }

    /** The files the claim's draft keeps, oldest first. */
    @Transactional(readOnly = true)
    public List<KeptFile> keptFiles(String username, Long applicationId) {
        return documents.keptOfDraft(claimOf(username, applicationId).getId());
    }

    /** Removes a file the claim's draft keeps: only one of the user's company's claim, while it can be changed. */
    @Transactional
    public void removeKept(String username, Long applicationId, Long documentId) {
        ExpenseClaim claim = claimAwaitingSubmission(username, applicationId, true);
        if (!documents.deleteOfDraft(claim.getId(), documentId)) {
            throw new NotFoundException(Phrase.of("refusal.claim.keptFileNotFound").text("document", documentId).stored());
        }
    }

    /**
     * Keeps the claim's form as typed (JSON, however incomplete) for any user of the company to finish later; the
     * last save wins. Only a claim that can still be sent has one.
     */
    @Transactional
    public ClaimDraft saveDraft(String username, Long applicationId, String content) {
        ExpenseClaim claim = claimAwaitingSubmission(username, applicationId, true);
        if (content.length() > ClaimDraft.MAX_CONTENT) {
            throw new InvalidInputException("draft", Phrase.of("refusal.claim.draftTooLong").stored());
        }
        ClaimDraft draft = drafts.findByClaimId(claim.getId()).orElseGet(() -> new ClaimDraft(claim.getId()));
        draft.save(username, content, clock.instant());
        return drafts.save(draft);
    }

    /** The draft of the claim of the user's company's application, if one was saved. */
    @Transactional(readOnly = true)
    public Optional<ClaimDraft> draftOf(String username, Long applicationId) {
        return drafts.findByClaimId(claimOf(username, applicationId).getId());
    }

    /** The draft of a claim, whoever asks: callers check who may see it (the personal-data export). */
    @Transactional(readOnly = true)
    public Optional<ClaimDraft> draftOfClaim(Long claimId) {
        return drafts.findByClaimId(claimId);
    }

    /** The user's company's claim, locked when {@code lock}, while it waits for the SME and before its deadline. */
    private ExpenseClaim claimAwaitingSubmission(String username, Long applicationId, boolean lock) {
        Application application = applicationService.applicationOf(username, applicationId);
        ExpenseClaim claim = claims.findByApplicationId(applicationId)
                .flatMap(found -> lock ? claims.lock(found.getId()) : Optional.of(found))
                .orElseThrow(() -> new ConflictException(Phrase.of("refusal.claim.none")
                        .text("reference", application.reference()).stored()));
        if (!claim.awaitsSubmission() || application.getStatus() == ApplicationStatus.WITHDRAWN) {
            throw new ConflictException(Phrase.of("refusal.claim.notEditable").text("claim", claim.reference()).stored());
        }
        if (!clock.instant().isBefore(claim.getDueAt())) {
            throw new ConflictException(Phrase.of("refusal.claim.overdue").text("claim", claim.reference())
                    .date("lastDay", lastDay(claim)).stored());
        }
        return claim;
    }

    /**
     * The input's bean validation (its messages in the reader's language already) and the claim's rules, in one pass:
     * values the validation refuses are null or blank and the rules pass over them.
     */
    private List<Conversion> check(FundingCall call, ClaimInput input, Set<String> files, Map<String, String> errors) {
        for (ConstraintViolation<ClaimInput> violation : validator.validate(input)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        List<Conversion> conversions = checkItems(call, input, files, errors);
        checkAttendance(call, input, files, errors);
        if (input.iban() != null) {
            try {
                Iban.check("iban", iban(input));
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        return conversions;
    }

    /** What the SME sees in form_submit_claim. */
    @Transactional(readOnly = true)
    public FormView submissionView(Long claimId) {
        ExpenseClaim claim = claim(claimId);
        String callTitle = calls.get(claim.getCallId()).getTitle();
        FormView view = new FormView()
                .text("claimReference", claim.reference())
                .text("callTitle", Formats.markdownText(callTitle))
                .text("claimDue", dueText(claim));
        if (claim.getStatus() == ClaimStatus.RETURNED) {
            view.text("returnComment", Formats.markdownText(claim.getVerificationReason()));
        }
        return view;
    }

    /** The task completes only through {@link #submit}: a claim needs its files, which Tasklist cannot send. */
    @Transactional(readOnly = true)
    public void checkSubmitted(Long claimId) {
        if (claim(claimId).getStatus() != ClaimStatus.SUBMITTED) {
            throw new InvalidInputException("claim", Phrase.of("refusal.claim.sendInPortal").stored());
        }
    }

    /**
     * The files the claim will have, by part: those its draft keeps (checked when kept) and those sent now, which
     * take the place of a kept one of the same part. A refused receipt is told of its expense.
     */
    private Map<String, CheckedUpload> checkFiles(ExpenseClaim claim, ClaimInput input, List<Upload> uploads,
            Map<String, String> errors) {
        Map<String, CheckedUpload> files = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        documents.keptOfDraft(claim.getId()).forEach(kept -> {
            files.put(kept.part(), null);
            sizes.put(kept.part(), kept.sizeBytes());
        });
        List<String> receipts = input.itemsOrNone().stream().map(item -> item == null ? null : item.receipt()).toList();
        for (Upload upload : uploads) {
            String field = "files." + upload.part();
            try {
                files.put(upload.part(), documents.check(field, upload.fileName(), upload.content()));
            } catch (InvalidInputException e) {
                int item = receipts.indexOf(upload.part());
                e.fieldErrors().forEach((name, message) -> errors.put(name, item < 0 ? message
                        : Phrase.of("refusal.claim.item").number("item", item + 1).phrase("problem", message).stored()));
                files.remove(upload.part());
            }
            sizes.put(upload.part(), (long) upload.content().length);
        }
        Set<String> named = new LinkedHashSet<>(input.attendanceProofsOrNone());
        named.addAll(receipts);
        List<String> unnamed = uploads.stream().map(Upload::part).filter(part -> !named.contains(part)).toList();
        if (!unnamed.isEmpty()) {
            errors.put("files", Phrase.of("refusal.claim.unnamedFiles").text("files", String.join(", ", unnamed))
                    .stored());
        }
        try {
            documents.checkTotal("files", sizes.values().stream().mapToLong(Long::longValue).sum());
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        return files;
    }

    private List<Conversion> checkItems(FundingCall call, ClaimInput input, Set<String> files,
            Map<String, String> errors) {
        List<ClaimInput.Item> submitted = input.itemsOrNone();
        if (submitted.isEmpty() && call.getReimbursementModel() == ReimbursementModel.ACTUAL_COSTS_CAPPED) {
            errors.put("items", Phrase.of("refusal.claim.itemsRequired").stored());
        }
        List<Conversion> conversions = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        for (int i = 0; i < submitted.size(); i++) {
            ClaimInput.Item item = submitted.get(i);
            conversions.add(item == null ? null : checkItem(call, i, item, today, files, errors));
        }
        return conversions;
    }

    /** One expense's amount, date, currency and receipt; its conversion to euros when they allow one. */
    private Conversion checkItem(FundingCall call, int index, ClaimInput.Item item, LocalDate today, Set<String> files,
            Map<String, String> errors) {
        String field = "items[" + index + "]";
        int number = index + 1;
        boolean validAmount = false;
        if (item.amount() == null) {
            // Bean validation or the page says so.
        } else if (item.amount().signum() <= 0 || item.amount().stripTrailingZeros().scale() > 2) {
            errors.put(field + ".amount", Phrase.of("refusal.claim.amount").number("item", number).stored());
        } else if (item.amount().compareTo(MAX_ITEM_AMOUNT) > 0) {
            errors.put(field + ".amount", Phrase.of("refusal.claim.amountTooLarge").number("item", number)
                    .number("max", MAX_ITEM_AMOUNT).stored());
        } else {
            validAmount = true;
        }
        if (item.date() != null && item.date().isAfter(today)) {
            errors.put(field + ".date", Phrase.of("refusal.claim.dateInFuture").number("item", number).stored());
        } else if (item.date() != null && item.date().isBefore(call.getOpensOn().minusYears(1))) {
            errors.put(field + ".date", Phrase.of("refusal.claim.dateTooEarly").number("item", number)
                    .date("opensOn", call.getOpensOn()).stored());
        }
        Conversion conversion = null;
        if (!blank(item.currency()) && item.date() != null) {
            String currency = currency(item);
            boolean known = rates.knows(currency);
            // Only an amount that passed is converted: scaling 1e999999999 to cents would take the server's memory.
            conversion = known && validAmount ? rates.toEuros(item.amount(), currency, item.date()).orElse(null) : null;
            if (conversion == null && (!known || validAmount)) {
                errors.put(field + ".currency", (known
                        ? Phrase.of("refusal.claim.noRate").date("date", item.date())
                        : Phrase.of("refusal.claim.unknownCurrency")).number("item", number)
                        .text("currency", currency).stored());
            }
        }
        if (!blank(item.receipt()) && !files.contains(item.receipt()) && !errors.containsKey("files." + item.receipt())) {
            errors.put(field + ".receipt", Phrase.of("refusal.claim.noSuchReceipt").number("item", number)
                    .text("file", item.receipt()).stored());
        }
        return conversion;
    }

    private void checkAttendance(FundingCall call, ClaimInput input, Set<String> files, Map<String, String> errors) {
        if (input.attendanceProofsOrNone().isEmpty()) {
            errors.put("attendanceProofs", Phrase.of("refusal.claim.attendanceProofRequired").stored());
        }
        for (String proof : input.attendanceProofsOrNone()) {
            if (!files.contains(proof) && !errors.containsKey("files." + proof)) {
                errors.put("attendanceProofs", Phrase.of("refusal.claim.noSuchProof").text("file", proof).stored());
            }
        }
        if (input.daysAttended() != null && (input.daysAttended() < 1 || input.daysAttended() > call.activityDays())) {
            errors.put("daysAttended", Phrase.of("refusal.claim.daysAttended").number("days", call.activityDays())
                    .stored());
        }
    }

    /**
     * Stores each file sent once, as a receipt or as proof of attendance, and makes the draft's files the claim's
     * (those no part names go); returns the document id per part.
     */
    private Map<String, Long> store(ExpenseClaim claim, ClaimInput input, Map<String, CheckedUpload> files, String user) {
        Set<String> receipts = new LinkedHashSet<>();
        input.itemsOrNone().forEach(item -> receipts.add(item.receipt()));
        Map<String, StoredDocument.Purpose> purposes = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>(receipts);
        named.addAll(input.attendanceProofsOrNone());
        files.keySet().stream().filter(named::contains).forEach(part -> purposes.put(part,
                receipts.contains(part) ? StoredDocument.Purpose.RECEIPT : StoredDocument.Purpose.ATTENDANCE_PROOF));
        Map<String, Long> stored = new LinkedHashMap<>();
        documents.keptOfDraft(claim.getId()).stream().filter(kept -> files.get(kept.part()) == null)
                .forEach(kept -> stored.put(kept.part(), kept.id()));
        // A kept file a new one of its part replaces is not the claim's.
        stored.keySet().retainAll(purposes.keySet());
        documents.attachDraftFiles(claim.getId(), stored.keySet().stream()
                .collect(Collectors.toMap(part -> part, purposes::get)));
        files.forEach((part, file) -> {
            if (file != null) {
                stored.put(part, documents.store(claim.getId(), purposes.getOrDefault(part,
                        StoredDocument.Purpose.ATTENDANCE_PROOF), file, user).getId());
            }
        });
        return stored;
    }

    /**
     * Why an item is not eligible, or null when it is: each reason a {@link Phrase}, one a line (see
     * {@link ExpenseItem#ineligibleReason}). All three fit the column's 500 characters.
     */
    static String ineligibility(FundingCall call, ExpenseCategory category, LocalDate date, boolean hasReceipt) {
        List<String> reasons = new ArrayList<>();
        if (date.isBefore(firstExpenseDay(call)) || date.isAfter(lastExpenseDay(call))) {
            reasons.add(Phrase.of("claim.ineligible.dated").date("date", date).date("start", call.getActivityStart())
                    .date("end", call.getActivityEnd()).number("days", TRAVEL_DAYS).stored());
        }
        if (!call.reimburses(category)) {
            reasons.add(Phrase.of("claim.ineligible.category." + category.name()).stored());
        }
        if (!hasReceipt) {
            reasons.add(Phrase.of("claim.ineligible.noReceipt").stored());
        }
        return reasons.isEmpty() ? null : String.join("\n", reasons);
    }

    /** The first day an eligible expense may fall on: the journey there. */
    static LocalDate firstExpenseDay(FundingCall call) {
        return call.getActivityStart().minusDays(TRAVEL_DAYS);
    }

    /** The last day an eligible expense may fall on: the journey back. */
    static LocalDate lastExpenseDay(FundingCall call) {
        return call.getActivityEnd().plusDays(TRAVEL_DAYS);
    }

    /** Day 20: an SME that has not claimed yet is reminded, once. */
    @Transactional
    public void remind(Long claimId) {
        ExpenseClaim claim = claim(claimId);
        if (claim.getRemindedAt() != null || claim.getStatus() != ClaimStatus.OPEN) {
            return;
        }
        claim.reminded(clock.instant());
        audit.record(claim, "system", "CLAIM_REMINDER_SENT", null, null);
        notifications.queue(contacts(claim), NotificationType.CLAIM_REMINDER, claim,
                Map.of("claimReference", claim.reference(), "claimBy", lastDay(claim),
                        "path", "/portal/applications/" + claim.getApplicationId() + "/claim"));
    }

    /** The deadline passed without a claim: the grant is lost and the slot closed. */
    @Transactional
    public void forfeit(Long claimId) {
        ExpenseClaim claim = claim(claimId);
        if (claim.getStatus() == ClaimStatus.FORFEITED) {
            return;
        }
        claim.forfeit();
        discardDraft(claim);
        Application application = application(claim.getApplicationId());
        application.settleGrant(false);
        audit.record(claim, "system", "GRANT_FORFEITED", null, "No claim by " + dueText(claim) + ".");
        audit.record(application, "system", "GRANT_FORFEITED", null, "No expense claim before the deadline.");
        notifications.queue(contacts(claim), NotificationType.GRANT_FORFEITED, claim,
                Map.of("callTitle", callOf(application).getTitle(), "reference", application.reference(),
                        "claimBy", lastDay(claim), "path", "/portal/applications/" + application.getId()));
    }

    /** The claim of the SME user's application as the SME sees it. */
    @Transactional(readOnly = true)
    public ExpenseClaim claimOf(String username, Long applicationId) {
        Application application = applicationService.applicationOf(username, applicationId);
        return claims.findByApplicationId(applicationId).orElseThrow(() -> new NotFoundException(
                Phrase.of("refusal.claim.none").text("reference", application.reference()).stored()));
    }

    /** A file of a claim, for the applicant company's users and the cluster's finance officers. */
    @Transactional(readOnly = true)
    public StoredDocument document(String username, Long claimId, Long documentId) {
        ExpenseClaim claim = claims.findById(claimId).orElse(null);
        boolean allowed = claim != null && (companies.get(claim.getCompanyId()).hasContact(username)
                || (staff.hasRole(username, Roles.FINANCE) && staff.worksFor(username, claim.tenantId())));
        StoredDocument document = allowed ? documents.get(documentId) : null;
        if (document == null || !claimId.equals(document.getClaimId())) {
            throw new NotFoundException(Phrase.of("refusal.claim.documentNotFound").text("document", documentId)
                    .text("claim", claimId).stored());
        }
        return document;
    }

    /** The claim of an application, whoever asks: callers check who may see it. */
    @Transactional(readOnly = true)
    public Optional<ExpenseClaim> claimOfApplication(Long applicationId) {
        return claims.findByApplicationId(applicationId);
    }

    @Transactional(readOnly = true)
    public List<ExpenseClaim> claimsOfCall(Long callId) {
        return claims.findByCallId(callId);
    }

    @Transactional(readOnly = true)
    public List<ExpenseClaim> claimsOfCompany(Long companyId) {
        return claims.findByCompanyId(companyId);
    }

    /**
     * Anonymises the company's claims and their items, and deletes their files and drafts: a receipt or boarding
     * pass names people (see {@link ExpenseClaim#anonymise}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymiseClaimsOf(Long companyId, Erasure erasure) {
        for (ExpenseClaim claim : claims.findByCompanyId(companyId)) {
            claim.anonymise(erasure);
            items.findByClaimIdOrderByPosition(claim.getId()).forEach(item -> item.anonymise(erasure));
            // The items no longer point at their receipts before the files go.
            items.flush();
            documents.deleteOfClaim(claim.getId());
            discardDraft(claim);
        }
    }

    /** A draft is nobody's record, only the company's unfinished values and files: it goes. */
    /** What the SME may still change: an open or returned claim before its deadline, of an application not withdrawn. */
    @Transactional(readOnly = true)
    public boolean editable(ExpenseClaim claim) {
        return claim.awaitsSubmission() && clock.instant().isBefore(claim.getDueAt())
                && application(claim.getApplicationId()).getStatus() != ApplicationStatus.WITHDRAWN;
    }

    /** The application was withdrawn: its claim's draft and kept files go; the claim stays as it was, closed. */
    @Transactional
    public void withdrawn(Long applicationId) {
        claims.findByApplicationId(applicationId).ifPresent(this::discardDraft);
    }

    private void discardDraft(ExpenseClaim claim) {
        drafts.deleteByClaimId(claim.getId());
        documents.deleteDraftFiles(claim.getId());
    }

    @Transactional(readOnly = true)
    public List<ExpenseItem> itemsOf(Long claimId) {
        return items.findByClaimIdOrderByPosition(claimId);
    }

    /** The deadline as people say it: the end of its last day. */
    String dueText(ExpenseClaim claim) {
        return "the end of " + Formats.date(lastDay(claim));
    }

    /** The last day on which the claim may be sent (it is due at the start of the next). */
    LocalDate lastDay(ExpenseClaim claim) {
        return claim.getDueAt().atZone(zone()).toLocalDate().minusDays(1);
    }

    private Set<String> contacts(ExpenseClaim claim) {
        return companies.get(claim.getCompanyId()).getContacts();
    }

    private ExpenseClaim claim(Long claimId) {
        return claims.findById(claimId).orElseThrow(() -> new NotFoundException(
                Phrase.of("refusal.claim.notFound").text("claim", claimId).stored()));
    }

    private Application application(Long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException(
                        Phrase.of("refusal.claim.applicationNotFound").text("application", applicationId).stored()));
    }

    private FundingCall callOf(Application application) {
        return calls.get(application.getCallId());
    }

    private ZoneId zone() {
        return properties.timeZone();
    }

    private static String iban(ClaimInput input) {
        return Iban.normalise(input.iban());
    }

    private static String currency(ClaimInput.Item item) {
        return item.currency().strip().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
