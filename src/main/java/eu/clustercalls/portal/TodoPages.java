package eu.clustercalls.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.selection.SelectionService;
import eu.clustercalls.support.InvalidInputException;

/**
 * The SME's "To do": answer a clarification request, confirm or decline a place, and the way to the expense claim.
 * The services check who may act and whether the step is still open; this page only keeps the form.
 */
@Controller
class TodoPages {

    /** As the API accepts them (ApplicationController, ParticipationController). */
    static final int MAX_ANSWER = 4000;
    static final int MAX_REASON = 2000;

    private final TodoList todoList;
    private final ApplicationService applications;
    private final SelectionService selection;

    TodoPages(TodoList todoList, ApplicationService applications, SelectionService selection) {
        this.todoList = todoList;
        this.applications = applications;
        this.selection = selection;
    }

    @GetMapping("/portal/todo")
    String todo(Authentication user, Model model) {
        return page(user, model, null, Map.of(), Map.of());
    }

    @PostMapping("/portal/applications/{applicationId}/clarification")
    String answerClarification(@PathVariable Long applicationId, @RequestParam(defaultValue = "") String answer,
            Authentication user, Model model, HttpServletResponse response) {
        // Also a stranger's application reads as not found before their input is looked at.
        applications.applicationOf(user.getName(), applicationId);
        String error = answer.isBlank() ? "todo.error.answer.required"
                : answer.length() > MAX_ANSWER ? "todo.error.answer.tooLong" : null;
        if (error == null) {
            try {
                applications.answerClarification(user.getName(), applicationId, answer);
                return "redirect:/portal/todo?done=clarification";
            } catch (InvalidInputException e) {
                error = e.fieldErrors().values().iterator().next();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(user, model, applicationId, Map.of("answer", answer), Map.of("answer", error));
    }

    @PostMapping("/portal/applications/{applicationId}/participation")
    String answerParticipation(@PathVariable Long applicationId, @RequestParam(required = false) Boolean confirm,
            @RequestParam(defaultValue = "") String reason, Authentication user, Model model,
            HttpServletResponse response) {
        applications.applicationOf(user.getName(), applicationId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (confirm == null) {
            errors.put("confirm", "todo.error.confirm.required");
        }
        if (reason.length() > MAX_REASON) {
            errors.put("reason", "todo.error.reason.tooLong");
        }
        if (errors.isEmpty()) {
            selection.answerParticipation(user.getName(), applicationId, confirm, reason.isBlank() ? null : reason.strip());
            return "redirect:/portal/todo?done=" + (confirm ? "confirmed" : "declined");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(user, model, applicationId, Map.of("reason", reason), errors);
    }

    /**
     * The list, with what the reader typed and its errors on the card of {@code failedId}. An error is a message key
     * of this page, or a service's own text where there is no key.
     */
    private String page(Authentication user, Model model, Long failedId, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("todos", todoList.of(user.getName()));
        model.addAttribute("failedId", failedId);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "portal/todo";
    }
}
