package eu.clustercalls.support;

import eu.clustercalls.config.ClusterCallsProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart request over the container's limits (spring.servlet.multipart) fails while it is read, before a handler
 * is chosen: {@link ApiExceptionHandler}, limited to this application's controllers, does not apply then, and the
 * client would get a bare 413. This advice applies to every handler, and to none, for this one exception.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

    private final ClusterCallsProperties properties;

    UploadLimitHandler(ClusterCallsProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The files are too large "
                + "to be received. A file may be at most " + properties.maxDocumentSize().toMegabytes()
                + " MB and the files of a claim " + properties.maxClaimSize().toMegabytes()
                + " MB together; please send smaller scans.");
        problem.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
        return problem;
    }
}
