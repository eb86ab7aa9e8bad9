package eu.clustercalls.audit;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Read only: the application offers no way to change or delete an audit event. */
@RestController
@Tag(name = "Audit trail", description = "Who decided what, when and why; for the call managers of the cluster")
class AuditTrailController {

    private final AuditTrails trails;

    AuditTrailController(AuditTrails trails) {
        this.trails = trails;
    }

    @GetMapping("/api/applications/{applicationId}/audit")
    @Operation(summary = "The audit trail of an application and its expense claim, oldest first")
    List<AuditEventView> application(@PathVariable Long applicationId, Authentication user) {
        return trails.ofApplication(user.getName(), applicationId).stream().map(AuditEventView::of).toList();
    }

    @GetMapping("/api/calls/{callId}/audit")
    @Operation(summary = "The audit trail of a call, its applications and their expense claims, oldest first")
    List<AuditEventView> call(@PathVariable Long callId, Authentication user) {
        return trails.ofCall(user.getName(), callId).stream().map(AuditEventView::of).toList();
    }
}
