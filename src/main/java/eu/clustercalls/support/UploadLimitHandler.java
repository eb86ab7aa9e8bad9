package eu.clustercalls.support;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.config.ClusterCallsProperties;

/**
 * A multipart request over the container's limits (spring.servlet.multipart) fails while it is read, before a handler
 * is chosen: {@link ApiExceptionHandler}, limited to this application's controllers, does not apply then, and the
 * client would get a bare 413. This advice applies to every handler, and to none, for this one exception: the API
 * answers with a problem document, the portal with its error page in the reader's language.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

    private final ClusterCallsProperties properties;
    private final MessageSource messages;
    private final ObjectMapper json;

    UploadLimitHandler(ClusterCallsProperties properties, MessageSource messages, ObjectMapper json) {
        this.properties = properties;
        this.messages = messages;
        this.json = json;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long file = properties.maxDocumentSize().toMegabytes();
        long claim = properties.maxClaimSize().toMegabytes();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/portal/")) {
            Locale locale = LocaleContextHolder.getLocale();
            return new ModelAndView("portal/error", Map.of("status", 413, "errorMessage", "error.tooLarge",
                    "detail", messages.getMessage("error.tooLarge.detail", new Object[] {file, claim}, locale),
                    "languages", List.of(), "currentPath", "/portal"), HttpStatus.PAYLOAD_TOO_LARGE);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The files are too large "
                + "to be received. A file may be at most " + file + " MB and the files of a claim " + claim
                + " MB together; please send smaller scans.");
        problem.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        // Written already: an empty model and view tells Spring MVC that nothing is left to render.
        return new ModelAndView();
    }
}
