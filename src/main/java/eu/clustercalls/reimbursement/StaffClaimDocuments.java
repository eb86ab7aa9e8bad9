package eu.clustercalls.reimbursement;

import eu.clustercalls.document.Downloads;
import eu.clustercalls.support.StaffLink;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A claim's files for finance, opened from the links of "Verify claim" and "Approve payment" in the browser signed in
 * to Tasklist (security/TasklistSessionSecurity); who may open one is the API's rule ({@link ClaimService#document}).
 */
@RestController
@Hidden
@StaffLink
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
}
