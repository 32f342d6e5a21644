package be.loket.platform.web;

import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps failures of the JSON API to RFC 9457 problem details whose title and detail are in the
 * language of Accept-Language. Field errors are listed under {@code errors}. Whatever else a controller
 * throws is still a problem detail: Spring's own web exceptions keep their status, anything unexpected
 * is a 500 with a generic text (logged, never shown). Failures before a controller is chosen (unknown
 * path, wrong method or media type) are handled by {@link ApiRoutingExceptionHandler}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "problem.notFound");
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(HttpServletRequest request) {
        return problem(request, HttpStatus.CONFLICT, "problem.conflict");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(HttpServletRequest request) {
        return problem(request, HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = problem(request, HttpStatus.BAD_REQUEST, "problem.invalid");
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "code", v.messageKey(),
                        "message", messages.getMessage(v.messageKey(), v.args().toArray(), locale)))
                .toList();
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ProblemDetail unreadable(HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "problem.unreadable");
    }

    /** Everything else a controller throws: Spring's web exceptions with their own status, the rest as 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AuthenticationException) {
            // Rethrown, so Spring Security's entry point answers with its 401 problem, as for any unauthenticated call.
            throw e;
        }
        HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
        HttpHeaders headers = HttpHeaders.EMPTY;
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (e instanceof ErrorResponse error) {
            status = error.getStatusCode();
            headers = error.getHeaders(); // e.g. Allow on 405, Accept on 415
        } else if (annotated != null) {
            status = annotated.code();
        }
        if (status.is5xxServerError()) {
            // The caller learns nothing of the cause (it may hold personal data or internals); the log keeps it.
            log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        ProblemDetail body = problem(request, known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR, keyFor(status));
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    static String keyFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "problem.unreadable";
            case 401 -> "problem.unauthorized";
            case 403 -> "problem.forbidden";
            case 404 -> "problem.notFound";
            case 405 -> "problem.method";
            case 406 -> "problem.notAcceptable";
            case 409 -> "problem.conflict";
            case 415 -> "problem.mediaType";
            default -> status.is4xxClientError() ? "problem.badRequest" : "problem.internal";
        };
    }

    private ProblemDetail problem(HttpServletRequest request, HttpStatus status, String key) {
        return Problems.of(status, messages.getMessage(key, null, LocaleContextHolder.getLocale()), request);
    }
}
