package eu.clustercalls.support;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A link followed in a browser that leads nowhere: the sentence as the page (see {@link StaffLink}), in the browser's
 * language when it is a refusal kept as a {@link Phrase}.
 */
@ControllerAdvice(annotations = StaffLink.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffLinkRefusals {

    private final MessageSource messages;

    StaffLinkRefusals(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(RequestWords.of(messages, request).phrase(e.getMessage()));
    }
}
