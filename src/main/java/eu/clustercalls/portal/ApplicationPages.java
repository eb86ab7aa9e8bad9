package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationPdf;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.EligibilityService;
import eu.clustercalls.application.Selection;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.audit.Audited;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.Criterion;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.Downloads;
import eu.clustercalls.evaluation.EvaluationService;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.selection.SelectionService;
import eu.clustercalls.selection.Withdrawals;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;

/**
 * "My applications": the list, and one application with its timeline, the reasons of every decision, the scores
 * once the call's results are published, the answers given and the documents. Another company's application reads
 * as not found.
 */
@Controller
class ApplicationPages {

    /** A line of the list. */
    record Row(Long id, String reference, String callTitle, Instant submittedAt, ApplicationTimeline.Badge badge) {
    }

    /** A criterion's average over the evaluators, out of its maximum. */
    record Score(String code, BigDecimal points, int maxPoints) {
    }

    private final ApplicationService applications;
    private final CallService calls;
    private final ClaimService claims;
    private final DocumentService documents;
    private final PaymentService payments;
    private final EvaluationService evaluations;
    private final SelectionService selection;
    private final AuditService audit;
    private final Withdrawals withdrawals;
    private final ApplicationPdf applicationPdf;
    private final EligibilityService eligibility;

    ApplicationPages(ApplicationService applications, CallService calls, ClaimService claims,
            DocumentService documents, PaymentService payments, EvaluationService evaluations,
            SelectionService selection, AuditService audit, Withdrawals withdrawals, ApplicationPdf applicationPdf,
            EligibilityService eligibility) {
        this.applications = applications;
        this.calls = calls;
        this.claims = claims;
        this.documents = documents;
        this.payments = payments;
        this.evaluations = evaluations;
        this.selection = selection;
        this.audit = audit;
        this.withdrawals = withdrawals;
        this.applicationPdf = applicationPdf;
        this.eligibility = eligibility;
    }

    @GetMapping("/portal/applications")
    String list(Authentication user, Model model) {
        model.addAttribute("applications", applications.applicationsOf(user.getName()).stream()
                .map(a -> new Row(a.getId(), a.reference(), calls.get(a.getCallId()).getTitle(), a.getSubmittedAt(),
                        ApplicationTimeline.badge(a, claims.claimOfApplication(a.getId()))))
                .toList());
        return "portal/applications";
    }

    @GetMapping("/portal/applications/{applicationId}")
    String application(@PathVariable Long applicationId, Authentication user, Model model) {
        Application application = applications.applicationOf(user.getName(), applicationId);
        FundingCall call = calls.get(application.getCallId());
        Optional<ExpenseClaim> claim = claims.claimOfApplication(applicationId);
        List<AuditEvent> trail = trailOf(application, claim);
        // "application" is Thymeleaf's name for the servlet context.
        model.addAttribute("app", application);
        model.addAttribute("call", call);
        model.addAttribute("badge", ApplicationTimeline.badge(application, claim));
        model.addAttribute("timeline", ApplicationTimeline.of(application, claim, trail));
        model.addAttribute("ineligibilityReasons", EligibilityService.reasonsShownToApplicant(application));
        model.addAttribute("belowThreshold", application.getSelection() == Selection.REJECTED
                && application.getFinalScore() != null
                && application.getFinalScore().compareTo(call.getScoreThreshold()) < 0);
        model.addAttribute("declineReason", trail.stream()
                .filter(e -> e.getAction().equals("PARTICIPATION_DECLINED")).map(AuditEvent::getReason)
                .reduce((first, second) -> second).orElse(null));
        boolean resultsOut = call.getStatus() == CallStatus.RESULTS_PUBLISHED;
        model.addAttribute("resultsOut", resultsOut && application.getSelection() != null);
        if (resultsOut && application.getFinalScore() != null) {
            Map<String, BigDecimal> averages = evaluations.averageScores(List.of(applicationId))
                    .getOrDefault(applicationId, Map.of());
            List<Score> scores = new ArrayList<>();
            for (Criterion criterion : call.getCriteria()) {
                scores.add(new Score(criterion.code(), averages.getOrDefault(criterion.code(), BigDecimal.ZERO),
                        criterion.maxPoints()));
            }
            model.addAttribute("scores", scores);
        }
        model.addAttribute("awardLetter", selection.awardLetterDocumentId(applicationId).isPresent());
        model.addAttribute("clarificationFiles", eligibility.clarificationFilesOf(applicationId));
        Optional<String> withdrawalRefusal = withdrawals.refusal(application);
        model.addAttribute("withdrawable", withdrawalRefusal.isEmpty());
        // Said next to the (disabled) button only once it is paid: an application decided otherwise offers nothing.
        model.addAttribute("withdrawalRefusal", withdrawalRefusal
                .filter(refusal -> Phrase.read(refusal).filter(p -> p.key().equals("refusal.withdrawal.paid")).isPresent())
                .orElse(null));
        claim.ifPresent(found -> {
            model.addAttribute("claim", found);
            model.addAttribute("items", claims.itemsOf(found.getId()));
            model.addAttribute("documents", documents.ofClaim(found.getId()));
            payments.ofClaim(found.getId()).ifPresent(payment -> model.addAttribute("payment", payment));
        });
        return "portal/application";
    }

