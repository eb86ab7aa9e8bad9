package eu.clustercalls.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

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
import eu.clustercalls.reimbursement.ClaimInput;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.Upload;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.InvalidInputException;

/**
 * The expense claim of an application: a form while it waits for the SME (prefilled when finance returned it),
 * read-only once sent. {@link ClaimService#submit} checks and stores it; this page turns its fields and files into
 * the service's input and puts each error back next to its field.
 */
@Controller
class ClaimPages {

    /** The file field for proofs of attendance; several files are sent as parts attendanceProof, attendanceProof-2… */
    static final String ATTENDANCE_PROOF = "attendanceProof";

    private final ClaimService claims;
    private final ApplicationService applications;
    private final CallService calls;
    private final ExchangeRateService rates;
    private final Validator validator;
    private final Clock clock;

    ClaimPages(ClaimService claims, ApplicationService applications, CallService calls, ExchangeRateService rates,
            Validator validator, Clock clock) {
        this.claims = claims;
        this.applications = applications;
        this.calls = calls;
        this.rates = rates;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/portal/applications/{applicationId}/claim")
    String claim(@PathVariable Long applicationId, Authentication user, Model model) {
        ExpenseClaim claim = claims.claimOf(user.getName(), applicationId);
        return page(user, applicationId, claim, ClaimForm.of(claim, claim.getStatus() == ClaimStatus.RETURNED
                ? claims.itemsOf(claim.getId()) : List.of()), Map.of(), model);
    }

    @PostMapping("/portal/applications/{applicationId}/claim")
    String submit(@PathVariable Long applicationId, MultipartHttpServletRequest request, Authentication user,
            Model model, HttpServletResponse response) {
        ExpenseClaim claim = claims.claimOf(user.getName(), applicationId);
        if (!editable(claim)) {
            // Sent, paid or past its deadline: nothing to check, the page shows why.
            throw new ConflictException(claim.reference() + " cannot be changed now.");
        }
        ClaimForm form = ClaimForm.from(request::getParameter,
                row -> chosen(request.getFile(ClaimForm.receiptField(row))));
        Map<String, String> errors = form.check();
        if (errors.isEmpty()) {
            List<Upload> uploads = new ArrayList<>();
            for (int row : form.startedRows()) {
                uploads.add(upload(ClaimForm.receiptField(row), request.getFile(ClaimForm.receiptField(row))));
            }
            List<String> proofs = new ArrayList<>();
            for (MultipartFile file : request.getFiles(ATTENDANCE_PROOF).stream().filter(ClaimPages::chosen).toList()) {
                String part = proofs.isEmpty() ? ATTENDANCE_PROOF : ATTENDANCE_PROOF + "-" + (proofs.size() + 1);
                proofs.add(part);
                uploads.add(upload(part, file));
            }
            ClaimInput input = form.input(proofs);
            Map<String, String> invalid = new TreeMap<>();
            for (ConstraintViolation<ClaimInput> violation : validator.validate(input)) {
                invalid.put(violation.getPropertyPath().toString(), violation.getMessage());
            }
            try {
                if (!invalid.isEmpty()) {
                    throw new InvalidInputException(invalid);
                }
                claims.submit(user.getName(), applicationId, input, uploads);
                return "redirect:/portal/applications/" + applicationId + "?claimed";
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> errors.merge(
                        form.fieldOf(field) == null ? field : form.fieldOf(field), message, (a, b) -> a + " " + b));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(user, applicationId, claim, form, errors, model);
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
        model.addAttribute("errors", errors);
        // Fields of the page first, in the page's order; the rest (files as a whole, the claim) after them.
        model.addAttribute("fieldErrors", errors.keySet().stream().filter(ClaimPages::isField).toList());
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

    /** What {@link ClaimService#submit} accepts: an open or returned claim before its deadline. */
    private boolean editable(ExpenseClaim claim) {
        return claim.awaitsSubmission() && clock.instant().isBefore(claim.getDueAt());
    }

    private static boolean isField(String field) {
        return field.matches("item[0-" + (ClaimForm.ROWS - 1) + "](Category|Description|Date|Amount|Currency|Receipt)")
                || List.of(ATTENDANCE_PROOF, "items", "daysAttended", "missionReport", "iban", "accountHolder")
                        .contains(field);
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
