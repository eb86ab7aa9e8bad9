package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationDraft;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.MembershipRequest;
import eu.clustercalls.company.MembershipRequestService;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.ViewWords;

/**
 * Applying to a call: the form (kept as a draft on request), its preview with the declarations, and the submission.
 * The form's checks give messages in the reader's language; the rules of the call are the service's.
 */
@Controller
class ApplyPages {

    private final ApplicationService applications;
    private final CallService calls;
    private final CompanyService companies;
    private final PortalFormat format;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final MembershipRequestService membershipRequests;

    ApplyPages(ApplicationService applications, CallService calls, CompanyService companies, PortalFormat format,
            MessageSource messages, ObjectMapper json, MembershipRequestService membershipRequests) {
        this.applications = applications;
        this.calls = calls;
        this.companies = companies;
        this.format = format;
        this.messages = messages;
        this.json = json;
        this.membershipRequests = membershipRequests;
    }

    @GetMapping("/portal/calls/{callId}/apply")
    String form(@PathVariable Long callId, Authentication user, Model model) {
        FundingCall call = calls.getPublic(callId);
        ApplyForm form = ApplyForm.of(Map.of());
        ApplicationDraft draft = applications.draftOf(callId, user.getName()).orElse(null);
        if (draft != null) {
            form = ApplyForm.of(read(draft.getContent()));
            model.addAttribute("draftSavedAt", draft.getSavedAt());
        }
        return form(call, form, Map.of(), user, model);
    }

