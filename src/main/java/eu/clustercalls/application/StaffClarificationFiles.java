package eu.clustercalls.application;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import eu.clustercalls.document.Downloads;
import eu.clustercalls.support.StaffLink;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The files an SME sent with a clarification answer, opened from the links of "Review eligibility" in the browser
 * signed in to Tasklist (security/TasklistSessionSecurity); who may open one is {@link EligibilityService#clarificationFile}.
 */
@RestController
@Hidden
@StaffLink
class StaffClarificationFiles {

    private final EligibilityService eligibility;

    StaffClarificationFiles(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @GetMapping("/staff/applications/{applicationId}/clarification-files/{documentId}")
    ResponseEntity<byte[]> file(@PathVariable Long applicationId, @PathVariable Long documentId, Authentication user) {
        return Downloads.attachment(eligibility.clarificationFile(user.getName(), applicationId, documentId));
    }
}
