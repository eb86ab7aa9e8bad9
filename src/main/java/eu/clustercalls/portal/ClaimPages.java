package eu.clustercalls.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.currency.ExchangeRate;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.document.KeptFile;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.reimbursement.ClaimDraft;
import eu.clustercalls.reimbursement.ClaimInput;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.Upload;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.Phrase;
import eu.clustercalls.support.ViewWords;

/**
 * The expense claim of an application: a form while it waits for the SME (prefilled from its draft, or from the claim
 * finance returned), read-only once sent. One press of a button checks everything at once: the page's own checks and
 * {@link ClaimService#refusals} (bean validation and the rules), each message next to its field, naming its expense.
 * A file that passes its own checks is kept in the claim's draft at once, so a refused claim does not lose it.
 */
@Controller
class ClaimPages {

    /** The file field for proofs of attendance; several files are kept as parts attendanceProof-1, attendanceProof-2… */
    static final String ATTENDANCE_PROOF = "attendanceProof";
    /** The page's fields in their order on the page: the summary of errors lists them so. */
    private static final List<String> CLAIM_FIELDS = List.of(ATTENDANCE_PROOF, "daysAttended", "missionReport", "iban",
            "accountHolder");
    private static final List<String> ROW_FIELDS = List.of("Category", "Description", "Date", "Amount", "Currency",
            "Receipt");

    private final ClaimService claims;
    private final ApplicationService applications;
    private final CallService calls;
    private final ExchangeRateService rates;
    private final PortalFormat format;
    private final MessageSource messages;
    private final ObjectMapper json;

