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

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationService;
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
    private final Clock clock;

    ClaimService(ExpenseClaimRepository claims, ExpenseItemRepository items, ApplicationRepository applications,
            ApplicationService applicationService, CallService calls, CompanyService companies,
            DocumentService documents, ExchangeRateService rates, AuditService audit, NotificationService notifications,
            TaskService taskService, StaffDirectory staff, ClusterCallsProperties properties, Clock clock) {
        this.claims = claims;
        this.items = items;
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
     * Submits (or, after finance returned it, corrects) the claim of the SME user's application and completes the
     * SME's task. Every problem of the input is reported at once; then nothing is stored.
     */
    @Transactional
    public ExpenseClaim submit(String username, Long applicationId, ClaimInput input, List<Upload> uploads) {
        Application application = applicationService.applicationOf(username, applicationId);
        ExpenseClaim claim = claims.findByApplicationId(applicationId)
                .flatMap(found -> claims.lock(found.getId()))
                .orElseThrow(() -> new ConflictException("There is no expense claim for " + application.reference()
                        + " yet: it opens when the activity is over, for confirmed participants."));
        if (!claim.awaitsSubmission()) {
            throw new ConflictException(claim.reference() + " is " + claim.getStatus().name().toLowerCase(Locale.UK)
                    + " and cannot be changed now.");
        }
        if (!clock.instant().isBefore(claim.getDueAt())) {
            throw new ConflictException(claim.reference() + " was due by " + dueText(claim)
                    + "; it can no longer be sent.");
        }
        Task task = taskService.createTaskQuery().processInstanceId(claim.getProcessInstanceId())
                .taskDefinitionKey(ReimbursementProcess.TASK_SUBMIT_CLAIM).singleResult();
        if (task == null) {
            throw new ConflictException(claim.reference() + " is not waiting for a submission.");
        }
        FundingCall call = calls.get(claim.getCallId());
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, CheckedUpload> files = checkFiles(uploads, errors);
        List<Conversion> conversions = checkItems(call, input, files, errors);
        checkAttendance(call, input, files, errors);
        String iban = Iban.normalise(input.iban());
        try {
            Iban.check("iban", iban);
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
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
        claim.submit(username, clock.instant(), input.missionReport().strip(), input.daysAttended(), iban,
                input.accountHolder().strip());
        audit.record(claim, username, "CLAIM_SUBMITTED", submitted.size() + " items", null);
        taskService.complete(task.getId());
        return claim;
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
            throw new InvalidInputException("claim", "Please send your claim with its receipts in the ClusterCalls "
                    + "portal; this task completes when the portal receives it.");
        }
    }

    private Map<String, CheckedUpload> checkFiles(List<Upload> uploads, Map<String, String> errors) {
        Map<String, CheckedUpload> files = new LinkedHashMap<>();
        long total = 0;
        for (Upload upload : uploads) {
            String field = "files." + upload.part();
            try {
                files.put(upload.part(), documents.check(field, upload.fileName(), upload.content()));
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
            total += upload.content().length;
        }
        try {
            documents.checkTotal("files", total);
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        return files;
    }

    private List<Conversion> checkItems(FundingCall call, ClaimInput input, Map<String, CheckedUpload> files,
            Map<String, String> errors) {
        List<ClaimInput.Item> submitted = input.itemsOrNone();
        if (submitted.isEmpty() && call.getReimbursementModel() == ReimbursementModel.ACTUAL_COSTS_CAPPED) {
            errors.put("items", "Please list your expenses, each with its receipt: this call reimburses actual costs.");
        }
        List<Conversion> conversions = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        for (int i = 0; i < submitted.size(); i++) {
            ClaimInput.Item item = submitted.get(i);
            String field = "items[" + i + "]";
            boolean validAmount = false;
            if (item.amount().signum() <= 0 || item.amount().stripTrailingZeros().scale() > 2) {
                errors.put(field + ".amount", "Please enter an amount above zero with at most two decimals.");
            } else if (item.amount().compareTo(MAX_ITEM_AMOUNT) > 0) {
                errors.put(field + ".amount", "Please check the amount: one receipt can be at most "
                        + Formats.number(MAX_ITEM_AMOUNT) + " in its currency.");
            } else {
                validAmount = true;
            }
            if (item.date().isAfter(today)) {
                errors.put(field + ".date", "The date of an expense cannot be in the future.");
            } else if (item.date().isBefore(call.getOpensOn().minusYears(1))) {
                errors.put(field + ".date", "Please check the date: it is more than a year before the call opened.");
            }
            String currency = currency(item);
            boolean known = rates.knows(currency);
            // Only an amount that passed is converted: scaling 1e999999999 to cents would take the server's memory.
            Conversion conversion = known && validAmount
                    ? rates.toEuros(item.amount(), currency, item.date()).orElse(null) : null;
            if (conversion == null && (!known || validAmount)) {
                errors.put(field + ".currency", (known
                        ? "There is no " + currency + " exchange rate on or before " + Formats.date(item.date()) + "."
                        : "There is no exchange rate for '" + currency + "'.")
                        + " Please give the amount in EUR, or ask the cluster's finance team to add the rate.");
            }
            conversions.add(conversion);
            if (!blank(item.receipt()) && !files.containsKey(item.receipt()) && !errors.containsKey("files." + item.receipt())) {
                errors.put(field + ".receipt", "No file named '" + item.receipt() + "' was sent with the claim.");
            }
        }
        return conversions;
    }

    private void checkAttendance(FundingCall call, ClaimInput input, Map<String, CheckedUpload> files,
            Map<String, String> errors) {
        if (input.attendanceProofsOrNone().isEmpty()) {
            errors.put("attendanceProofs", "Please attach proof of attendance: a boarding pass, the attendance list or your badge.");
        }
        for (String proof : input.attendanceProofsOrNone()) {
            if (!files.containsKey(proof) && !errors.containsKey("files." + proof)) {
                errors.put("attendanceProofs", "No file named '" + proof + "' was sent with the claim.");
            }
        }
        if (input.daysAttended() < 1 || input.daysAttended() > call.activityDays()) {
            errors.put("daysAttended", "Please give a number of days from 1 to " + call.activityDays()
                    + ", the length of the activity.");
        }
        Set<String> named = new LinkedHashSet<>(input.attendanceProofsOrNone());
        input.itemsOrNone().forEach(item -> named.add(item.receipt()));
        List<String> unnamed = files.keySet().stream().filter(part -> !named.contains(part)).toList();
        if (!unnamed.isEmpty()) {
            errors.put("files", "No expense or proof of attendance names " + String.join(", ", unnamed)
                    + "; please name each file you send, or leave it out.");
        }
    }

    /** Stores each file once, as a receipt or as proof of attendance; returns the document id per part. */
    private Map<String, Long> store(ExpenseClaim claim, ClaimInput input, Map<String, CheckedUpload> files, String user) {
        Set<String> receipts = new LinkedHashSet<>();
        input.itemsOrNone().forEach(item -> receipts.add(item.receipt()));
        Map<String, Long> stored = new LinkedHashMap<>();
        files.forEach((part, file) -> stored.put(part, documents.store(claim.getId(),
                receipts.contains(part) ? StoredDocument.Purpose.RECEIPT : StoredDocument.Purpose.ATTENDANCE_PROOF,
                file, user).getId()));
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
                "There is no expense claim for " + application.reference() + " yet."));
    }

    /** A file of a claim, for the applicant company's users and the cluster's finance officers. */
    @Transactional(readOnly = true)
    public StoredDocument document(String username, Long claimId, Long documentId) {
        ExpenseClaim claim = claims.findById(claimId).orElse(null);
        boolean allowed = claim != null && (companies.get(claim.getCompanyId()).hasContact(username)
                || (staff.hasRole(username, Roles.FINANCE) && staff.worksFor(username, claim.tenantId())));
        StoredDocument document = allowed ? documents.get(documentId) : null;
        if (document == null || !claimId.equals(document.getClaimId())) {
            throw new NotFoundException("There is no document " + documentId + " of claim " + claimId + " that you may see.");
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
     * Anonymises the company's claims and their items, and deletes their files: a receipt or boarding pass names
     * people (see {@link ExpenseClaim#anonymise}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymiseClaimsOf(Long companyId, Erasure erasure) {
        for (ExpenseClaim claim : claims.findByCompanyId(companyId)) {
            claim.anonymise(erasure);
            items.findByClaimIdOrderByPosition(claim.getId()).forEach(item -> item.anonymise(erasure));
            // The items no longer point at their receipts before the files go.
            items.flush();
            documents.deleteOfClaim(claim.getId());
        }
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
        return claims.findById(claimId).orElseThrow(() -> new NotFoundException("There is no expense claim " + claimId + "."));
    }

    private Application application(Long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("There is no application " + applicationId + "."));
    }

    private FundingCall callOf(Application application) {
        return calls.get(application.getCallId());
    }

    private ZoneId zone() {
        return properties.timeZone();
    }

    private static String currency(ClaimInput.Item item) {
        return item.currency().strip().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