    /** The form's buttons: save a draft, preview the answers, or come back from the preview to edit them. */
    @PostMapping("/portal/calls/{callId}/apply")
    String post(@PathVariable Long callId, @RequestParam Map<String, String> values,
            @RequestParam(defaultValue = "edit") String action, Authentication user, Model model,
            HttpServletResponse response) {
        FundingCall call = calls.getPublic(callId);
        ApplyForm form = ApplyForm.of(values);
        if (action.equals("draft")) {
            return saveDraft(call, form, user, model, response);
        }
        if (!action.equals("preview")) {
            return form(call, form, Map.of(), user, model);
        }
        Map<String, ApplyForm.Problem> problems = form.problems(call.getMaxGrant(), actsForSeveral(user));
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(call, form, problems, user, model);
        }
        return preview(call, form, values, Map.of(), user, model);
    }

    @PostMapping("/portal/calls/{callId}/apply/submit")
    String submit(@PathVariable Long callId, @RequestParam Map<String, String> values, Authentication user,
            Model model, HttpServletResponse response) {
        FundingCall call = calls.getPublic(callId);
        ApplyForm form = ApplyForm.of(values);
        Map<String, ApplyForm.Problem> problems = form.problems(call.getMaxGrant(), actsForSeveral(user));
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(call, form, problems, user, model);
        }
        Map<String, ApplyForm.Problem> declarations = ApplyForm.declarationProblems(values);
        if (!declarations.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return preview(call, form, values, declarations, user, model);
        }
        try {
            Application application = applications.apply(callId, user.getName(), form.command());
            return "redirect:/portal/applications/" + application.getId() + "?submitted";
        } catch (InvalidInputException e) {
            return refused(HttpServletResponse.SC_BAD_REQUEST, e.fieldErrors(), call, form, user, model, response);
        } catch (ForbiddenException e) {
            return refused(HttpServletResponse.SC_FORBIDDEN, Map.of("", e.getMessage()), call, form, user, model, response);
        } catch (ConflictException e) {
            return refused(HttpServletResponse.SC_CONFLICT, Map.of("", e.getMessage()), call, form, user, model, response);
        }
    }

    private String saveDraft(FundingCall call, ApplyForm form, Authentication user, Model model,
            HttpServletResponse response) {
        Map<String, ApplyForm.Problem> problems = new LinkedHashMap<>(form.draftProblems());
        if (actsForSeveral(user) && form.companyId() == null) {
            problems.put(ApplyForm.COMPANY_ID, new ApplyForm.Problem("apply.error.companyId.required"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(call, form, problems, user, model);
        }
        try {
            ApplicationDraft draft = applications.saveDraft(call.getId(), user.getName(), form.companyId(),
                    write(form.getAnswers()));
            model.addAttribute("draftSavedAt", draft.getSavedAt());
            model.addAttribute("draftJustSaved", true);
            return form(call, form, Map.of(), user, model);
        } catch (InvalidInputException e) {
            return refused(HttpServletResponse.SC_BAD_REQUEST, e.fieldErrors(), call, form, user, model, response);
        } catch (ForbiddenException e) {
            return refused(HttpServletResponse.SC_FORBIDDEN, Map.of("", e.getMessage()), call, form, user, model, response);
        }
    }

    /**
     * The service said no: its message next to the field it names when the form has that field, else at the top.
     * Its texts are in English; the form's own checks catch the common cases in the reader's language first.
     */
    private String refused(int status, Map<String, String> serviceErrors, FundingCall call, ApplyForm form,
            Authentication user, Model model, HttpServletResponse response) {
        response.setStatus(status);
        Map<String, String> errors = new LinkedHashMap<>();
        StringBuilder alert = new StringBuilder();
        ViewWords words = format.words();
        serviceErrors.forEach((field, refusal) -> {
            String message = words.phrase(refusal);
            if (ApplyForm.ANSWERS.contains(field)) {
                errors.put(field, message);
            } else {
                alert.append(alert.isEmpty() ? "" : " ").append(message);
            }
        });
        model.addAttribute("alert", alert.isEmpty() ? null : alert.toString());
        return page(call, form, errors, user, model);
    }

    private String form(FundingCall call, ApplyForm form, Map<String, ApplyForm.Problem> problems,
            Authentication user, Model model) {
        return page(call, form, resolve(problems), user, model);
    }

    private String page(FundingCall call, ApplyForm form, Map<String, String> errors, Authentication user,
            Model model) {
        common(call, form, errors, user, model);
        model.addAttribute("open", calls.acceptsApplications(call));
        model.addAttribute("textFields", List.of(ApplyForm.MOTIVATION, ApplyForm.TARGET_MARKETS,
                ApplyForm.EXPORT_EXPERIENCE));
        Map<String, Integer> limits = new LinkedHashMap<>();
        ApplyForm.ANSWERS.forEach(field -> limits.put(field, ApplyForm.maxLength(field)));
        model.addAttribute("limits", limits);
        model.addAttribute("maxGrantText", format.money(call.getMaxGrant()));
        return "portal/apply";
    }

    private String preview(FundingCall call, ApplyForm form, Map<String, String> values,
            Map<String, ApplyForm.Problem> problems, Authentication user, Model model) {
        common(call, form, resolve(problems), user, model);
        Map<String, Boolean> ticked = new LinkedHashMap<>();
        ApplyForm.DECLARATIONS.forEach(name -> ticked.put(name, "true".equals(values.get(name))));
        model.addAttribute("ticked", ticked);
        model.addAttribute("declarations", ApplyForm.DECLARATIONS);
        model.addAttribute("amount", form.amount());
        model.addAttribute("company", companyNamed(user, form.companyId()));
        return "portal/apply-preview";
    }

    private void common(FundingCall call, ApplyForm form, Map<String, String> errors, Authentication user,
            Model model) {
        List<Company> own = companies.companiesOf(user.getName());
        model.addAttribute("call", call);
        model.addAttribute("answers", form.getAnswers());
        model.addAttribute("errors", errors);
        model.addAttribute("companies", own);
        model.addAttribute("answerFields", ApplyForm.ANSWERS);
        model.addAttribute("participantRows", form.filledRows());
        // Said before the SME writes its answers: it has applied already, or the cluster has not confirmed its
        // membership number yet.
        model.addAttribute("existing", applications.applicationsOf(user.getName()).stream()
                .filter(existing -> existing.getCallId().equals(call.getId())).toList());
        model.addAttribute("companyNames", own.stream().collect(Collectors.toMap(Company::getId,
                Company::getLegalName)));
        model.addAttribute("membershipPending", call.isMembersOnly() && own.stream().anyMatch(company ->
                membershipRequests.requestsOf(company.getId()).stream().anyMatch(request ->
                        request.getClusterId().equals(call.getClusterId())
                                && request.getStatus() == MembershipRequest.Status.PENDING)));
        if (own.size() == 1 && form.companyId() == null) {
            form.getAnswers().put(ApplyForm.COMPANY_ID, own.get(0).getId().toString());
        }
    }

    private String companyNamed(Authentication user, Long companyId) {
        List<Company> own = companies.companiesOf(user.getName());
        return own.stream().filter(c -> c.getId().equals(companyId)).findFirst()
                .or(() -> own.stream().findFirst()).map(Company::getLegalName).orElse("");
    }

    private boolean actsForSeveral(Authentication user) {
        return companies.companiesOf(user.getName()).size() > 1;
    }

    private Map<String, String> resolve(Map<String, ApplyForm.Problem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, problem) -> errors.put(field, messages.getMessage(problem.key(),
                Arrays.stream(problem.arguments())
                        .map(argument -> argument instanceof BigDecimal amount ? format.money(amount) : argument)
                        .toArray(), LocaleContextHolder.getLocale())));
        return errors;
    }

    private Map<String, Object> read(String content) {
        try {
            return json.readValue(content, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored draft is not JSON", e);
        }
    }

    private String write(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The form's answers cannot be written as JSON", e);
        }
    }
}
