package eu.clustercalls.support;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of the JSON API into a problem document a person can read; never a stack trace. Refusals kept
 * as a {@link Phrase} are written in the request's Accept-Language (English, Spanish or Catalan; English by default).
 */
@RestControllerAdvice(basePackages = "eu.clustercalls")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors()
                .forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return fieldProblem(errors);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
        ViewWords words = words(request);
        Map<String, String> errors = new TreeMap<>();
        e.fieldErrors().forEach((field, message) -> errors.put(field, words.phrase(message)));
        return fieldProblem(errors);
    }

    private ViewWords words(HttpServletRequest request) {
        return RequestWords.of(messages, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()
                && invalid.getTargetType() == String.class) {
            return fieldProblem(Map.of(fieldPath(invalid), FormValues.NO_CONTROL_CHARACTERS));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return fieldProblem(Map.of(fieldPath(mismatch), expected(mismatch.getTargetType())));
        }
        // JSON broken inside an object (NaN, Infinity, a bare word, a missing comma) stops the parser at the field it
        // belongs to or follows; nested, databind wraps the parser's exception. A body cut short is the body's problem.
        JsonParseException broken = cause(e, JsonParseException.class);
        if (broken != null && !(broken instanceof JsonEOFException) && broken.getProcessor() != null) {
            String field = fieldPath(broken.getProcessor().getParsingContext());
            if (!field.isEmpty()) {
                ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
                problem.setProperty("errors", Map.of(field, "This value, or what follows it, is not valid JSON: write "
                        + "a number in digits, such as 1500.00 (NaN and Infinity are not numbers), and text in quotes."));
                return problem;
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is missing, is not valid JSON, or a value has the wrong type.");
    }

    /** The field as bean validation names it: {@code declarations.smeStatus}, {@code participants[0].fullName}. */
    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The same path, from where the parser stopped: the field names and list positions that lead to it. */
    private static String fieldPath(JsonStreamContext context) {
        Deque<JsonStreamContext> outerFirst = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            outerFirst.addFirst(at);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at : outerFirst) {
            if (at.inArray()) {
                path.append('[').append(at.getCurrentIndex()).append(']');
            } else if (at.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(at.getCurrentName());
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "This value has the wrong type.";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "Please enter a whole number.";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "Please enter a number, such as 1500.00.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Please answer true or false.";
        }
        if (type == LocalDate.class) {
            return "Please enter a date as YYYY-MM-DD, such as 2026-12-21.";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "Please give a list.";
        }
        if (type == String.class) {
            return "Please enter text.";
        }
        return "This value has the wrong type.";
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Please send the request body as JSON (Content-Type: application/json).");
    }

    /** Not multipart (the container cannot parse it, or MockMvc finds no parts), or without its part "claim". */
    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ProblemDetail notMultipart(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Please send the claim as multipart/form-data: a part 'claim' with the "
                + "JSON and one part per file.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "The value '" + e.getValue() + "' is not valid for " + e.getName() + ".");
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, words(request).phrase(e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, words(request).phrase(e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchPath(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "There is nothing at this address.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, words(request).phrase(e.getMessage()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept " + e.getMethod() + ".");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            // A request Spring MVC itself refuses (a missing parameter, a content type it cannot produce): the
            // client's mistake, with Spring's own explanation, not a failure on our side.
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            String detail = error.getBody().getDetail();
            return problem(status, detail != null ? detail : status.getReasonPhrase() + ".");
        }
        ProblemDetail refused = refusalWithin(e, request);
        if (refused != null) {
            return refused;
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was saved. Please try again; if it persists, quote reference " + reference + ".");
    }

    /**
     * The engine wraps what a task listener throws (ENGINE-03051): a refusal of ours inside it is still the
     * client's problem, answered as such.
     */
    private ProblemDetail refusalWithin(Throwable e, HttpServletRequest request) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalidInput(invalid, request);
            }
            if (cause instanceof ConflictException conflict) {
                return conflict(conflict, request);
            }
            if (cause instanceof ForbiddenException forbidden) {
                return forbidden(forbidden, request);
            }
            if (cause instanceof NotFoundException notFound) {
                return notFound(notFound, request);
            }
        }
        return null;
    }

    private static ProblemDetail fieldProblem(Map<String, String> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some fields need your attention.");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
