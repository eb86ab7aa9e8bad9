package eu.clustercalls.application;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.support.ViewWords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Applications", description = "An SME's applications: apply, follow, answer clarification requests")
class ApplicationController {

    private final ApplicationService applications;
    private final EligibilityService eligibility;
    private final CallService calls;
    private final MessageSource messages;

    ApplicationController(ApplicationService applications, EligibilityService eligibility, CallService calls,
            MessageSource messages) {
        this.applications = applications;
        this.eligibility = eligibility;
        this.calls = calls;
        this.messages = messages;
    }

    @PostMapping("/calls/{callId}/applications")
    @Operation(summary = "Apply to an open call for one of your companies")
    ResponseEntity<ApplicationView> apply(@PathVariable Long callId, @Valid @RequestBody ApplyRequest request,
            Authentication user) {
        Application application = applications.apply(callId, user.getName(), request.toCommand());
        return ResponseEntity.created(URI.create("/api/applications/" + application.getId())).body(view(application));
    }

    @GetMapping("/applications")
    @Operation(summary = "The applications of the companies you act for, newest first")
    List<ApplicationView> mine(Authentication user) {
        return applications.applicationsOf(user.getName()).stream().map(this::view).toList();
    }

    @GetMapping("/applications/{applicationId}")
    @Operation(summary = "One of your applications, with its status and, once decided, the reasons")
    ApplicationView one(@PathVariable Long applicationId, Authentication user) {
        return view(applications.applicationOf(user.getName(), applicationId));
    }

    @PostMapping("/applications/{applicationId}/clarification-answer")
    @Operation(summary = "Answer the eligibility reviewer's open question")
    ApplicationView answer(@PathVariable Long applicationId, @Valid @RequestBody ClarificationAnswer request,
            Authentication user) {
        applications.answerClarification(user.getName(), applicationId, request.answer());
        return view(applications.applicationOf(user.getName(), applicationId));
    }

    private ApplicationView view(Application application) {
        FundingCall call = calls.get(application.getCallId());
        ClarificationView clarification = eligibility.clarificationsOf(application.getId()).stream()
                .reduce((first, second) -> second)
                .map(r -> new ClarificationView(r.getQuestion(), r.getRequestedAt(), r.getDueAt(), r.getAnswer(),
                        r.getAnsweredAt(), r.isExpired()))
                .orElse(null);
        // The reasons in the reader's language: the portal's choice (its cookie), else the request's Accept-Language.
        ViewWords words = new ViewWords(messages, LocaleContextHolder.getLocale());
        return new ApplicationView(application.getId(), application.reference(), call.getId(), call.getTitle(),
                application.getCompanyId(), application.getSubmittedAt(), application.getRequestedAmount(),
                application.getStatus(), application.getEligible(),
                EligibilityService.reasonsShownToApplicant(application).stream().map(words::phrase).toList(),
                clarification);
    }

    record ApplyRequest(
            Long companyId,
            @NotBlank(message = "Please tell us why your company wants to take part.")
            @Size(max = ApplyCommand.MOTIVATION_MAX, message = "The motivation can have at most 4,000 characters.") String motivation,
            @NotBlank(message = "Please name the markets you target.")
            @Size(max = ApplyCommand.TARGET_MARKETS_MAX, message = "The target markets can have at most 500 characters.") String targetMarkets,
            @NotBlank(message = "Please describe your export experience (it may be none yet).")
            @Size(max = ApplyCommand.EXPORT_EXPERIENCE_MAX, message = "The export experience can have at most 2,000 characters.") String exportExperience,
            @NotNull(message = "Please give the amount you request.")
            @DecimalMin(value = "0.01", message = "The requested amount must be more than €0.")
            @Digits(integer = ApplyCommand.AMOUNT_INTEGER_DIGITS, fraction = ApplyCommand.AMOUNT_FRACTION_DIGITS, message = "The requested amount must be in euros and cents.") BigDecimal requestedAmount,
            @NotEmpty(message = "Please name at least one participant.")
            @Size(max = ApplyCommand.PARTICIPANTS_MAX, message = "At most 5 participants per company.")
            List<@NotNull(message = "Please give the participant's full name and job title.") @Valid ParticipantRequest> participants,
            @NotNull(message = "Please answer the declarations.") @Valid DeclarationsRequest declarations) {

        ApplyCommand toCommand() {
            return new ApplyCommand(companyId, motivation, targetMarkets, exportExperience, requestedAmount,
                    participants.stream().map(p -> new Participant(p.fullName().strip(), p.jobTitle().strip())).toList(),
                    new Declarations(declarations.smeStatus(), declarations.deMinimis(),
                            declarations.noDoubleFunding(), declarations.dataProtection()));
        }
    }

    record ParticipantRequest(
            @NotBlank(message = "Please give the participant's full name.")
            @Size(max = ApplyCommand.PARTICIPANT_TEXT_MAX, message = "A name can have at most 200 characters.") String fullName,
            @NotBlank(message = "Please give the participant's job title.")
            @Size(max = ApplyCommand.PARTICIPANT_TEXT_MAX, message = "A job title can have at most 200 characters.") String jobTitle) {
    }

    /** Each declaration must be answered; one answered "false" makes the application ineligible. */
    record DeclarationsRequest(
            @NotNull(message = "Please answer whether your company is an SME.") Boolean smeStatus,
            @NotNull(message = "Please answer the de minimis declaration.") Boolean deMinimis,
            @NotNull(message = "Please answer the no-double-funding declaration.") Boolean noDoubleFunding,
            @NotNull(message = "Please answer the data protection declaration.") Boolean dataProtection) {
    }

    record ClarificationAnswer(
            @NotBlank(message = "Please write your answer.")
            @Size(max = 4000, message = "Your answer can have at most 4,000 characters.") String answer) {
    }

    record ClarificationView(String question, Instant requestedAt, Instant dueAt, String answer, Instant answeredAt,
            boolean expired) {
    }

    record ApplicationView(Long id, String reference, Long callId, String callTitle, Long companyId,
            Instant submittedAt, BigDecimal requestedAmount, ApplicationStatus status, Boolean eligible,
            List<String> ineligibilityReasons, ClarificationView clarification) {
    }
}
