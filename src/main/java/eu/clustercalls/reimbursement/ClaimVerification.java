package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.ReimbursementModel;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.document.DocumentLinks;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.payment.Iban;
import eu.clustercalls.reimbursement.ExpenseClaim.Verification;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;
import eu.clustercalls.support.ViewWords;
import eu.clustercalls.support.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finance's side of a claim: the computed amount, "Verify claim" and "Approve payment" (never by the same person). */
@Service
public class ClaimVerification {

    /** A rate older than this before the expense is pointed out to finance. */
    private static final int STALE_RATE_DAYS = 7;

    private final ExpenseClaimRepository claims;
    private final ExpenseItemRepository items;
    private final ApplicationRepository applications;
    private final CallService calls;
    private final CompanyService companies;
    private final DocumentService documents;
    private final ClaimCalculator calculator;
    private final ClaimService claimService;
    private final StaffDirectory staff;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Clock clock;
    private final StaffViewWords words;

    ClaimVerification(ExpenseClaimRepository claims, ExpenseItemRepository items, ApplicationRepository applications,
            CallService calls, CompanyService companies, DocumentService documents, ClaimCalculator calculator,
            ClaimService claimService, StaffDirectory staff, AuditService audit, NotificationService notifications,
            Clock clock, StaffViewWords words) {
        this.claims = claims;
        this.items = items;
        this.applications = applications;
        this.calls = calls;
        this.companies = companies;
        this.documents = documents;
        this.calculator = calculator;
        this.claimService = claimService;
        this.staff = staff;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.words = words;
    }

    /** Computes the eligible amount under the call's model and flags what finance should look at. */
    @Transactional
    public void compute(Long claimId) {
        ExpenseClaim claim = claim(claimId);
        FundingCall call = calls.get(claim.getCallId());
        Application application = application(claim);
        List<ExpenseItem> claimItems = items.findByClaimIdOrderByPosition(claimId);
        ClaimCalculator.Result result = calculator.compute(call, companies.get(claim.getCompanyId()),
                application.grantAwarded(call.getMaxGrant()), claim.getDaysAttended(), claimItems);
        List<String> flags = new ArrayList<>(result.flags());
        flags.addAll(receiptFlags(claimId, claimItems));
        flags.addAll(rateFlags(claimItems));
        claim.computed(result.claimed(), result.amount(), result.lines(), flags);
        audit.record(claim, "system", "CLAIM_COMPUTED", Formats.euros(result.amount()),
                flags.isEmpty() ? null : flags.size() + " flag(s) for finance");
    }

    /** A receipt already handed in with another claim, or twice in this one, is flagged (flags are kept as phrases). */
    private List<String> receiptFlags(Long claimId, List<ExpenseItem> claimItems) {
        Map<Long, DocumentSummary> byId = documents.ofClaim(claimId).stream()
                .collect(Collectors.toMap(DocumentSummary::getId, Function.identity()));
        List<String> flags = new ArrayList<>();
        Map<String, Integer> firstItemWithHash = new HashMap<>();
        for (ExpenseItem item : claimItems) {
            DocumentSummary receipt = byId.get(item.getReceiptDocumentId());
            if (receipt == null) {
                continue;
            }
            List<Long> others = documents.otherClaimsWithContent(receipt.getSha256(), claimId);
            if (!others.isEmpty()) {
                flags.add(Phrase.of("claim.receiptElsewhere").number("item", item.number())
                        .text("file", receipt.getFileName())
                        .text("claims", others.stream().map(id -> "CLM-" + id).collect(Collectors.joining(", ")))
                        .stored());
            }
            Integer first = firstItemWithHash.putIfAbsent(receipt.getSha256(), item.number());
            if (first != null) {
                flags.add(Phrase.of("claim.sameReceipt").number("first", first).number("item", item.number()).stored());
            }
        }
        return flags;
    }

    private static List<String> rateFlags(List<ExpenseItem> claimItems) {
        return claimItems.stream()
                .filter(item -> !"EUR".equals(item.getCurrency()))
                .filter(item -> item.getRateDate() != null
                        && ChronoUnit.DAYS.between(item.getRateDate(), item.getExpenseDate()) > STALE_RATE_DAYS)
                .map(item -> Phrase.of("claim.staleRate").number("item", item.number())
                        .text("currency", item.getCurrency()).date("rateDate", item.getRateDate())
                        .date("expenseDate", item.getExpenseDate()).stored())
                .toList();
    }

