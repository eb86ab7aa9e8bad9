package eu.clustercalls.support;

import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A link followed in a browser that leads nowhere: the sentence as the page (see {@link StaffLink}). */
@ControllerAdvice(annotations = StaffLink.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffLinkRefusals {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(e.getMessage());
    }
}
