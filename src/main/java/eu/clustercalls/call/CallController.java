package eu.clustercalls.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "Calls", description = "Open calls for everyone; closing and extending for the cluster's call managers")
class CallController {

    private final CallService calls;

    CallController(CallService calls) {
        this.calls = calls;
    }

    @GetMapping
    @Operation(summary = "The calls open for applications now, soonest closing first (no sign-in needed)")
    List<CallView> openCalls() {
        return calls.openCalls().stream().map(CallView::of).toList();
    }

    @GetMapping("/{callId}")
    @Operation(summary = "One published or closed call (no sign-in needed)")
    CallView call(@PathVariable Long callId) {
        return CallView.of(calls.getPublic(callId));
    }

    @PostMapping("/{callId}/early-closure")
    @Operation(summary = "Close a published call now (call managers of its cluster), with the reason")
    ResponseEntity<CallView> closeEarly(@PathVariable Long callId, @Valid @RequestBody EarlyClosure request,
            Authentication user) {
        calls.closeEarly(callId, user.getName(), request.reason());
        return ResponseEntity.ok(CallView.of(calls.get(callId)));
    }

    @PostMapping("/{callId}/extension")
    @Operation(summary = "Move the closing date of a published call later (call managers of its cluster), with the reason")
    ResponseEntity<CallView> extend(@PathVariable Long callId, @Valid @RequestBody Extension request,
            Authentication user) {
        calls.extend(callId, user.getName(), request.closingDate(), request.reason());
        return ResponseEntity.ok(CallView.of(calls.get(callId)));
    }

    record EarlyClosure(@NotBlank(message = "Please give the reason for closing the call early.")
            @Size(max = 2000, message = "The reason can have at most 2,000 characters.") String reason) {
    }

    record Extension(@NotNull(message = "Please give the new closing date.") LocalDate closingDate,
            @NotBlank(message = "Please give the reason for the extension.")
            @Size(max = 2000, message = "The reason can have at most 2,000 characters.") String reason) {
    }

    record CallView(Long id, String reference, String clusterId, String euProject, String title, String description,
            ActivityType activityType, String destinationCity, String destinationCountry, LocalDate activityStart,
            LocalDate activityEnd, LocalDate opensOn, Instant closesAt, int slots, BigDecimal maxGrant,
            ReimbursementModel reimbursementModel, boolean membersOnly, boolean deMinimisApplies, CallStatus status) {

        static CallView of(FundingCall call) {
            return new CallView(call.getId(), call.reference(), call.getClusterId(), call.getEuProject(),
                    call.getTitle(), call.getDescription(), call.getActivityType(), call.getDestinationCity(),
                    call.getDestinationCountry(), call.getActivityStart(), call.getActivityEnd(), call.getOpensOn(),
                    call.getClosesAt(), call.getSlots(), call.getMaxGrant(), call.getReimbursementModel(),
                    call.isMembersOnly(), call.isDeMinimisApplies(), call.getStatus());
        }
    }
}