    /** What finance sees in form_verify_claim (and, with the verification, in form_approve_payment). */
    @Transactional(readOnly = true)
    public FormView verificationView(Long claimId) {
        ExpenseClaim claim = claim(claimId);
        return verificationView(claim, words.of(claim.tenantId()));
    }

    private FormView verificationView(ExpenseClaim claim, ViewWords words) {
        Long claimId = claim.getId();
        FundingCall call = calls.get(claim.getCallId());
        Company company = companies.get(claim.getCompanyId());
        Application application = application(claim);
        List<DocumentSummary> files = documents.ofClaim(claimId);
        List<ExpenseItem> claimItems = items.findByClaimIdOrderByPosition(claimId);
        Map<Long, String> fileNames = files.stream()
                .collect(Collectors.toMap(DocumentSummary::getId, DocumentSummary::getFileName));
        return new FormView()
                .text("claimReference", words.get("claim.reference", claim.reference(), application.reference()))
                .text("company", Formats.markdownText(company.getLegalName() + " (" + company.getCity() + ", "
                        + company.getCountry() + ")"))
                .text("callTitle", words.get("claim.call", Formats.markdownText(call.getTitle()),
                        words.label(call.getReimbursementModel()),
                        words.euros(application.grantAwarded(call.getMaxGrant()))))
                .text("submitted", words.get("claim.submitted", Formats.markdownText(claim.getSubmittedBy()),
                        String.valueOf(claim.getDaysAttended()), String.valueOf(call.activityDays())))
                .text("itemsText", itemsText(claimItems, fileNames, words))
                .text("documentsText", documentsText(claimId, files, claimItems, words))
                .text("missionReport", Formats.markdownText(claim.getMissionReport()))
                .text("computationText", list(claim.computation(words), words))
                .text("computedAmount", words.euros(claim.getComputedAmount()))
                .text("flagsText", list(claim.flags(words), words));
    }

    private static String list(List<String> lines, ViewWords words) {
        return words.list(lines, lines.size());
    }

    private static String itemsText(List<ExpenseItem> claimItems, Map<Long, String> fileNames, ViewWords words) {
        List<String> lines = claimItems.stream().map(item -> words.get("claim.item", String.valueOf(item.number()),
                words.label(item.getCategory()), words.date(item.getExpenseDate()), item.getDescription(),
                amountText(item, words))
                + (item.getReceiptDocumentId() == null ? ""
                        : " — " + words.get("claim.item.receipt", fileNames.get(item.getReceiptDocumentId())))
                + (item.isEligible() ? "" : " — " + words.get("claim.item.notEligible", item.ineligibleReason(words)))
                + (item.getVerifiedAmountEur() == null ? ""
                        : " — " + words.get("claim.item.reducedTo", words.euros(item.getVerifiedAmountEur()))))
                .toList();
        return words.list(lines, lines.size());
    }

    /** The amount as on the receipt and, in another currency, the rate used, its date and the amount in euros. */
    static String amountText(ExpenseItem item, ViewWords words) {
        String amount = words.amount(item.getAmount(), item.getCurrency());
        if ("EUR".equals(item.getCurrency())) {
            return amount;
        }
        return words.get("claim.item.foreign", amount, words.rate(item.getUnitsPerEuro()), item.getCurrency(),
                words.date(item.getRateDate()), words.euros(item.getAmountEur()));
    }

