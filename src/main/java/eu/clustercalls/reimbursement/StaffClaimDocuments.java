package eu.clustercalls.reimbursement;

import java.nio.charset.StandardCharsets;

import eu.clustercalls.document.Downloads;
import eu.clustercalls.support.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A claim's files for finance, opened from the links of "Verify claim" and "Approve payment" in the browser signed in
 * to Tasklist (security/TasklistSessionSecurity); who may open one is the API's rule ({@link ClaimService#document}).
 */
@RestController
@Hidden
class StaffClaimDocuments {

    private final ClaimService claims;

    StaffClaimDocuments(ClaimService claims) {
        this.claims = claims;
    }

    /** The address a staff form links a claim's file with. */
    static String path(Long claimId, Long documentId) {
        return "/staff/claims/" + claimId + "/documents/" + documentId;
    }

    @GetMapping("/staff/claims/{claimId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable Long claimId, @PathVariable Long documentId, Authentication user) {
        return Downloads.attachment(claims.document(user.getName(), claimId, documentId));
    }

    /** A person followed a link in a browser: the sentence as the page, not a JSON document. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(e.getMessage());
    }
}