    /** The award letter's PDF as it was sent, once the SME confirmed its place. */
    @GetMapping("/portal/applications/{applicationId}/award-letter")
    ResponseEntity<byte[]> awardLetter(@PathVariable Long applicationId, Authentication user) {
        Application application = applications.applicationOf(user.getName(), applicationId);
        Long documentId = selection.awardLetterDocumentId(applicationId)
                .orElseThrow(() -> new NotFoundException(application.reference() + " has no award letter."));
        return Downloads.attachment(documents.ofApplication(applicationId, documentId));
    }

    /** A file of the application's expense claim; the claim service refuses anyone but the company and finance. */
    @GetMapping("/portal/applications/{applicationId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable Long applicationId, @PathVariable Long documentId,
            Authentication user) {
        Application application = applications.applicationOf(user.getName(), applicationId);
        ExpenseClaim claim = claims.claimOfApplication(application.getId())
                .orElseThrow(() -> new NotFoundException(application.reference() + " has no expense claim."));
        return Downloads.attachment(claims.document(user.getName(), claim.getId(), documentId));
    }

    /** A file the SME sent with an answer to a clarification request. */
    @GetMapping("/portal/applications/{applicationId}/clarification-files/{documentId}")
    ResponseEntity<byte[]> clarificationFile(@PathVariable Long applicationId, @PathVariable Long documentId,
            Authentication user) {
        applications.applicationOf(user.getName(), applicationId);
        return Downloads.attachment(eligibility.clarificationFileOf(applicationId, documentId));
    }

    /** The application as submitted, as a PDF in the reader's language. */
    @GetMapping("/portal/applications/{applicationId}/pdf")
    ResponseEntity<byte[]> submittedPdf(@PathVariable Long applicationId, Authentication user) {
        Application application = applications.applicationOf(user.getName(), applicationId);
        return Downloads.pdf(ApplicationPdf.fileName(application),
                applicationPdf.render(application, LocaleContextHolder.getLocale()));
    }

    /** The confirmation step of a withdrawal: what it means for this application, and an optional reason. */
    @GetMapping("/portal/applications/{applicationId}/withdraw")
    String withdrawal(@PathVariable Long applicationId, Authentication user, Model model) {
        return withdrawalPage(applications.applicationOf(user.getName(), applicationId), "", null, null, model);
    }

    @PostMapping("/portal/applications/{applicationId}/withdraw")
    String withdraw(@PathVariable Long applicationId, @RequestParam(defaultValue = "") String reason,
            Authentication user, Model model, HttpServletResponse response) {
        Application application = applications.applicationOf(user.getName(), applicationId);
        try {
            withdrawals.withdraw(user.getName(), applicationId, reason);
            return "redirect:/portal/applications/" + applicationId + "?withdrawn";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return withdrawalPage(application, reason, e.fieldErrors().get("reason"), null, model);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return withdrawalPage(application, reason, null, e.getMessage(), model);
        }
    }

    private String withdrawalPage(Application application, String reason, String reasonError, String refusal,
            Model model) {
        model.addAttribute("app", application);
        model.addAttribute("call", calls.get(application.getCallId()));
        model.addAttribute("holdsSlot", ApplicationStatus.HOLDING_A_SLOT.contains(application.getStatus()));
        model.addAttribute("reason", reason);
        model.addAttribute("reasonError", reasonError);
        model.addAttribute("refusal", refusal != null ? refusal : withdrawals.refusal(application).orElse(null));
        model.addAttribute("maxReason", ApplicationService.MAX_WITHDRAWAL_REASON);
        return "portal/withdraw";
    }

    private List<AuditEvent> trailOf(Application application, Optional<ExpenseClaim> claim) {
        List<Audited> entities = new ArrayList<>(List.of(application));
        claim.ifPresent(entities::add);
        return audit.trailOf(entities);
    }
}