    ClaimPages(ClaimService claims, ApplicationService applications, CallService calls, ExchangeRateService rates,
            PortalFormat format, MessageSource messages, ObjectMapper json) {
        this.claims = claims;
        this.applications = applications;
        this.calls = calls;
        this.rates = rates;
        this.format = format;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/portal/applications/{applicationId}/claim")
    String claim(@PathVariable Long applicationId, Authentication user, Model model) {
        ExpenseClaim claim = claims.claimOf(user.getName(), applicationId);
        ClaimForm form = editable(claim) ? claims.draftOf(user.getName(), applicationId).map(this::form).orElse(null)
                : null;
        if (form == null) {
            form = ClaimForm.of(claim, claim.getStatus() == ClaimStatus.RETURNED ? claims.itemsOf(claim.getId())
                    : List.of());
        }
        return page(user, applicationId, claim, form, Map.of(), model);
    }

    /**
     * Sends the claim, saves it as a draft ({@code action=draft}), or removes a kept file ({@code remove=<id>}); the
     * files chosen are kept first in every case.
     */
    @PostMapping("/portal/applications/{applicationId}/claim")
    String submit(@PathVariable Long applicationId, MultipartHttpServletRequest request, Authentication user,
            Model model, HttpServletResponse response) {
        String username = user.getName();
        ExpenseClaim claim = claims.claimOf(username, applicationId);
        if (!editable(claim)) {
            // Sent, paid or past its deadline: nothing to check, the page shows why.
            throw new ConflictException(Phrase.of("refusal.claim.notEditable").text("claim", claim.reference()).stored());
        }
        ViewWords words = format.words();
        Map<String, String> errors = new LinkedHashMap<>();
        keepChosenFiles(request, username, applicationId, words, errors);
        if (request.getParameter("remove") != null) {
            claims.removeKept(username, applicationId, documentId(request.getParameter("remove")));
        }
        Set<String> kept = claims.keptFiles(username, applicationId).stream().map(KeptFile::part)
                .collect(Collectors.toSet());
        ClaimForm form = ClaimForm.from(request::getParameter, row -> kept.contains(ClaimForm.receiptField(row))
                || errors.containsKey(ClaimForm.receiptField(row)));
        if ("draft".equals(request.getParameter("action"))) {
            try {
                claims.saveDraft(username, applicationId, json.writeValueAsString(form));
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(field, words.phrase(message)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A claim form could not be written as JSON", e);
            }
            if (errors.isEmpty()) {
                return "redirect:/portal/applications/" + applicationId + "/claim?draftSaved";
            }
        } else if (request.getParameter("remove") == null) {
            form.check().forEach((field, key) -> errors.putIfAbsent(field,
                    named(field, messages.getMessage(key, null, key, words.locale()), words)));
            ClaimInput input = form.input(kept.stream().filter(part -> part.startsWith(ATTENDANCE_PROOF)).sorted()
                    .toList());
            // The service's rules once: with the page's own refusals when there are some, else as the submission.
            if (!errors.isEmpty()) {
                claims.refusals(username, applicationId, input)
                        .forEach((field, message) -> report(form, field, message, words, errors));
            } else {
                try {
                    claims.submit(username, applicationId, input, List.of());
                    return "redirect:/portal/applications/" + applicationId + "?claimed";
                } catch (InvalidInputException e) {
                    e.fieldErrors().forEach((field, message) -> report(form, field, message, words, errors));
                }
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return page(user, applicationId, claim, form, errors, model);
    }

    /**
     * Checks and keeps each file chosen: a receipt in its row's field, in place of the one kept there; proofs of
     * attendance next to those kept. A refused file is reported at its field, a receipt naming its expense.
     */
    private void keepChosenFiles(MultipartHttpServletRequest request, String username, Long applicationId,
            ViewWords words, Map<String, String> errors) {
        for (int row = 0; row < ClaimForm.ROWS; row++) {
            String field = ClaimForm.receiptField(row);
            MultipartFile file = request.getFile(field);
            if (chosen(file)) {
                keep(username, applicationId, upload(field, file), StoredDocument.Purpose.RECEIPT, field, words, errors);
            }
        }
        int next = claims.keptFiles(username, applicationId).stream().map(KeptFile::part)
                .filter(part -> part.startsWith(ATTENDANCE_PROOF + "-"))
                .mapToInt(part -> Integer.parseInt(part.substring(ATTENDANCE_PROOF.length() + 1))).max().orElse(0);
        for (MultipartFile file : request.getFiles(ATTENDANCE_PROOF).stream().filter(ClaimPages::chosen).toList()) {
            next++;
            keep(username, applicationId, upload(ATTENDANCE_PROOF + "-" + next, file),
                    StoredDocument.Purpose.ATTENDANCE_PROOF, ATTENDANCE_PROOF, words, errors);
        }
    }

    private void keep(String username, Long applicationId, Upload upload, StoredDocument.Purpose purpose, String field,
            ViewWords words, Map<String, String> errors) {
        try {
            claims.keep(username, applicationId, upload, purpose);
        } catch (InvalidInputException e) {
            e.fieldErrors().values().forEach(message -> errors.merge(field, named(field, message, words),
                    (a, b) -> a + " " + b));
        }
    }

    /** A message of the service, at the page's field for the service's field, its expense counted as on the page. */
    private static void report(ClaimForm form, String serviceField, String message, ViewWords words,
            Map<String, String> errors) {
        String field = form.fieldOf(serviceField) == null ? serviceField : form.fieldOf(serviceField);
        int row = ClaimForm.rowOf(field);
        String counted = row < 0 ? message
                : Phrase.read(message).map(phrase -> phrase.number("item", row + 1).stored()).orElse(message);
        errors.putIfAbsent(field, words.phrase(counted));
    }

    /** A message at an expense's field, told of its expense ("Expense 3: …"), unless the service did so already. */
    private static String named(String field, String message, ViewWords words) {
        int row = ClaimForm.rowOf(field);
        boolean named = Phrase.read(message).map(phrase -> phrase.key().equals("refusal.claim.item")).orElse(false);
        return row < 0 || named ? words.phrase(message) : words.phrase(Phrase.of("refusal.claim.item")
                .number("item", row + 1).phrase("problem", message).stored());
    }

    private ClaimForm form(ClaimDraft draft) {
        try {
            return json.readValue(draft.getContent(), ClaimForm.class);
        } catch (JsonProcessingException e) {
            // A draft of an older form: the SME starts from the claim as it is.
            return null;
        }
    }

    private static Long documentId(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private String page(Authentication user, Long applicationId, ExpenseClaim claim, ClaimForm form,
            Map<String, String> errors, Model model) {
        Application application = applications.applicationOf(user.getName(), applicationId);
        FundingCall call = calls.get(application.getCallId());
        boolean editable = editable(claim);
        model.addAttribute("app", application);
        model.addAttribute("call", call);
        model.addAttribute("claim", claim);
        model.addAttribute("editable", editable);
        model.addAttribute("grant", application.grantAwarded(call.getMaxGrant()));
        model.addAttribute("lastDay", claim.getDueAt().minusSeconds(1));
        model.addAttribute("excludedCategories", call.getExcludedExpenses().stream().sorted().toList());
        model.addAttribute("categories", ExpenseCategory.values());
        model.addAttribute("currencies", currencies(call, form));
        model.addAttribute("form", form);
        model.addAttribute("errors", ordered(errors));
        // Fields of the page first, in the page's order; the rest (files as a whole, the claim) after them.
        model.addAttribute("fieldErrors", errors.keySet().stream().filter(ClaimPages::isField).toList());
        model.addAttribute("kept", editable ? claims.keptFiles(user.getName(), applicationId).stream()
                .collect(Collectors.groupingBy(file -> file.part().startsWith(ATTENDANCE_PROOF) ? ATTENDANCE_PROOF
                        : file.part())) : Map.of());
        model.addAttribute("items", editable ? List.of() : claims.itemsOf(claim.getId()));
        return "portal/claim";
    }

    /**
     * The currencies the rate table knows, with the units per euro on the activity's last day, if there is a rate
     * on or before it: what the page's estimate converts with (the claim uses the rate of each expense's date).
     */
    private Map<String, BigDecimal> currencies(FundingCall call, ClaimForm form) {
        Map<String, BigDecimal> currencies = new LinkedHashMap<>();
        currencies.put(ExchangeRateService.EURO, BigDecimal.ONE);
        Stream.concat(rates.all().stream().map(ExchangeRate::getCurrency),
                        form.rows().stream().map(row -> row.currency().strip().toUpperCase(Locale.ROOT)))
                .filter(code -> !code.isBlank()).distinct().sorted()
                .forEach(code -> currencies.putIfAbsent(code, rates.knows(code)
                        ? rates.toEuros(BigDecimal.ONE, code, call.getActivityEnd()).map(c -> c.unitsPerEuro()).orElse(null)
                        : null));
        return currencies;
    }

    /** What {@link ClaimService#submit} accepts. */
    private boolean editable(ExpenseClaim claim) {
        return claims.editable(claim);
    }

    private static boolean isField(String field) {
        return position(field) < Integer.MAX_VALUE || "items".equals(field);
    }

    /** The errors in the page's order: the expenses row by row, then the claim's fields, then the rest. */
    private static Map<String, String> ordered(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        errors.keySet().stream().sorted(Comparator.comparingInt(ClaimPages::position))
                .forEach(field -> ordered.put(field, errors.get(field)));
        return ordered;
    }

    private static int position(String field) {
        int row = ClaimForm.rowOf(field);
        if (row >= 0 && row < ClaimForm.ROWS && ROW_FIELDS.contains(field.substring(("item" + row).length()))) {
            return row * ROW_FIELDS.size() + ROW_FIELDS.indexOf(field.substring(("item" + row).length()));
        }
        int claimField = CLAIM_FIELDS.indexOf(field);
        return claimField < 0 ? Integer.MAX_VALUE : ClaimForm.ROWS * ROW_FIELDS.size() + claimField;
    }

    private static boolean chosen(MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    private static Upload upload(String part, MultipartFile file) {
        try {
            return new Upload(part, file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