    /**
     * Each file as a link finance opens in the browser signed in to Tasklist, with what it is, its type and size, and a
     * warning when the same content came with another claim or twice with this one.
     */
    private String documentsText(Long claimId, List<DocumentSummary> files, List<ExpenseItem> claimItems,
            ViewWords words) {
        if (files.isEmpty()) {
            return words.get("none");
        }
        Map<Long, List<Integer>> itemsOfFile = new HashMap<>();
        claimItems.stream().filter(item -> item.getReceiptDocumentId() != null).forEach(item -> itemsOfFile
                .computeIfAbsent(item.getReceiptDocumentId(), id -> new ArrayList<>()).add(item.number()));
        Map<String, List<Long>> otherClaims = documents.otherClaimsWithContents(
                files.stream().map(DocumentSummary::getSha256).collect(Collectors.toSet()), claimId);
        StringBuilder text = new StringBuilder();
        for (DocumentSummary file : files) {
            List<String> warnings = new ArrayList<>();
            List<Long> others = otherClaims.getOrDefault(file.getSha256(), List.of());
            if (!others.isEmpty()) {
                warnings.add(words.get("claim.document.alsoHandedIn", others.stream().map(id -> "CLM-" + id)
                        .collect(Collectors.joining(", "))));
            }
            List<String> twins = files.stream().filter(other -> other != file && other.getSha256().equals(file.getSha256()))
                    .map(other -> Formats.markdownText(other.getFileName())).toList();
            if (!twins.isEmpty()) {
                warnings.add(words.get("claim.document.sameContent", String.join(", ", twins)));
            }
            text.append("- ").append(DocumentLinks.line(StaffClaimDocuments.path(claimId, file.getId()),
                    file.getFileName(), file.getContentType(), file.getSizeBytes(),
                    what(file, itemsOfFile.getOrDefault(file.getId(), List.of()), words),
                    warnings.isEmpty() ? null : words.get("claim.document.usedElsewhere", String.join("; ", warnings)),
                    words.locale()))
                    .append('\n');
        }
        return text.toString();
    }

