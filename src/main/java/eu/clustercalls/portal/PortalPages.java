package eu.clustercalls.portal;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.NotFoundException;

/**
 * What every page of the portal and the dashboard needs (the address for the language switch), and their error
 * pages: a person reads what went wrong in their language, never a stack trace. Before the JSON API's handler, after
 * the plain answers of links from staff screens (support/StaffLinkRefusals), which no portal page frames.
 */
@ControllerAdvice(basePackages = {"eu.clustercalls.portal", "eu.clustercalls.dashboard", "eu.clustercalls.notification"})
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PortalPages {

    private static final Logger log = LoggerFactory.getLogger(PortalPages.class);

    /** The page's own path, so that the language links come back to it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return PortalConfiguration.LANGUAGES.stream().map(l -> l.getLanguage()).toList();
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletResponse response, Model model) {
        return error(response, HttpServletResponse.SC_NOT_FOUND, "error.notFound", null, model);
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, HttpServletResponse response, Model model) {
        return error(response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", e.getMessage(), model);
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        return error(response, HttpServletResponse.SC_CONFLICT, "error.conflict", e.getMessage(), model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure on a portal page, reference {}", reference, e);
        model.addAttribute("reference", reference);
        return error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "error.unexpected", null, model);
    }

    private static String error(HttpServletResponse response, int status, String message, String detail, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("errorMessage", message);
        model.addAttribute("detail", detail);
        return "portal/error";
    }
}
