package eu.clustercalls.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
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
@RequestMapping("/api/applications/{applicationId}")
@Tag(name = "Evaluations", description = "Evaluators declare conflicts and score; blind until their own score is in")
class EvaluationController {

    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/evaluations")
    @Operation(summary = "The evaluations of an application: for its evaluators once their own is submitted, "
            + "and for the cluster's call managers")
    List<EvaluationView> list(@PathVariable Long applicationId, Authentication user) {
        return evaluations.visibleTo(applicationId, user.getName()).stream().map(EvaluationView::of).toList();
    }

    @PostMapping("/evaluation")
    @Operation(summary = "Your declaration of a conflict of interest, or your scores per criterion of the rubric")
    ResponseEntity<Void> submit(@PathVariable Long applicationId, @Valid @RequestBody EvaluationRequest request,
            Authentication user) {
        evaluations.submitThroughTask(applicationId, user.getName(), new EvaluationInput(request.conflictOfInterest(),
                request.conflictReason(), request.scores(), request.comment()));
        return ResponseEntity.noContent().build();
    }

    record EvaluationRequest(
            @NotNull(message = "Please declare whether you have a conflict of interest with this applicant.")
            Boolean conflictOfInterest,
            @Size(max = 2000, message = "The description of the conflict can have at most 2,000 characters.")
            String conflictReason,
            Map<String, Integer> scores,
            @Size(max = 4000, message = "The comment can have at most 4,000 characters.") String comment) {
    }

    record EvaluationView(String evaluator, int slot, Instant assignedAt, boolean conflictOfInterest,
            Instant submittedAt, Integer total, Map<String, Integer> scores, String comment) {

        static EvaluationView of(Evaluation evaluation) {
            return new EvaluationView(evaluation.getEvaluator(), evaluation.getSlot(), evaluation.getAssignedAt(),
                    evaluation.isConflict(), evaluation.getSubmittedAt(), evaluation.getTotal(),
                    evaluation.getScores(), evaluation.getComment());
        }
    }
}
