package eu.clustercalls.reimbursement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.Downloads;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.support.ViewWords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
@Tag(name = "Expense claims", description = "A confirmed SME claims its travel costs after the activity")
class ClaimController {

    static final String CLAIM_PART = "claim";

    private final ClaimService claims;
    private final DocumentService documents;
    private final PaymentService payments;
    private final MessageSource messages;

    ClaimController(ClaimService claims, DocumentService documents, PaymentService payments, MessageSource messages) {
        this.claims = claims;
        this.documents = documents;
        this.payments = payments;
        this.messages = messages;
    }

    // Not @Valid: the service validates the claim with its rules, so that every refusal comes in one answer.
    // No "consumes": a request that is not multipart must reach the exception handler, which tells the client how
    // to send a claim; refused by the mapping it would get an empty 415, as the handler covers this package only.
    @PostMapping("/api/applications/{applicationId}/expense-claim")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit (or correct) the expense claim of your application: a part 'claim' with the JSON, "
            + "and one part per file (PDF, JPEG or PNG) named by the items' 'receipt' and by 'attendanceProofs'")
    ClaimView submit(@PathVariable Long applicationId, @RequestPart(CLAIM_PART) ClaimInput claim,
            MultipartHttpServletRequest request, Authentication user) {
        List<Upload> uploads = request.getFileMap().entrySet().stream()
                .filter(part -> !CLAIM_PART.equals(part.getKey()))
                .map(part -> upload(part.getKey(), part.getValue()))
                .toList();
        return view(claims.submit(user.getName(), applicationId, claim, uploads));
    }

    @GetMapping("/api/applications/{applicationId}/expense-claim")
    @Operation(summary = "Your expense claim: its items in euros, which are not eligible and why, the amount and the payment")
    ClaimView get(@PathVariable Long applicationId, Authentication user) {
        return view(claims.claimOf(user.getName(), applicationId));
    }

    @GetMapping("/api/expense-claims/{claimId}/documents/{documentId}")
    @Operation(summary = "A receipt or proof of attendance of a claim (its company's users and the cluster's finance officers)")
    ResponseEntity<byte[]> document(@PathVariable Long claimId, @PathVariable Long documentId, Authentication user) {
        return Downloads.attachment(claims.document(user.getName(), claimId, documentId));
    }

    /** The computation and the reasons in the language the request asks for (Accept-Language), English by default. */
    private ClaimView view(ExpenseClaim claim) {
        return ClaimView.of(claim, claims.itemsOf(claim.getId()), documents.ofClaim(claim.getId()),
                payments.ofClaim(claim.getId()).orElse(null), new ViewWords(messages, LocaleContextHolder.getLocale()));
    }

    private static Upload upload(String part, MultipartFile file) {
        try {
            return new Upload(part, file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
