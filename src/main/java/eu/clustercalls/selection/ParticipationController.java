package eu.clustercalls.selection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Participation", description = "A selected SME confirms or declines its place")
class ParticipationController {

    private final SelectionService selection;

    ParticipationController(SelectionService selection) {
        this.selection = selection;
    }

    @PostMapping("/api/applications/{applicationId}/participation")
    @Operation(summary = "Confirm or decline the participation of your selected application; declining frees the slot")
    ResponseEntity<Void> answer(@PathVariable Long applicationId, @Valid @RequestBody ParticipationAnswer request,
            Authentication user) {
        selection.answerParticipation(user.getName(), applicationId, request.confirm(), request.reason());
        return ResponseEntity.noContent().build();
    }

    record ParticipationAnswer(
            @NotNull(message = "Please say whether your company takes part (confirm: true or false).") Boolean confirm,
            @Size(max = 2000, message = "The reason can have at most 2,000 characters.") String reason) {
    }
}