    private static String what(DocumentSummary file, List<Integer> itemNumbers, ViewWords words) {
        if (file.getPurpose() == StoredDocument.Purpose.ATTENDANCE_PROOF) {
            return words.get("claim.document.attendanceProof");
        }
        return itemNumbers.isEmpty() ? words.get("claim.document.receipt")
                : words.get("claim.document.receiptOfItem",
                        itemNumbers.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /**
     * Records finance's verification: approve as computed, reduce (items as {@code 2 = 150.00} or the total as
     * {@code total = 1200.00}, one per line, with a reason), or return to the SME with a comment. Returns whether the
     * claim goes back to the SME.
     */
    @Transactional
    public boolean verify(Long claimId, String user, String decision, String reductions, String reason) {
        ExpenseClaim claim = claim(claimId);
        staff.require(user, Roles.FINANCE, claim.tenantId(), "verify expense claims");
        ViewWords words = this.words.of(claim.tenantId());
        Verification verification = FormValues.choice(Verification.class, decision, ReimbursementProcess.FIELD_VERIFICATION,
                words.get("refusal.claim.verificationChoice"));
        String why = FormValues.blankToNull(reason);
        List<ExpenseItem> claimItems = items.findByClaimIdOrderByPosition(claimId);
        claimItems.forEach(item -> item.reduceTo(null, null));
        switch (verification) {
            case APPROVE -> claim.verify(user, clock.instant(), Verification.APPROVE, claim.getComputedAmount(), why);
            case REDUCE -> {
                requireReason(why, words.get("refusal.claim.reductionReason"));
                BigDecimal reduced = reduce(claim, claimItems, reductions, why, words);
                claim.verify(user, clock.instant(), Verification.REDUCE, reduced, why);
            }
            case RETURN -> {
                requireReason(why, words.get("refusal.claim.returnReason"));
                claim.verify(user, clock.instant(), Verification.RETURN, null, why);
                notifications.queue(companies.get(claim.getCompanyId()).getContacts(), NotificationType.CLAIM_RETURNED,
                        claim, Map.of("claimReference", claim.reference(), "why", why,
                                "claimBy", claimService.lastDay(claim),
                                "path", "/portal/applications/" + claim.getApplicationId() + "/claim"));
            }
        }
        audit.record(claim, user, "CLAIM_VERIFIED", verification.name() + (claim.getVerifiedAmount() == null ? ""
                : " " + Formats.euros(claim.getVerifiedAmount())), why);
        return verification == Verification.RETURN;
    }

    private BigDecimal reduce(ExpenseClaim claim, List<ExpenseItem> claimItems, String reductions, String reason,
            ViewWords words) {
        boolean itemsCount = calls.get(claim.getCallId()).getReimbursementModel() == ReimbursementModel.ACTUAL_COSTS_CAPPED;
        BigDecimal total = null;
        List<String> lines = reductions == null ? List.of()
                : reductions.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw reductionProblem(words.get("refusal.claim.noReductions"));
        }
        for (String line : lines) {
            String[] parts = line.split("[=:]", 2);
            BigDecimal amount = parts.length == 2 ? amount(parts[1]) : null;
            if (amount == null || amount.signum() < 0) {
                throw reductionProblem(words.get("refusal.claim.notAReduction", line));
            }
            String target = parts[0].strip().toLowerCase(Locale.UK);
            if (target.equals("total")) {
                total = amount;
                continue;
            }
            if (!itemsCount) {
                throw reductionProblem(words.get("refusal.claim.reduceTheTotal"));
            }
            ExpenseItem item = claimItems.stream().filter(i -> target.equals(String.valueOf(i.number()))).findFirst()
                    .orElseThrow(() -> reductionProblem(words.get("refusal.claim.noSuchItem", target)));
            if (!item.isEligible() || amount.compareTo(item.getAmountEur()) >= 0) {
                throw reductionProblem(words.get("refusal.claim.itemReduction", String.valueOf(item.number()),
                        words.euros(item.acceptedEur())));
            }
            item.reduceTo(amount, reason);
        }
        BigDecimal result = itemsCount
                ? ClaimCalculator.acceptedItems(claimItems).min(claim.getComputedAmount())
                : claim.getComputedAmount();
        if (total != null) {
            result = total.min(result);
        }
        if (result.compareTo(claim.getComputedAmount()) >= 0) {
            throw reductionProblem(words.get("refusal.claim.notLower", words.euros(claim.getComputedAmount())));
        }
        return result;
    }

    /** What the second finance officer sees in form_approve_payment. */
    @Transactional(readOnly = true)
    public FormView approvalView(Long claimId) {
        ExpenseClaim claim = claim(claimId);
        ViewWords words = this.words.of(claim.tenantId());
        return verificationView(claim, words)
                .text("verification", words.get("claim.verifiedBy", words.label(claim.getVerificationDecision()),
                        Formats.markdownText(claim.getVerifiedBy() + (claim.getVerificationReason() == null ? ""
                                : ": " + claim.getVerificationReason()))))
                .text("amountToPay", words.euros(claim.getVerifiedAmount()))
                .text("payee", Formats.markdownText(claim.getAccountHolder()) + ", " + Iban.formatted(claim.getIban()));
    }

    /** Four eyes: whoever verified the claim may not approve its payment. */
    @Transactional(readOnly = true)
    public void checkMayApprove(Long claimId, String user) {
        ExpenseClaim claim = claim(claimId);
        if (user.equals(claim.getVerifiedBy())) {
            throw new ForbiddenException(words.of(claim.tenantId()).get("refusal.claim.ownVerification",
                    claim.reference()));
        }
        staff.require(user, Roles.FINANCE, claim.tenantId(), "approve payments");
    }

    /** Approves the payment, or sends the claim back to verification with a comment; returns whether approved. */
    @Transactional
    public boolean approvePayment(Long claimId, String user, String decision, String comment) {
        checkMayApprove(claimId, user);
        ExpenseClaim claim = claim(claimId);
        ViewWords words = this.words.of(claim.tenantId());
        ReimbursementProcess.PaymentDecision answer = FormValues.choice(ReimbursementProcess.PaymentDecision.class, decision,
                ReimbursementProcess.FIELD_PAYMENT_DECISION, words.get("refusal.claim.paymentChoice"));
        String why = FormValues.blankToNull(comment);
        if (answer == ReimbursementProcess.PaymentDecision.SEND_BACK) {
            if (why == null) {
                throw new InvalidInputException(ReimbursementProcess.FIELD_PAYMENT_COMMENT,
                        words.get("refusal.claim.sendBackComment"));
            }
            claim.sendBackToVerification();
        } else {
            claim.approve(user, clock.instant());
        }
        audit.record(claim, user, "PAYMENT_" + answer.name(), Formats.euros(claim.getVerifiedAmount()), why);
        return answer == ReimbursementProcess.PaymentDecision.APPROVE;
    }

    private ExpenseClaim claim(Long claimId) {
        return claims.findById(claimId).orElseThrow(() -> new NotFoundException("There is no expense claim " + claimId + "."));
    }

    private Application application(ExpenseClaim claim) {
        return applications.findById(claim.getApplicationId()).orElseThrow();
    }


    private static void requireReason(String reason, String message) {
        if (reason == null) {
            throw new InvalidInputException(ReimbursementProcess.FIELD_VERIFICATION_REASON, message);
        }
    }

    private static InvalidInputException reductionProblem(String message) {
        return new InvalidInputException(ReimbursementProcess.FIELD_ITEM_REDUCTIONS, message);
    }

    private static BigDecimal amount(String text) {
        try {
            BigDecimal amount = new BigDecimal(text.strip().replace("€", "").strip());
            return amount.scale() > 2 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
