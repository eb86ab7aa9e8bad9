package eu.clustercalls.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.document.SentFile;
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
            @RequestParam(name = ApplicationService.FIELD_CLARIFICATION_FILES, required = false) List<MultipartFile> files,
            Authentication user, Model model, HttpServletResponse response) {
        // Also a stranger's application reads as not found before their input is looked at.
        applications.applicationOf(user.getName(), applicationId);
        Map<String, String> errors = new LinkedHashMap<>();
        String error = answer.isBlank() ? "todo.error.answer.required"
                : answer.length() > MAX_ANSWER ? "todo.error.answer.tooLong" : null;
        if (error == null) {
            try {
                applications.answerClarification(user.getName(), applicationId, answer, sent(files));
                return "redirect:/portal/todo?done=clarification";
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> errors.put(
                        field.equals(ApplicationService.FIELD_CLARIFICATION_FILES) ? field : "answer", message));
            }
        } else {
            errors.put("answer", error);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(user, model, applicationId, Map.of("answer", answer), errors);
    }

    /** The files the reader chose (a form without any sends one empty part). */
    private static List<SentFile> sent(List<MultipartFile> files) {
        List<SentFile> sent = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                try {
                    sent.add(new SentFile(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sent;
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
